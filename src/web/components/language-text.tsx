/**
 * Text in a language other than the page's: marked with its language and direction, so a
 * screen reader pronounces it right and Arabic reads right to left inside a Dutch page.
 */
import type { Child } from 'hono/jsx';

const rightToLeft = new Set(['ar']);

export type Direction = 'rtl' | 'ltr';

export function direction(language: string): Direction {
  return rightToLeft.has(language) ? 'rtl' : 'ltr';
}

/** A language's name in the reader's language: "Arabisch" for a Dutch reader. */
export function languageName(language: string, reader: string): string {
  try {
    return new Intl.DisplayNames([reader], { type: 'language' }).of(language) ?? language;
  } catch {
    return language;
  }
}

/** A language's own name ("العربية", "Türkçe"), for a picker whoever reads it. */
export function ownLanguageName(language: string): string {
  const name = languageName(language, language);
  return name.charAt(0).toLocaleUpperCase(language) + name.slice(1);
}

/** A block (`p`) or inline (`span`) text in `lang`, keeping its line breaks. */
export function LanguageText({
  lang,
  block,
  class: className,
  children,
}: {
  lang: string;
  block?: boolean;
  class?: string;
  children?: Child;
}) {
  const classes = ['lines-kept', className].filter(Boolean).join(' ');
  return block ? (
    <p lang={lang} dir={direction(lang)} class={classes}>
      {children}
    </p>
  ) : (
    <span lang={lang} dir={direction(lang)} class={classes}>
      {children}
    </span>
  );
}
