// Base forms and relatedness of English words, by WordNet's morphology ("morphy") over the word table.
import { irregularBase, wordEntry } from './wordnet';

export interface Lemma {
  /** The base form ("stores" → "store", "killed" → "kill"); the word itself when WordNet has none. */
  base: string;
  /** Parts of speech the word can have (n, v, a, r; p: only ever a name); empty when WordNet does not know it. */
  pos: string;
  /** The form was inflected as a verb (-ed, -ing, an irregular past): a verb here, whatever else it can be. */
  verbForm: boolean;
  /** The base of the word read as a noun ("drugs" → "drug", where the verb reading's base is "drag"). */
  nounBase: string;
  /** Concepts of the word and its base form together. */
  concepts: ReadonlySet<string>;
  broader: ReadonlySet<string>;
}

// WordNet's detachment rules: [suffix, replacement, part of speech of the base].
const DETACH: [string, string, 'n' | 'v' | 'a'][] = [
  ['ies', 'y', 'n'], ['ses', 's', 'n'], ['xes', 'x', 'n'], ['zes', 'z', 'n'], ['ches', 'ch', 'n'], ['shes', 'sh', 'n'],
  ['men', 'man', 'n'], ['s', '', 'n'],
  ['ies', 'y', 'v'], ['ied', 'y', 'v'], ['es', 'e', 'v'], ['es', '', 'v'], ['s', '', 'v'], ['ed', 'e', 'v'], ['ed', '', 'v'], ['ing', 'e', 'v'], ['ing', '', 'v'],
  ['est', '', 'a'], ['est', 'e', 'a'], ['er', '', 'a'], ['er', 'e', 'a'],
];

const cache = new Map<string, Lemma>();

/** The base form of a lower-case word, and what WordNet says it can be. */
export function lemmaOf(word: string): Lemma {
  let l = cache.get(word);
  if (!l) {
    l = computeLemma(word);
    if (cache.size > 50_000) cache.clear();
    cache.set(word, l);
  }
  return l;
}

function computeLemma(word: string): Lemma {
  const self = wordEntry(word);
  const irregular = irregularBase(word);
  let base: string | undefined;
  let basePos: string | undefined;
  if (irregular && wordEntry(irregular)) {
    base = irregular;
    basePos = 'v';
  } else {
    for (const [suffix, replacement, pos] of DETACH) {
      if (!word.endsWith(suffix) || word.length - suffix.length < 2) continue;
      let stem = word.slice(0, word.length - suffix.length);
      let ending = replacement;
      // "stopped" → "stop", "planned" → "plan" (not "plane").
      if ((suffix === 'ed' || suffix === 'ing') && !wordEntry(stem + replacement) && /([b-df-hj-np-tv-z])\1$/.test(stem)) {
        stem = stem.slice(0, -1);
        ending = '';
      }
      const candidate = stem + ending;
      const e = wordEntry(candidate);
      if (e && e.pos.includes(pos)) {
        base = candidate;
        basePos = pos;
        break;
      }
    }
  }
  // "news" is not the plural of "new": a known noun keeps itself unless its base is a noun or verb too.
  if (base && self && self.pos.includes('n') && basePos === 'a') base = undefined;
  // A noun's plural can name more than its singular ("arms" are weapons, an "arm" is a limb): the
  // base form answers for both, however the text wrote it.
  const singular = base ?? word;
  const plurals = self?.pos.includes('n') || (base && basePos === 'n') ? [`${singular}s`, `${singular}es`, singular.replace(/y$/, 'ies')].filter((p) => p !== word) : [];
  const entries = [self, base ? wordEntry(base) : undefined, ...plurals.map((p) => wordEntry(p))].filter((e) => e !== undefined);
  const verbForm = basePos === 'v' && (irregular !== undefined || /(ed|ing)$/.test(word));
  return {
    base: base ?? word,
    nounBase: basePos === 'n' ? base! : self?.pos.includes('n') ? word : (base ?? word),
    pos: [...new Set(entries.flatMap((e) => [...e.pos]))].join(''),
    verbForm,
    concepts: new Set(entries.flatMap((e) => e.concepts)),
    broader: new Set(entries.flatMap((e) => e.broader)),
  };
}

const pairCache = new Map<string, number>();

/**
 * How close two words are in meaning, 0 to 1: the same base form 1; a shared sense or derivation
 * ("deaths", "died", "fatalities" meet on death) 0.8; one a direct hypernym of the other 0.5.
 */
export function relatedness(a: string, b: string): number {
  if (a === b) return 1;
  const key = a < b ? `${a}|${b}` : `${b}|${a}`;
  let r = pairCache.get(key);
  if (r === undefined) {
    const la = lemmaOf(a);
    const lb = lemmaOf(b);
    if (la.base === lb.base) r = 1;
    else if (intersects(la.concepts, lb.concepts)) r = 0.8;
    else if (intersects(la.concepts, lb.broader) || intersects(la.broader, lb.concepts)) r = 0.5;
    else r = 0;
    if (pairCache.size > 200_000) pairCache.clear();
    pairCache.set(key, r);
  }
  return r;
}

function intersects(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) return true;
  return false;
}
