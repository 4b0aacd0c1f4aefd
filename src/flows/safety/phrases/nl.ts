/**
 * Dutch. Residents write B1 Dutch, spoken forms (mn, m'n, t, ff), no capitals and no
 * punctuation; newcomers write simplified Dutch ("ik wil zelfmoord doen"). Verb-second
 * order moves the verb: write both orders where it matters ("mijn man slaat me" /
 * "slaat mijn man me"). Spelling variants (ë, ï, m'n) are folded away.
 */
import type { LanguagePhrases } from '../phrase-book.js';

const me = '(me|mij|mezelf|mijzelf)';
const my = "(mijn|mn|m|m'n)";
const partner =
  '(man|vrouw|vriend|vriendin|partner|ex|echtgenoot|echtgenote|vader|pa|papa|moeder|ma|mama|stiefvader|stiefmoeder|schoonvader|schoonmoeder|broer|zus|zoon|dochter|oom|hij|zij|ze)';
const hits =
  '(slaat|sloeg|slaan|schopt|schopte|trapt|trapte|mishandelt|mishandelde|wurgt|wurgde|knijpt|duwt|duwde|bedreigt|bedreigde|misbruikt|misbruikte|verkracht|verkrachtte)';
const kill =
  '(vermoorden|vermoordt|vermoord|doodmaken|dood maken|dood te maken|afmaken|af te maken|ombrengen|om te brengen|doden|te doden|doodschieten|neersteken|vermoorden)';

