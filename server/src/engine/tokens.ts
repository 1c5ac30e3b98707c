// A tokenizer for the figure grammar: words, numbers and single symbols with exact offsets.

export type TokenType = 'num' | 'word' | 'sym';

export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  type: TokenType;
  /** No whitespace between this token and the previous one ("11k", "three-year", "$5"). */
  glued: boolean;
}

// Digits group with commas, or with the no-break and thin spaces typographers use ("10 000").
const TOKEN = /(\d+(?:[.,\u00A0\u202F\u2009]\d+)*)|([A-Za-z\u00C0-\u024F]+(?:['’][A-Za-z]+)?)|(\S)/g;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const prev = out[out.length - 1];
    out.push({
      text: m[0],
      lower: m[0].toLowerCase(),
      start: m.index,
      end: m.index + m[0].length,
      type: m[1] ? 'num' : m[2] ? 'word' : 'sym',
      glued: !!prev && prev.end === m.index,
    });
  }
  return out;
}
