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

  /** A word in more than a quarter of the sentences ("fire" in a story about a fire) finds too much to look facts up by. */
  common(word: string): boolean {
    return (this.df.get(word) ?? 0) > this.sentences / 4 + 1;
  }
}

/** Source facts by the words and concepts of their clauses, so a claim is compared only with facts that share one. */
export class FrameIndex {
  /** Facts by kind, then by a word of their clause or a concept it names (the two never collide: concepts start with "#"). */
  private readonly postings = new Map<string, Map<string, Fact[]>>();
  readonly facts: Fact[] = [];

  add(fact: Fact): void {
    this.facts.push(fact);
    const frame = fact.figure.frame;
    let byKey = this.postings.get(frame.kind);
    if (!byKey) this.postings.set(frame.kind, (byKey = new Map()));
    for (const [t, w] of frame.terms) {
      if (w < INDEXED) continue;
      for (const key of keysOfTerm(t)) {
        const list = byKey.get(key);
        if (list) list.push(fact);
        else byKey.set(key, [fact]);
      }
    }
  }

  /**
   * Facts of the claim's kind sharing its counted thing, or a telling word or concept of its clause,
   * with it: at most `limit`, those sharing the rarest words first, so a large corpus costs no more
   * than a small one to judge a claim against.
   */
  candidates(frame: Frame, weights: WordWeights, limit: number): Fact[] {
    const byKey = this.postings.get(frame.kind);
    if (!byKey) return [];
    const shared = new Map<Fact, number>();
    for (const [t, w] of frame.terms) {
      if (w < INDEXED || (t !== frame.head && weights.common(t))) continue;
      const idf = weights.idf(t) * w;
      for (const key of keysOfTerm(t)) for (const fact of byKey.get(key) ?? []) shared.set(fact, (shared.get(fact) ?? 0) + idf);
    }
    const all = [...shared];
    if (all.length > limit) all.sort((a, b) => b[1] - a[1]).length = limit;
    return all.map(([fact]) => fact);
  }
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
