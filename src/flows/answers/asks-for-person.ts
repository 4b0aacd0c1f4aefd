/**
 * Recognises a request to talk to a person inside a sentence ("kan ik iemand spreken?",
 * "can I talk to a real person", "بدي احكي مع موظف"), in every language whatever the chat's
 * language; the bare keywords ("verbinder", "person") are matched in `matchKeyword`. The
 * phrases ask for a person explicitly: "ik zoek iemand om mee te praten" in a WIJ match
 * answer is an answer, not a request, so "someone" alone is only a request in a question
 * form ("kan ik iemand spreken").
 */
import { MatchMemo } from '../patterns/match-memo.js';
import { PatternSet } from '../patterns/pattern-set.js';
import { WordPattern } from '../patterns/word-pattern.js';

const phrases: Record<string, readonly string[]> = {
  nl: [
    '(kan|mag|kun|kunt|zou) ik ~3 (iemand|een mens|een verbinder|een medewerker|een persoon|een echt persoon) ~3 (spreken|bellen|praten|zien|mailen)',
    '(kan|mag|kun) ~1 (iemand|een verbinder|een medewerker) ~2 (mij|me) ~1 (bellen|terugbellen|spreken)',
    '(met|naar) (een|iemand|de) ~1 (mens|persoon|verbinder|medewerker) ~2 (praten|spreken|bellen)',
    '(wil|wil graag|graag|liever) ~2 (een mens|een verbinder|een medewerker|iemand van wij*|een echt mens|een echte persoon) ~2 (spreken|praten|bellen)',
    '(echte|echt) (mens|persoon)',
    '(bel|bellen) (me|mij) ~1 (terug|op|alsjeblieft|aub|graag)',
  ],
  en: [
    '(can|could|may) (i|we) ~3 (talk|speak|chat) ~2 (to|with) ~1 (someone|somebody|a person|a human|a real person|a verbinder|a connector|staff|an actual person|someone real)',
    '(want|like|need|rather) ~1 [to] (talk|speak|chat) ~2 (to|with) ~1 (a person|a human|a real person|a verbinder|a connector|an actual person|someone from wij*|a real human)',
    '(real|actual) (person|human)',
    '(call|ring) me ~1 (back|please)',
    'is there (someone|somebody|anyone) ~3 (talk|speak) to',
  ],
  ar: [
    '(بدي|اريد|ابغى|عايز|عاوز|ممكن|اقدر|بقدر|حابب|حابه|بحب) ~2 (احكي|اتكلم|اتحدث|تكلم|اكلم|احكي) ~2 (مع|ويا|ل) ~1 (حدا|شخص|موظف|انسان|احد|حد|منسق|حدن)',
    '(بدي|اريد|ممكن|ابغى|عايز) ~2 (حدا|شخص|موظف|احد|حد) ~2 (يتصل|يحكي|يكلمني|يتواصل|يرن)',
    '(يمكنني|يمكننا|استطيع|أستطيع|اود|أود|أريد|اريد|ارغب|أرغب) ~2 (التحدث|التكلم|الحديث|اتحدث|أتحدث|اتكلم|أتكلم) ~2 (مع|الى|إلى) ~1 (شخص|موظف|انسان|إنسان|احد|أحد|احدهم|أحدهم|منسق)',
    '(يمكن|ممكن|هل يمكن) ~1 (لشخص|لموظف|لاحد|لأحد|لمنسق) ~2 (الاتصال|التواصل|ان يتصل|أن يتصل)',
    '(شخص|انسان) حقيقي',
    '(اتصلوا|اتصل|كلموني|رنوا) (علي|فيي|بي)',
  ],
  tr: [
    '(biriyle|bir insanla|bir kisiyle|yetkiliyle|gorevliyle|temsilciyle|bir calisanla|gercek bir insanla) ~2 (konusabilir*|konusmak|gorusebilir*|gorusmek|konusayim)',
    '(beni|bana) ~1 (arayabilir*|arar misiniz|arasin|donus yap*)',
    'gercek [bir] (insan|kisi)',
  ],
  pl: [
    '(moge|mozna|chce|chcialabym|chcialbym|czy moge|wolalabym|wolalbym) ~3 (porozmawiac|rozmawiac|pogadac|mowic) ~2 z ~1 (kims|czlowiekiem|osoba|konsultantem|pracownikiem|lacznikiem|prawdziwa osoba)',
    '(zadzwoncie|zadzwon|prosze zadzwonic|oddzwoncie|oddzwon) ~1 do mnie',
    'prawdziw* (czlowiek*|osob*)',
  ],
  uk: [
    '(можна|можу|хочу|хотів би|хотіла б|можно|хотел бы|хотела бы|хочу я) ~3 (поговорити|поговорить|розмовляти|говорити) ~2 (з|с|із) ~1 (кимось|людиною|працівником|консультантом|кем-то|кем нибудь|человеком|оператором|живою людиною)',
    '(зателефонуйте|подзвоніть|позвоните|передзвоніть|перезвоните) (мені|мне)',
    '(жива|живою|живий|живой|живым) (людина|людиною|человек|человеком)',
  ],
};

const patterns = new PatternSet(
  Object.values(phrases)
    .flat()
    .map((source) => new WordPattern(source)),
);

export function asksForPerson(text: string): boolean {
  const memo = MatchMemo.of(text);
  if (memo.words.length < 2) return false;
  return !patterns.matching(memo).next().done;
}
