/**
 * Splits a SQL script into single statements, because Prisma's raw queries (and Postgres'
 * extended protocol under them) run one statement at a time. A `;` only ends a statement
 * outside quotes ('…', "…", E'…'), dollar-quoted bodies ($$…$$, $tag$…$tag$) and comments.
 * Pieces holding nothing but comments and whitespace are dropped.
 */
export function splitSqlStatements(script: string): string[] {
  const statements: string[] = [];
  let start = 0;
  let hasCode = false;
  let i = 0;

  const endStatement = (end: number) => {
    if (hasCode) statements.push(script.slice(start, end).trim());
    start = end + 1;
    hasCode = false;
  };

  while (i < script.length) {
    const char = script[i];
    const dollarTag = char === '$' ? DOLLAR_TAG.exec(script.slice(i, i + 64))?.[0] : undefined;
    if (script.startsWith('--', i)) {
      const newline = script.indexOf('\n', i);
      i = newline === -1 ? script.length : newline + 1;
    } else if (script.startsWith('/*', i)) {
      i = skipBlockComment(script, i);
    } else if (char === "'" || char === '"') {
      hasCode = true;
      i = skipQuoted(script, i, char === "'" && /[eE]/.test(script[i - 1] ?? ''));
    } else if (dollarTag !== undefined) {
      hasCode = true;
      const close = script.indexOf(dollarTag, i + dollarTag.length);
      i = close === -1 ? script.length : close + dollarTag.length;
    } else if (char === ';') {
      endStatement(i);
      i += 1;
    } else {
      if (char !== undefined && !/\s/.test(char)) hasCode = true;
      i += 1;
    }
  }
  endStatement(script.length);
  return statements;
}

/** `$$` or `$tag$`; `$1` (a parameter) is not a dollar quote. */
const DOLLAR_TAG = /^\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$/;

/** Index after the closing quote; a doubled quote is an escaped one. */
function skipQuoted(script: string, open: number, backslashEscapes: boolean): number {
  const quote = script[open];
  let i = open + 1;
  while (i < script.length) {
    if (backslashEscapes && script[i] === '\\') i += 2;
    else if (script[i] === quote && script[i + 1] === quote) i += 2;
    else if (script[i] === quote) return i + 1;
    else i += 1;
  }
  return i;
}

/** Index after the comment; Postgres block comments nest. */
function skipBlockComment(script: string, open: number): number {
  let depth = 0;
  let i = open;
  while (i < script.length) {
    if (script.startsWith('/*', i)) {
      depth += 1;
      i += 2;
    } else if (script.startsWith('*/', i)) {
      depth -= 1;
      i += 2;
      if (depth === 0) return i;
    } else i += 1;
  }
  return i;
}
