/**
 * Polish. Rich inflection (samobójstwo/-a/-ie, chcę/chce, zabiję/zabić) and free word
 * order ("mąż mnie bije" / "bije mnie mąż"); reflexive "się" moves around the verb ("chcę
 * się zabić", "zabiję się"). Residents type without ą/ę/ł/ś/ż/ź/ć/ń/ó often; folding makes
 * both spellings one. Present-tense idioms use the same verbs ("ten upał mnie zabija",
 * "pobiła rekord"), so violence needs "mnie" and a person, and death threats the future
 * "zabije", not the idiomatic "zabija".
 */
import type { LanguagePhrases } from '../phrase-book.js';

const person =
  '(maz|zona|partner|partnerka|chlopak|dziewczyna|ojciec|tata|ojczym|matka|mama|macocha|brat|siostra|syn|corka|konkubent|konkubina|on|ona|byly|byla|ex|tesc|tesciowa)';
const beats =
  '(bije|bil|bila|pobil|pobila|uderzyl|uderzyla|uderza|dusil|dusila|dusi|kopie|kopal|kopnal|leje|lal|szarpie|szarpal|gwalci|zgwalcil|katuje|skatowal|popycha|popchnal|wyzywa)';

export const pl: LanguagePhrases = {
  language: 'pl',
  crisis: {
    suicide: [
      'samobojst*',
      'samobojcz*',
      '(zabije|zabic|zabilam|zabilem|zabijam sie) sie',
      // "gdzie się zabija" (where one kills, in a game) is one letter from "się zabije".
      'sie (zabic|=zabije|zabilam)',
      'nie ~2 (chce|chcialabym|chcialbym|chcialam|chcialem|chcę) ~3 (=zyc|dalej zyc)',
      'nie chce mi sie ~1 =zyc',
      '(wolalabym|wolalbym|lepiej) ~2 nie (=zyc|zyl|zyla|zyje)',
      '(chce|chcialabym|chcialbym|chcialam|wole) ~2 (umrzec|umierac|zniknac na zawsze|nie zyc)',
      '(odebrac|odbiore|odebralam|odebralem|odbiorę) ~1 sobie ~1 zycie',
      '(skonczyc|skoncze|skonczylam|zakonczyc) ~1 ze soba',
      'ze soba ~1 (skonczyc|skoncze|zakonczyc)',
      '(nie widze|nie ma|brak|bez) ~2 sensu ~2 (zycia|zyc|zycie|dalej)',
      'zycie ~2 nie ma ~1 sensu',
      '(lepiej|lepsze|chce|chcialabym|chcialbym) ~3 (beze mnie|gdyby mnie nie bylo|zeby mnie nie bylo|zebym nie zyla|zebym nie zyl|jak mnie nie bedzie)',
      '(polknelam|polknalem|wzielam|wzialem|lyknelam|lyknalem|zazylam|zazylem) ~2 (wszystkie|cale|cala|caly|paczke|opakowanie) ~2 (tabletki|leki|pigulki|opakowanie|tabletek)',
      '(skocze|skoczyc|skakac|rzuce sie|rzucic sie|rzucę się) ~2 (z|pod) ~1 (mostu|dachu|balkonu|okna|pociag|tramwaj|auto|bloku|samochod)',
      '(powiesze|powiesic|powieszę) sie',
      'sie (powiesze|powiesic)',
      '(zasnac|zasnąć|usnac) ~4 nie ~1 (obudzic|obudzić)',
      '(mam dosc|dosc|mam dość) ~1 zycia',
      '(zakonczyc|zakoncze|skonczyc) ~2 (to wszystko|z zyciem|swoje zycie|zycie)',
    ],
    selfHarm: [
      'samookalecz*',
      // "skaleczyłam się" (I cut myself by accident) is one letter from "okaleczyłam się".
      '(tne|cie|pocielam|pocialem|=okaleczam|=okaleczylam|=okaleczylem|przypalam|przypalilam|ranie) sie',
      'sie (tne|pocielam|pocialem|okaleczam|przypalam)',
      '(robie|zrobic|zrobie|zrobilam|zrobilem|robic|robila) ~1 sobie ~1 krzywd*',
      'sobie ~1 (zrobic|zrobie|robic|robie|zrobilam) ~1 krzywd*',
      '(zrobie|zrobic|zrobilam) sobie cos',
      '(pocielam|pocialem|tne|cielam|podcielam|podcialem|podetne) ~1 sobie ~1 (rece|reke|nadgarstki|nadgarstek|nogi|uda|zyly)',
    ],
    violence: [
      person + ' ~2 mnie ~1 ' + beats,
      person + ' ~1 ' + beats + ' ~1 mnie',
      beats + ' ~1 mnie ~1 ' + person,
      'jestem ~2 (bita|bity|maltretowan*|katowan*|dreczon*|gwalcon*)',
      '(zneca|znecal|znecala) sie ~1 nade mna',
      'nade mna ~1 (zneca|znecal|znecala)',
      'przemoc* ~2 (w domu|domow*|w rodzinie|w zwiazku)',
      '(w domu|domowa) ~3 przemoc*',
      'boje sie ~2 (meza|partnera|ojca|chlopaka|zony|taty|bylego|brata|ojczyma)',
      'boje sie ~2 (wrocic|isc|wracac) ~1 do domu',
    ],
    danger: [
      '!(nie) jestem ~1 w niebezpieczenstw*',
      '(grozi|zagraza) mi ~1 (niebezpieczenstwo|smierc*)',
      'grozi* ~2 (smiercia|nozem|bronia|pistoletem|siekiera)',
      '(zycie|zyciu) ~3 (zagrozon*|w niebezpieczenstwie)',
      // Future "zabije" (will kill), not the idiom "mnie zabija" (is killing me).
      'mnie (zabic|=zabije|zamordowac|zamorduje)',
      '(chce|chca|chcial|grozi|grozil) ~3 mnie (zabic|zamordowac|skrzywdzic|pobic|=zabije)',
      '(stoi|czeka|przyszedl|grozi|goni|biega|wszedl) ~4 z (nozem|bronia|pistoletem|siekiera)',
      'nie ~1 (czuje|czuję) sie ~1 bezpiecznie',
      'w domu ~2 nie ~1 [jest] bezpiecznie',
      'nie jestem ~1 bezpieczn*',
      '(zadzwoncie|dzwoncie|wezwijcie|wezwij|zadzwon|dzwon) ~2 (policj*|na policje|po policje|112)',
      '(zamknal|zamknela|zamyka|zamkneli|zamknął) mnie ~3 (w domu|w pokoju|w mieszkaniu|na klucz)',
      'nie (moge|pozwala mi|daje mi) ~1 wyjsc',
    ],
  },
  concerns: {
    loneliness: [
      'samotn*',
      'samotnosc*',
      '(calkiem|zupelnie|calkowicie|ciagle|zawsze) sam*',
      'nie mam ~1 z kim ~1 (porozmawiac|rozmawiac|pogadac)',
      'nikogo ~1 (tu|tutaj) ~1 nie znam',
      'nie znam ~1 nikogo',
    ],
    debts: [
      'dlug*',
      'zadluz*',
      'komornik*',
      'windykac*',
      'nie stac mnie ~1 na (czynsz|rachunki|oplaty|prad)',
      'nie (moge|mam z czego) ~1 (zaplacic|placic) ~2 (czynsz*|rachunk*|oplat*)',
    ],
    homeless: [
      'nie mam ~1 (mieszkania|domu|gdzie mieszkac|gdzie spac|dachu nad glowa)',
      '(spie|spalem|spalam|nocuje) ~2 (na ulicy|na dworcu|w samochodzie|w parku|na dworze)',
      'bezdomn*',
      '(eksmisj*|eksmituj*)',
      '(wyrzucaja|wyrzucili) ~1 (mnie|nas) ~2 (z mieszkania|z domu)',
    ],
    food: [
      'nie mam ~1 co ~1 jesc',
      'nie ma ~1 co ~1 jesc',
      'nie mam ~1 (pieniedzy|kasy) ~1 na ~1 (jedzenie|zakupy)',
      '(dzieci|dziecko|syn|corka) ~2 (sa|jest) ~1 glodn*',
      'nie jadlam ~2 (od|dni)',
    ],
  },
  harmless: [
    // Idioms: dying of laughter or boredom, "I'd kill for a coffee", "the heat is killing me".
    '(umieram|umre|umarlam) (ze|z) (smiechu|nudow|glodu|zmeczenia|ciekawosci)',
    '(zabilabym|zabilbym|zabije) za',
    'mnie (=zabija|wykonczy|wykancza)',
    // Others' stories, news and help work.
    '(ktory|ktora|ktorzy|bohater*|postac*) ~3 sie ~1 (zabic|zabil|zabila)',
    '(wiadomosc*|mowili|pisali|film*|ksiazk*|artykul*|serial*|szkoleni*|kurs*|telefon* zaufania) ~5 (samoboj*|przemoc*)',
    '(pobila|pobil) ~1 rekord*',
    'sobie cos ~1 (do jedzenia|do picia|dobrego|na obiad|na kolacje|na sniadanie|cieplego|slodkiego)',
    // Debts that were paid.
    '(splacilam|splacilem|splacilismy|splacone) ~2 dlug*',
    '(dlug*) ~2 (splacon*|splacilam|splacilem)',
    'bank* zywnosci',
  ],
};
