/**
 * Turkish. Suffixes carry person, tense and negation ("yaşamak istemiyorum": I don't want to
 * live; "dövüyor": is beating), so stems do most of the work (`dov*`, `oldur*`). Residents
 * often type without ı/ş/ğ/ç/ö/ü and in spoken forms ("istemiyom", "edicem", "dovuyo");
 * folding maps ı→i, ö→o, ü→u, ş→s, ç→c, ğ→g and İ→i. That folding makes "ölmek" (to
 * die) and "olmak" (to be) one letter apart, so short death words are written exact (`=`).
 */
import type { LanguagePhrases } from '../phrase-book.js';

const notWant = '(istemiyorum|istemiyom|istemiyorm|istemiyrm|istemem|istemiyorum artik)';
const family =
  '(kocam|esim|karim|babam|annem|abim|agabeyim|kardesim|sevgilim|partnerim|nisanlim|ablam|oglum|o|eski esim|eski kocam)';

export const tr: LanguagePhrases = {
  language: 'tr',
  crisis: {
    suicide: [
      'intihar*',
      '(yasamak|yasamayi|yasamaya|hayatta kalmak) ~2 ' + notWant,
      '(=olmek|=olmeyi|=olmeye) ~1 (istiyorum|istiyom|istiyorm|isterim|istiyorum artik)',
      '=kendimi ~2 (oldur*|olduru*|asaca*|asicam|asarim|asmak|asmayi|atacag*|atarim|aticam)',
      '(canima|canina) ~1 kiy*',
      '(hayatima|hayatimi|yasamima|omrume) ~1 (son ver*|bitir*|sonlandir*)',
      '(yasamanin|hayatin|yasamin|hayatimin|yasamak) ~2 (anlami|degeri|bir anlami) ~1 (yok|kalmadi)',
      'keske ~2 (=olsem|=olseydim|=olsaydim|hic dogmasaydim|dogmasaydim)',
      '=olsem ~4 (daha iyi|iyi olur|herkes|kurtulurum)',
      '(ben|beni) ~1 olmasam ~3 (herkes|daha)',
      '(kopruden|binadan|balkondan|camdan|catidan|pencereden) ~2 (atlaya*|atlicam|atlarim|atlamak|atlayacag*)',
      '=kendimi ~3 (trenin|arabanin|kopruden|camdan|pencereden|metronun) ~2 (atacag*|atarim|aticam|atmak)',
      '(butun|tum|hepsini|bir kutu|kutu) ~2 (ilaclari|ilac*|haplari|hap*) ~2 (ictim|yuttum|aldim|icicem|icecegim|yutacagim)',
      '(uyanmak|uyanmayi) ~2 ' + notWant,
      'her seyi ~1 (bitirmek|bitirecegim|bitiricem|sonlandirmak|bitirmeyi)',
      '(yasamaktan|hayattan|yasamdan) (biktim|yoruldum|sogudum|usandim)',
    ],
    selfHarm: [
      '(=kendimi|=kendime) ~2 (kesiyorum|kestim|kesecegim|kesicem|kesmek|kesmeyi|yaraliyorum|yaraladim|yakiyorum|yaktim|yakacagim|zarar ver*|zarar veri*|dovuyorum|vuruyorum)',
      '(kollarimi|bileklerimi|bilegimi|kolumu|bacaklarimi|damarimi|damarlarimi) ~2 (kestim|kesiyorum|kesecegim|kesicem|jiletle*)',
      '(jilet|jiletle) ~3 (kestim|kesiyorum|kesicem)',
    ],
    violence: [
      family +
        ' ~3 (beni|bana) ~2 (dov*|vur*|siddet*|bog*|tokat*|tekme*|iskence*|zarar ver*|tecavuz*|itti|itiyor)',
      family + ' ~3 (dov*|vur*|bog*|tokat*|tekme*|iskence*) ~2 (beni|bana)',
      '(bogazimi|bogazimdan) ~1 (sikti|sikiyor|sikmaya|sikarak)',
      '(kocamdan|esimden|babamdan|sevgilimden|abimden|partnerimden|karimdan|nisanlimdan) ~2 (korkuyorum|korkuyom)',
      '(aile ici|ev ici) ~1 siddet*',
      '(siddet|dayak) (goruyorum|goruyoruz|yiyorum|yiyoruz|gordum|yedim)',
      'siddete ~1 (ugruyorum|ugradim|maruz)',
      '(evde|bizde|evimizde) ~2 siddet*',
      '(dovuluyorum|dovuldum|dayak yiyorum)',
      '(eve|evime) ~2 (gitmeye|donmeye) ~1 (korkuyorum|korkuyom)',
    ],
    danger: [
      'tehlikede*',
      '(hayatim|canim) ~1 tehlike*',
      'beni ~2 (oldurecek|oldurecekler|olduruce*|oldurmek ist*|oldurmekle|olduricek|oldurmeye)',
      '(oldurmekle|olumle) ~1 tehdit*',
      '(bicakla|bicak|silahla|silah|tabanca*) ~3 (bekliyor|geldi|tehdit*|kapi*|kovaliyor|ustume)',
      '(guvende|emniyette) ~1 degil*',
      'guvende ~1 (hissetmiyorum|hissetmiyom)',
      'polis* ~1 (arayin|cagirin|cagir|ara|yollayin|gonderin)',
      '(beni|bizi) ~2 (kilitledi|hapsetti|kapatti|kilitliyor)',
      'disari ~1 (cikamiyorum|cikamiyom|cikmama izin vermiyor|cikarmiyor)',
    ],
  },
  concerns: {
    loneliness: [
      'yalnizim',
      'yalniz ~1 (hissediyorum|kaldim)',
      'yalnizlik*',
      '(konusacak|goruscek|gorusecek) ~1 (kimsem|kimse|kimsecik) ~1 yok',
      'kimseyi ~1 (tanimiyorum|tanimiyom)',
      'kimsem yok',
    ],
    debts: [
      'borc*',
      '(kirayi|faturalari|faturayi|kira) ~2 (odeyemiyorum|odeyemiyom|odeyemedim|odeyemiyoruz)',
      'icra*',
      'para ~1 (sikintisi|sikintim|derdi)',
    ],
    homeless: [
      '(evim|yuvam|kalacak yerim|barinacak yerim) ~1 yok',
      '(sokakta|parkta|arabada|disarida) ~1 (yatiyorum|uyuyorum|kaliyorum|yatiyom)',
      'evsiz*',
      '(evden|evimden) ~1 (cikariliyorum|cikarildim|atiliyorum|atildim|cikariyorlar)',
      'tahliye*',
    ],
    food: [
      '(yiyecek|yemek|yiyecegim|yiyecek bir) ~2 (hicbir seyim|seyim|bir sey) ~1 yok',
      '(evde|evimizde) ~1 (yemek|yiyecek) ~1 yok',
      '(yemek|ekmek|yiyecek) ~1 (alacak|almaya) ~1 (param|para) ~1 yok',
      '(cocuklarim|cocuklar|cocugum|bebegim) ~2 (ac|aclar|acliktan)',
      '(gunlerdir|iki gundur|uc gundur) ~2 (yemek yemedim|yemedim|bir sey yemedim)',
    ],
  },
  harmless: [
    // Idioms: died laughing, dying of tiredness or heat, "I'd die for a coffee".
    '(gulmekten|yorgunluktan|sicaktan|soguktan|aclıktan|acliktan|merakimdan|heyecandan|uykusuzluktan|sikintidan) (=oldum|=olduk|=olecegim|=oluyorum|oldum|olduk|oluyorum|olucem)',
    '(icin|ugruna) (=olurum|olurum)',
    '(bu|su) (ders*|dizi*|is*|sicak*|soguk*|film*|yorgunluk*|kahkaha*|oyun*|sinav*) ~2 beni ~1 oldur*',
    '(oldurucu|olumcul) ~1 (sicak|soguk)',
    // Denials and news, prevention and help work.
    'tehlikede ~1 degil*',
    'intihar (onleme|hatti|hattinda|saldiri*|bombaci*|eylem*)',
    '(haber*|film*|belgesel*|kitap*|dizi*|makale*) ~5 (siddet*|intihar*)',
    'siddet ~1 (hakkinda|ile ilgili|uzerine|konusunda)',
    // Debts that were paid.
    '(borclarimi|borcumu|borclari) ~1 (kapattim|odedim|bitirdim)',
    '(gida|yemek) bankasi*',
  ],
};
