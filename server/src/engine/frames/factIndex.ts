// The corpus's facts indexed for matching by frame: how rare each word is across the sources, and the
// facts each word or WordNet concept of a clause finds.
import { lemmaOf } from '../english/lemma';
import type { Fact } from '../types';
import type { Frame } from './frame';

/** How rare each word is across the corpus's sentences: rare words tell more about what is measured. */
export class WordWeights {
  private readonly df = new Map<string, number>();
  private sentences = 0;

  addSentence(words: Iterable<string>): void {
    this.sentences++;
    for (const w of new Set(words)) this.df.set(w, (this.df.get(w) ?? 0) + 1);
  }

  idf(word: string): number {
    return Math.log(1 + (this.sentences + 1) / ((this.df.get(word) ?? 0) + 0.5));
  }

  /** Whether any sentence of the corpus with a figure uses the word. */
  known(word: string): boolean {
    return this.df.has(word);
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

  add(fact: Fact): void {
    const id = this.facts.push(fact) - 1;
    const frame = fact.figure.frame;
    let byKey = this.postings.get(frame.kind);
    if (!byKey) this.postings.set(frame.kind, (byKey = new Map()));
    for (const [t, w] of frame.terms) {
      if (w < INDEXED) continue;
      for (const key of keysOfTerm(t)) {
        const list = byKey.get(key);
        if (list) list.push(id);
        else byKey.set(key, [id]);
      }
    }
  }

  /**
   * Facts of the claim's kind sharing its counted thing, or a telling word or concept of its clause,
   * with it: at most `limit`, those sharing the rarest words first, so a large corpus costs no more
   * than a small one to judge a claim against. Equal scores keep the order the facts were first met in.
   */
  candidates(frame: Frame, weights: WordWeights, limit = CANDIDATES): Fact[] {
    const byKey = this.postings.get(frame.kind);
    if (!byKey) return [];
    if (this.scores.length < this.facts.length) {
      this.scores = new Float64Array(this.facts.length);
      this.touched = new Int32Array(this.facts.length);
    }
    const { scores, touched } = this;
    let n = 0;
    for (const [t, w] of frame.terms) {
      if (w < INDEXED || (t !== frame.head && weights.common(t))) continue;
      const idf = weights.idf(t) * w;
      for (const key of keysOfTerm(t)) {
        const list = byKey.get(key);
        if (!list) continue;
        for (const id of list) {
          if (scores[id] === 0) touched[n++] = id;
          scores[id] += idf;
        }
      }
    }
    let chosen = Array.from(touched.subarray(0, n));
    if (n > limit) {
      // The limit-th best score; every fact above it is in, and as many at it as fit, first met first.
      const best = Float64Array.from(chosen, (id) => -scores[id]).sort();
      const bar = -best[limit - 1];
      let atBar = limit - best.findIndex((x) => -x === bar);
      chosen = chosen.filter((id) => scores[id] > bar || (scores[id] === bar && atBar-- > 0));
      chosen.sort((a, b) => scores[b] - scores[a]);
    }
    const out = chosen.map((id) => this.facts[id]);
    for (let i = 0; i < n; i++) scores[touched[i]] = 0;
    return out;
  }
}

/** How many facts a claim is weighed against, at most. */
const CANDIDATES = 50;

/** Words of a clause this close to its figure or closer are what a fact is found by. */
const INDEXED = 0.25;

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
