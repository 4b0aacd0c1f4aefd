/**
 * The `{{name}}` placeholders of a text, as i18next fills them in. A text that drops one
 * loses part of its message (the resident's name, the wijk); a text that invents one shows
 * braces to the resident. Braces that are not a well-formed placeholder are reported apart.
 */
const placeholder = /\{\{\s*(?:-\s*)?([A-Za-z_]\w*)\s*\}\}/g;

export interface Placeholders {
  /** Names in order of first appearance, each once. */
  names: string[];
  /** Leftover `{{`, `}}` or a single-brace `{name}`, with a little context, for the refusal. */
  broken: string[];
}

export function placeholdersIn(text: string): Placeholders {
  const names = [...new Set([...text.matchAll(placeholder)].map((m) => m[1]!))];
  const rest = text.replace(placeholder, ' ');
  const broken = [...rest.matchAll(/.{0,8}(\{\{|\}\}|\{\s*[A-Za-z_]\w*\s*\}).{0,8}/g)].map((m) =>
    m[0].trim(),
  );
  return { names, broken };
}

/** `{{name}}`, as a coordinator writes it. */
export function placeholderText(name: string): string {
  return `{{${name}}}`;
}
