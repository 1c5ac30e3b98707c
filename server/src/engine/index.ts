// The engine's public face: load a corpus once, then check drafts against it.
import { loadCorpus } from './corpus';
import { CorpusIndex, typedFigures } from './corpusIndex';
import { IndexCache } from './indexCache';
import { checkText } from './check';
import { candidateLimit } from './frames/factIndex';
import { IncrementalCheck } from './incremental';
import type { CheckOptions, CorpusDocument, DocumentFormat, EngineOptions, Finding, TypedFigure } from './types';

/** Facts kept outside the process (a PostgreSQL store, store/): fetched for each draft before it is checked. */
export interface FactStore {
  /** `index` with the store's facts that these figures could be matched with: each claim's best `limit`. */
  extend(index: CorpusIndex, figures: TypedFigure[], limit: number): Promise<CorpusIndex>;
}

export * from './types';
export { FactlintError } from './errors';
export { LineIndex } from './lineIndex';
export { excerptAround } from './present';
export { CheckCancelled, type IncrementalCheck } from './incremental';

export const DEFAULT_TOLERANCE = 0.1;

/** How the corpus is indexed: where the index is kept between runs, and who hears of its progress. */
export type IndexOptions = Pick<EngineOptions, 'cacheDir' | 'onIndexProgress'>;

export class Engine {
  readonly documents: CorpusDocument[];
  readonly tolerance: number;
  private readonly index: CorpusIndex;

  private constructor(documents: CorpusDocument[], tolerance: number, options: IndexOptions) {
    this.documents = documents;
    this.tolerance = tolerance;
    const cache = options.cacheDir === undefined ? undefined : new IndexCache(options.cacheDir);
    this.index = CorpusIndex.build(documents, tolerance, cache?.facts, options.onIndexProgress);
    cache?.save();
  }

  /** Reads the corpus folders and indexes their facts. Throws FactlintError on unreadable folders. */
  static load(options: EngineOptions = {}): Engine {
    const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
    return new Engine(loadCorpus(options), tolerance, options);
  }

  /** Builds an engine from documents already in memory (tests, editors holding unsaved corpus files). */
  static fromDocuments(documents: CorpusDocument[], tolerance = DEFAULT_TOLERANCE, options: IndexOptions = {}): Engine {
    return new Engine(documents, tolerance, options);
  }

  /** How many facts the sources state: each figure that claims something, once per document. */
  get factCount(): number {
    return this.index.framed.facts.length;
  }

  /** Every figure in the text, with its verdict and evidence, in text order. */
  check(text: string, options: CheckOptions): Finding[] {
    return checkText(text, options, this.index, this.tolerance);
  }

  /** As check(), against this engine's corpus and a fact store's together. */
  async checkWithStore(text: string, options: CheckOptions, store: FactStore): Promise<Finding[]> {
    const figures = typedFigures(this.index.topic, text, options.format);
    // The store sends each claim no more candidates than checkText() will weigh.
    const index = await store.extend(this.index, figures, candidateLimit(figures.length));
    return checkText(text, options, index, this.tolerance);
  }

  /** Checks successive versions of one document, re-checking only what each edit changed. */
  session(format: DocumentFormat): IncrementalCheck {
    return new IncrementalCheck(this.index, this.tolerance, format);
  }
}
