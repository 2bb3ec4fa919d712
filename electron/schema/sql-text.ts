/** Just enough of SQLite's lexer to compare schema SQL without formatting, comments or quoting. */

export interface Token {
  kind: 'word' | 'identifier' | 'string' | 'number' | 'punct';
  /** The normalized text: words and identifiers lowercased and unquoted, literals as written. */
  text: string;
  /** Where the token starts and ends (exclusive) in the source. */
  at: number;
  end: number;
}

const NUMBER = /^(0x[0-9a-f]+|\d+(\.\d*)?(e[+-]?\d+)?|\.\d+(e[+-]?\d+)?)/i;
const WORD = /^[A-Za-z_\u0080-\uffff][A-Za-z0-9_$\u0080-\uffff]*/;
const OPERATORS = ['->>', '||', '<=', '>=', '!=', '<>', '==', '<<', '>>', '->'];
const CLOSING: Record<string, string> = { '"': '"', '`': '`', '[': ']' };

/** The end (exclusive) of a quoted run starting at `start`, where a doubled closing quote escapes it. */
function quotedEnd(sql: string, start: number, close: string): number {
  let i = start + 1;
  for (;;) {
    const next = sql.indexOf(close, i);
    if (next === -1) return sql.length;
    if (close !== ']' && sql[next + 1] === close) i = next + 2;
    else return next + 1;
  }
}

/** The tokens of `sql`, comments and white space dropped. */
export function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql.charAt(i);
    const rest = sql.slice(i);
    if (/\s/.test(c)) i++;
    else if (rest.startsWith('--')) i = sql.indexOf('\n', i) === -1 ? sql.length : sql.indexOf('\n', i);
    else if (rest.startsWith('/*'))
      i = sql.indexOf('*/', i + 2) === -1 ? sql.length : sql.indexOf('*/', i + 2) + 2;
    else if (c === "'" || (/[xX]/.test(c) && sql[i + 1] === "'")) {
      const start = c === "'" ? i : i + 1;
      const end = quotedEnd(sql, start, "'");
      tokens.push({ kind: 'string', text: (c === "'" ? '' : 'x') + sql.slice(start, end), at: i, end });
      i = end;
    } else if (CLOSING[c] !== undefined) {
      const close = CLOSING[c] ?? c;
      const end = quotedEnd(sql, i, close);
      const inner = sql
        .slice(i + 1, end - 1)
        .split(close + close)
        .join(close);
      tokens.push({ kind: 'identifier', text: inner.toLowerCase(), at: i, end });
      i = end;
    } else if (NUMBER.test(rest) && /[\d.]/.test(c)) {
      const text = NUMBER.exec(rest)?.[0] ?? c;
      tokens.push({ kind: 'number', text: text.toLowerCase(), at: i, end: i + text.length });
      i += text.length;
    } else if (WORD.test(rest)) {
      const text = WORD.exec(rest)?.[0] ?? c;
      tokens.push({ kind: 'word', text: text.toLowerCase(), at: i, end: i + text.length });
      i += text.length;
    } else {
      const text = OPERATORS.find((op) => rest.startsWith(op)) ?? c;
      tokens.push({ kind: 'punct', text, at: i, end: i + text.length });
      i += text.length;
    }
  }
  return tokens;
}

/** One line of normalized SQL: equal for two statements that differ only in spacing, case, comments or quoting. */
export function normalizeTokens(tokens: readonly Token[]): string {
  return tokens
    .map((t) => t.text)
    .join(' ')
    .replace(/\( /g, '(')
    .replace(/ ([),])/g, '$1')
    .replace(/(\w) \(/g, '$1(');
}

/** `sql` normalized (see normalizeTokens). */
export function normalizeSql(sql: string): string {
  return normalizeTokens(tokenize(sql));
}

/** `tokens` split at the commas that are not inside parentheses. */
export function splitTopLevel(tokens: readonly Token[]): Token[][] {
  const parts: Token[][] = [[]];
  let depth = 0;
  for (const token of tokens) {
    if (token.text === '(') depth++;
    if (token.text === ')') depth--;
    if (token.text === ',' && depth === 0 && token.kind === 'punct') parts.push([]);
    else parts[parts.length - 1]?.push(token);
  }
  return parts.filter((part) => part.length > 0);
}

/** The index of the parenthesis that closes the one at `open`. */
export function closingParen(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const text = tokens[i]?.kind === 'punct' ? tokens[i]?.text : '';
    if (text === '(') depth++;
    if (text === ')' && --depth === 0) return i;
  }
  return tokens.length;
}

/** An identifier as SQL: bare when it is a plain lowercase-safe word, double-quoted otherwise. */
export function quoteName(name: string): string {
  return /^[a-z_][a-z0-9_]*$/i.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

/** `sql` with the indentation its continuation lines share removed (a migration's template indent). */
export function dedent(sql: string): string {
  const [first = '', ...rest] = sql.split('\n');
  const indents = rest.filter((line) => line.trim() !== '').map((line) => /^ */.exec(line)?.[0].length ?? 0);
  const cut = indents.length > 0 ? Math.min(...indents) : 0;
  return [first, ...rest.map((line) => line.slice(Math.min(cut, /^ */.exec(line)?.[0].length ?? 0)))].join(
    '\n',
  );
}