export const nl: LanguagePhrases = {
  language: 'nl',
  crisis: {
    suicide: [
      'zelfmoord*',
      'zelfdoding*',
      'suicid*',
      'wil ~2 niet meer (leven|bestaan)',
      'wil ~2 niet meer verder',
      'niet meer (leven|bestaan) ~1 wil',
      '(wil|wilt|wou|zou) ~3 (dood|sterven|doodgaan)',
      'wil ~2 er niet meer zijn',
      'er ~3 (een|n) (eind|einde) aan ~3 (maken|make)',
      '(eind|einde) ~2 (maken|make) aan ' + my + ' leven',
      '(maak|maakt|maken|maakte) er ~2 (een|n) (eind|einde) aan',
      '(eind|einde) aan ' + my + ' leven',
      my + ' leven ~2 (beeindigen|beindigen|beeindig|stoppen)',
      me + ' ~2 van kant ~1 (maken|make)',
      me +
        ' ~3 (ombrengen|om te brengen|doden|te doden|doodmaken|dood te maken|ophangen|op te hangen|verhangen|te verhangen|verdrinken|te verdrinken|vermoorden|te vermoorden)',
      'uit het leven (stappen|stap|te stappen)',
      '(mezelf|mijzelf) ~3 dood ~2 (rijden|drinken|hongeren|vriezen|zuipen|storten)',
      '(denk|dacht|denken) ~3 aan (doodgaan|dood gaan|sterven|de dood)',
      '(wil|wou) ~3 weg (van|uit) ~1 (deze|de) wereld',
      '(leven|bestaan) ~4 (geen zin|zinloos|geen nut)',
      'geen zin ~2 in ' + '(het|mijn|mn) leven',
      'zie het ~2 niet meer zitten',
      '(wil|hoef|wou|hoop) ~3 niet meer wakker ~1 (worden|te worden)',
      'nooit meer wakker (worden|te worden)',
      'beter af zonder ' + me,
      '(beter|liever) dood',
      'dat ik ~2 dood (was|ben|zou zijn)',
      '(spring|springen|gesprongen|gooi|gooien) ~4 (flat|brug|trein|dak|balkon|raam|gebouw|metro)',
      '(flat|brug|dak|balkon|raam|gebouw) ~2 (springen|spring|te springen|afspringen|af springen|af te springen|gooien)',
      'voor de trein ~1 (springen|spring|te springen|gooien|lopen)',
      'overdosis',
      '(alle|al|een hele|heel veel) ~2 (pillen|medicijnen|tabletten|slaappillen) ~3 (geslikt|ingenomen|genomen|slikken|innemen|gespaard)',
      '(pillen|medicijnen|tabletten|slaappillen) ~3 (gespaard|sparen|verzameld)',
      '(touw|strop) ~5 (ophangen|op te hangen|verhangen)',
    ],
    selfHarm: [
      'zelfbeschadig*',
      'automutil*',
      '(snij|snijd|sneed|snijden|kras|krassen|kraste|brand|brandde|sla|slaan) ~2 ' +
        '(mezelf|mijzelf)',
      '(mezelf|mijzelf) ~2 (gesneden|gekrast|gebrand|geslagen|beschadigd|verwond)',
      '(kras|krassen|kraste|gekrast|snij|snijd|sneed|snijden|gesneden) ~2 in ' +
        my +
        ' (armen|arm|polsen|pols|benen|been|huid|buik)',
      '(aan het|weer) ~1 (krassen|snijden)',
      '(polsen|pols|aders|ader) ~2 (doorgesneden|doorsnijden|door te snijden|opengesneden|gesneden|snijden|opensnijden)',
      '(doorsnijden|doorgesneden|opengesneden|opensnijden) ~3 (polsen|pols|aders|ader)',
      '(mezelf|mijzelf) ~2 pijn ~1 (doen|te doen|gedaan|doe)',
      '(doe|deed) ~1 (mezelf|mijzelf) ~1 pijn',
      '(mezelf|mijzelf) ~2 iets ~2 (aandoen|aan te doen|aan doen|aangedaan|aan)',
    ],
    violence: [
      'huiselijk* geweld',
      '(geweld|mishandeling) ~2 (thuis|in huis|bij ons|in mijn relatie|in de relatie)',
      partner + ' ~3 ' + hits + ' ~4 (me|mij|ons)',
      hits + ' ~1 ' + my + ' ' + partner + ' ~1 (me|mij|ons)',
      'ik (word|wordt|ben) ~3 (geslagen|mishandeld|geschopt|gewurgd|misbruikt|verkracht|bedreigd)',
      '(word|wordt) ik ~3 (geslagen|mishandeld|geschopt|gewurgd|misbruikt|verkracht|bedreigd)',
      '(heeft|had|hebben) (me|mij) ~3 (geslagen|mishandeld|geschopt|gewurgd|misbruikt|verkracht|gestompt)',
      '(mishandelt|mishandelde|misbruikt|misbruikte) ~1 (me|mij)',
      'bang voor ' + my + ' (man|vrouw|vriend|vriendin|partner|ex|vader|stiefvader|broer|zoon)',
      'durf ~2 niet ~2 (naar huis|thuis|naar binnen)',
      '(hij|zij|man|vriend|partner|vader|ex) ~3 (agressief|gewelddadig)',
    ],
    danger: [
      '(dreigt|dreigde|bedreigt|bedreigde) ~4 ' + kill,
      '(dreigt|dreigde|bedreigt|bedreigde) ~4 (mes|pistool|wapen|bijl)',
      '(me|mij) ~3 ' + kill,
      '(ben|zijn|zit|zitten) ~2 !(niet|geen|nooit) in ~1 (gevaar|levensgevaar)',
      'levensgevaar',
      'acuut gevaar',
      '!(ik|moet|ga|heb|had|zal|kan|kun|gisteren|we|wij) bel ~1 (de politie|112)',
      '(voel|voelt) ~2 niet veilig',
      'niet veilig ~2 (thuis|in huis|bij hem|bij haar|hier)',
      '(voel me|voel mij) ~2 onveilig',
      '(staat|stond|komt|kwam|zwaait|heeft|loopt) ~5 (met een|een) (mes|pistool|wapen|bijl)',
      '(heeft|houdt|hield) (me|mij) ~2 (opgesloten|vast)',
      'ik (ben|word|zit) ~2 opgesloten',
    ],
  },
  concerns: {
    loneliness: [
      'eenzaam*',
      '(altijd|steeds|elke dag|de hele dag|helemaal|zo|erg|heel) alleen',
      'niemand ~3 (om mee te praten|om mee te kletsen|om te praten|langs|bij mij)',
      'heb niemand',
      'ken ~2 niemand',
      'niemand ~2 (ken|kent)',
      'geen (vrienden|familie|contact|contacten) ~2 (hier|meer)',
    ],
    debts: [
      'schulden',
      'schuldhulp*',
      'deurwaarder*',
      'incasso*',
      'geldzorg*',
      'kom ~2 niet rond',
      '(huur|rekening|rekeningen|energierekening|zorgverzekering) ~3 niet ~1 (betalen|meer betalen)',
      '(kan|kunnen) ~3 (huur|rekening|rekeningen) ~2 niet ~1 (betalen|betaald)',
      '(afgesloten|afsluiten|afsluiting) ~3 (gas|stroom|energie|water|licht)',
    ],
    homeless: [
      'dakloos*',
      '(slaap|slapen|sliep) ~2 (op straat|buiten|in de auto|in mijn auto|in het park)',
      'geen (huis|woning|dak boven mijn hoofd|slaapplek|plek om te slapen|adres)',
      'uit ' + my + ' (huis|woning) ~1 (gezet|zetten)',
      'huisuitzetting',
      'uit huis gezet',
    ],
    food: [
      '(geen|niks|niets) ~1 (eten|te eten) ~2 (meer|in huis|thuis)',
      '(heb|hebben) ~2 (geen|niks|niets) ~1 (eten|te eten)',
      'geen geld ~3 (eten|boodschappen)',
      '(kan|kunnen) ~2 geen (boodschappen|eten) ~2 (betalen|kopen|doen)',
      '(kinderen|kids|kind) ~3 honger',
      '(al|twee|drie|paar) ~1 dagen ~2 niet gegeten',
      'niet gegeten ~3 (dagen|twee dagen|drie dagen)',
    ],
  },
  harmless: [
    // Idioms with the same words.
    'dood (op|moe|graag|eng|stil|gewoon|normaal|ziek|leuk)',
    '(ga|gaan|ging) ~1 dood van ~2 (het lachen|de honger|de kou|de hitte|verveling|de dorst)',
    '(schrok|schrik|verveel) ~2 dood',
    'moord (doen|doe) voor',
    'moordend heet',
    // Others' stories, news, prevention and help work.
    'zelfmoord* (preventie|aanslag*|terroris*|lijn)',
    'zelfmoordpreventie',
    'zelfmoordaanslag*',
    '!(ik|bijna) (heeft|had|hebben|hadden) ~4 zelfmoord* gepleegd',
    '(pleegde|pleegden) zelfmoord*',
    '(boek|film|documentaire|serie|artikel|nieuws|cursus|training|les|lezing|voorlichting|programma) ~4 (over|tegen) ~2 (geweld|zelfmoord*|mishandeling)',
    '(vrijwilliger|vrijwilligerswerk) ~4 (veilig thuis|113)',
    // Wanting to stop something that is not life.
    'wil ~2 niet meer verder met',
    '(wil|zou) ~3 dood graag',
    // Needs that were solved.
    'schulden ~2 (afbetaald|afgelost|kwijt|weg|opgelost)',
  ],
};
