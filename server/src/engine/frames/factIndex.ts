// The corpus's facts indexed for matching by frame: how rare each word is across the sources, and the
// facts each word or WordNet concept of a clause finds.
import { lemmaOf } from '../english/lemma';
import type { Fact } from '../types';
import type { Frame } from './frame';

/** How rare each word is across the corpus's sentences: rare words tell more about what is measured. */
export class WordWeights {
  private readonly df = new Map<string, number>();
  private sentences = 0;
  /** idf() by word: the matcher asks for the same words for every fact it weighs. */
  private readonly idfs = new Map<string, number>();

  addSentence(words: Iterable<string>): void {
    this.sentences++;
    this.idfs.clear();
    for (const w of new Set(words)) this.df.set(w, (this.df.get(w) ?? 0) + 1);
  }

  idf(word: string): number {
    let idf = this.idfs.get(word);
    if (idf === undefined) {
      idf = Math.log(1 + (this.sentences + 1) / ((this.df.get(word) ?? 0) + 0.5));
      if (this.idfs.size > 100_000) this.idfs.clear();
      this.idfs.set(word, idf);
    }
    return idf;
  }

  /** Whether any sentence of the corpus with a figure uses the word. */
  known(word: string): boolean {
    return this.df.has(word);
  }

  /**
   * These weights with a fact store's counts added (store/): `df` gives, for every word a check will
   * weigh, how many of the store's `sentences` use it.
   */
  plus(df: ReadonlyMap<string, number>, sentences: number): WordWeights {
    const out = new WordWeights();
    out.sentences = this.sentences + sentences;
    for (const [w, n] of this.df) out.df.set(w, n);
    for (const [w, n] of df) if (n > 0) out.df.set(w, (out.df.get(w) ?? 0) + n);
    return out;
  }

  /** A word in more than a quarter of the sentences ("fire" in a story about a fire) finds too much to look facts up by. */
  common(word: string): boolean {
    return (this.df.get(word) ?? 0) > this.sentences / 4 + 1;
  }
}

/** Source facts by the words and concepts of their clauses, so a claim is compared only with facts that share one. */
export class FrameIndex {
  /** Facts by kind, then by a word of their clause or a concept it names (the two never collide: concepts start with "#"), as positions in `facts`. */
  private readonly postings = new Map<string, Map<string, number[]>>();
  readonly facts: Fact[] = [];
  // Scratch for candidates(): each fact's score so far, and the facts touched in the order first touched.
  private scores = new Float64Array(0);
  private touched = new Int32Array(0);

  /**
   * `outside`: where only a claim's best facts from a larger set (a fact store) are added here, after
   * the first `outside.from` facts, how many facts of that set the claim touches in all. A claim that
   * touches more than the limit gets its candidates by score, as it would from the whole set.
   */
  constructor(private readonly outside?: { from: number; touched: (frame: Frame) => number }) {}

  add(fact: Fact): void {
    const id = this.facts.push(fact) - 1;
    const frame = fact.figure.frame;
    let byKey = this.postings.get(frame.kind);
    if (!byKey) this.postings.set(frame.kind, (byKey = new Map()));
    for (const key of factKeys(frame)) {
      const list = byKey.get(key);
      if (list) list.push(id);
      else byKey.set(key, [id]);
    }
  }

  /**
   * Facts of the claim's kind sharing its counted thing, or a telling word or concept of its clause,
   * with it: at most `limit`, those sharing the rarest words first, so a large corpus costs no more
   * than a small one to judge a claim against. Equal scores keep the order the facts were first met in.
   */
  candidates(frame: Frame, weights: WordWeights, limit: number): Fact[] {
    const byKey = this.postings.get(frame.kind);
    if (!byKey) return [];
    if (this.scores.length < this.facts.length) {
      this.scores = new Float64Array(this.facts.length);
      this.touched = new Int32Array(this.facts.length);
    }
    const { scores, touched } = this;
    let n = 0;
    for (const { key, weight } of queryKeys(frame, weights)) {
      const list = byKey.get(key);
      if (!list) continue;
      for (const id of list) {
        if (scores[id] === 0) touched[n++] = id;
        scores[id] += weight;
      }
    }
    let chosen = Array.from(touched.subarray(0, n));
    const inAll = this.outside ? chosen.filter((id) => id < this.outside!.from).length + this.outside.touched(frame) : n;
    if (inAll > limit) {
      // The limit-th best score; every fact above it is in, and as many at it as fit, first met first.
      const best = Float64Array.from(chosen, (id) => -scores[id]).sort();
      const bar = -best[Math.min(limit, n) - 1];
      let atBar = limit - best.findIndex((x) => -x === bar);
      chosen = chosen.filter((id) => scores[id] > bar || (scores[id] === bar && atBar-- > 0));
      chosen.sort((a, b) => scores[b] - scores[a]);
    }
    const out = chosen.map((id) => this.facts[id]);
    for (let i = 0; i < n; i++) scores[touched[i]] = 0;
    return out;
  }
}

/**
 * The keys a claim's candidates are looked up by, in the order they are met, each with what sharing
 * it adds to a fact's score: its word's rarity times its closeness. Weights are whole numbers (in
 * units of 2^-20), so a sum is the same in whatever order it is added, here or in a database.
 */
export function queryKeys(frame: Frame, weights: WordWeights): { key: string; weight: number }[] {
  const out: { key: string; weight: number }[] = [];
  for (const [t, w] of frame.terms) {
    if (w < INDEXED || (t !== frame.head && weights.common(t))) continue;
    const weight = Math.max(1, Math.round(weights.idf(t) * w * 2 ** 20));
    for (const key of keysOfTerm(t)) out.push({ key, weight });
  }
  return out;
}

/** The keys a fact is found by, within its kind: the telling words of its clause and the concepts they name. */
export function factKeys(frame: Frame): string[] {
  const out: string[] = [];
  for (const [t, w] of frame.terms) if (w >= INDEXED) out.push(...keysOfTerm(t));
  return out;
}

/** What a claim's candidates depend on: two frames with one key find the same facts. */
export function candidateKey(frame: Frame): string {
  return `${frame.kind}\0${frame.head ?? ''}\0${[...frame.terms].join('\0')}`;
}

/** How many facts a claim is weighed against, at most. */
const CANDIDATES = 50;
/** Figures in a draft beyond which each is weighed against fewer facts. */
const FULL_BUDGET = 2_000;

/**
 * How many facts each claim of a draft with `figures` figures is weighed against: all candidates up
 * to FULL_BUDGET figures, then fewer, so that a pasted table of numbers costs time in proportion to
 * its size rather than to its size times the corpus's.
 */
export function candidateLimit(figures: number): number {
  return figures <= FULL_BUDGET ? CANDIDATES : Math.max(5, Math.round((CANDIDATES * FULL_BUDGET) / figures));
}

/** Words of a clause this close to its figure or closer are what a fact is found by. */
const INDEXED = 0.15;

const termKeys = new Map<string, string[]>();

/** A word's index keys: the word, and each concept it names. */
function keysOfTerm(term: string): string[] {
  let keys = termKeys.get(term);
  if (!keys) {
    keys = [term, ...[...lemmaOf(term).concepts].map((id) => `#${id}`)];
    if (termKeys.size > 100_000) termKeys.clear();
    termKeys.set(term, keys);
  }
  return keys;
}
