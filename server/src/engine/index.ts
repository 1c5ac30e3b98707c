// The engine's public face: load a corpus once, then check drafts against it.
import { loadCorpus } from './corpus';
import { CorpusIndex } from './corpusIndex';
import { checkText } from './check';
import { IncrementalCheck } from './incremental';
import type { CheckOptions, CorpusDocument, DocumentFormat, EngineOptions, Finding } from './types';

export * from './types';
export { FactlintError } from './errors';
export { LineIndex } from './lineIndex';
export { excerptAround } from './present';
export { CheckCancelled, type IncrementalCheck } from './incremental';

export const DEFAULT_TOLERANCE = 0.1;

export class Engine {
  readonly documents: CorpusDocument[];
  readonly tolerance: number;
  private readonly index: CorpusIndex;

  private constructor(documents: CorpusDocument[], tolerance: number) {
    this.documents = documents;
    this.tolerance = tolerance;
    this.index = new CorpusIndex(documents, tolerance);
  }

  /** Reads the corpus folders and indexes their facts. Throws FactlintError on unreadable folders. */
  static load(options: EngineOptions = {}): Engine {
    const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
    return new Engine(loadCorpus(options), tolerance);
  }

  /** Builds an engine from documents already in memory (tests, editors holding unsaved corpus files). */
  static fromDocuments(documents: CorpusDocument[], tolerance = DEFAULT_TOLERANCE): Engine {
    return new Engine(documents, tolerance);
  }

  /** How many facts the sources state: each figure that claims something, once per document. */
  get factCount(): number {
    return this.index.framed.facts.length;
  }

  /** Every figure in the text, with its verdict and evidence, in text order. */
  check(text: string, options: CheckOptions): Finding[] {
    return checkText(text, options, this.index, this.tolerance);
  }

  /** Checks successive versions of one document, re-checking only what each edit changed. */
  session(format: DocumentFormat): IncrementalCheck {
    return new IncrementalCheck(this.index, this.tolerance, format);
  }
}
