// The engine's vocabulary: what a figure is, what a corpus fact is, and what a finding says.
// Front ends (CLI, language server) translate these into their own protocol and nothing else.
import type { Frame } from './frames/frame';
import type { TopicSpec } from './topic';

export type Verdict = 'mismatch' | 'supported' | 'unverified';

/** How a figure's qualifier bounds its value. */
export type Bound = 'exact' | 'approx' | 'lower' | 'upper' | 'range';

/** What grammar produced a figure; decides how it is compared. */
export type FigureKind = 'count' | 'money' | 'percent' | 'ordinal' | 'date' | 'duration' | 'time';

/** A figure found in text, normalised. Offsets are UTF-16 code units into the whole text. */
export interface Figure {
  start: number;
  end: number;
  text: string;
  kind: FigureKind;
  /** Lowest and highest value the figure states (equal for a single value). Dates: months since year 0 or month of year. */
  low: number;
  high: number;
  bound: Bound;
  /** Approximate even though it is a range or bound ("approximately 40,000 to 80,000"). */
  approximate: boolean;
  /** "nearly"/"almost": the true value is at or a little below the figure. */
  below?: boolean;
  /** A vague plural ("thousands of", "millions of"): a wide range, never a fact. */
  vague?: boolean;
  /** For dates: which parts the text gives; a season gives its months. */
  date?: { year?: number; month?: number; day?: number; months?: number[] };
  /** Currency or unit as written ("USD", "years"). */
  unit?: string;
  /** How the number itself was written, for replacements in the same style. */
  style: NumberStyle;
}

/** A figure before its place in the text is known. */
export type FigDraft = Omit<Figure, 'start' | 'end' | 'text'>;

export type NumberStyle = 'digits' | 'grouped' | 'words' | 'suffix' | 'scaled' | 'other';

/** A sentence with exact offsets into the checked text. */
export interface Sentence {
  start: number;
  end: number;
  text: string;
}

/** A figure with the measure it was typed as. */
export interface TypedFigure extends Figure {
  /** Measure id from a corpus's topic, or undefined when the figure measures nothing a topic knows. */
  measure?: string;
  /** Sibling measures the claim may also be about when its wording does not decide (first wave vs total). */
  alternates?: string[];
  /** Why the figure was left untyped, for the unverified message. */
  untypedReason?: string;
  /** A label, a time of day, a figure the draft denies: no source can speak to it. */
  notAClaim?: boolean;
  /** What the figure claims, read from its clause (frames/frame.ts). */
  frame: Frame;
  sentence: Sentence;
}

export interface CorpusDocument {
  id: string;
  title: string;
  /** Path as given to the engine (absolute or relative to the working directory). */
  path: string;
  publication?: string;
  author?: string;
  /** Publication date from the folder's corpus.json (YYYY-MM-DD). */
  date?: string;
  /**
   * Its folder's topic (corpus.json): the document is read by the topic's measures as well as by frame;
   * a document with none is read by frame alone. Documents of one folder share the object.
   */
  topic?: TopicSpec;
  text: string;
}

/** A figure found in the corpus, with where it stands. */
export interface Fact {
  figure: TypedFigure;
  measure: string;
  document: CorpusDocument;
  /** 0-based line of the figure in the document. */
  line: number;
  /** 0-based UTF-16 column of the figure in that line. */
  character: number;
  /** The sentence holding the figure, trimmed. */
  excerpt: string;
  /** The figure's offsets inside `excerpt`, for emphasis. */
  excerptFigure: [number, number];
  /** For derived facts (killed + injured), the facts they sum. */
  parts?: Fact[];
}

export interface Evidence {
  document: string;
  title: string;
  path: string;
  /** 0-based line in the corpus document. */
  line: number;
  character: number;
  excerpt: string;
  excerptFigure: [number, number];
  figure: string;
  value: number;
  /** Upper value where the source gives a range. */
  high?: number;
  bound: Bound;
  agrees: boolean;
}

export interface Claim {
  low: number;
  high: number;
  bound: Bound;
}

export interface Finding {
  start: number;
  end: number;
  text: string;
  verdict: Verdict;
  kind: FigureKind;
  /** Measure id, when typed. */
  measureId?: string;
  /** Human label of the measure ("Northwind Foods' staff"), or a description of the figure. */
  measure: string;
  claim: Claim;
  message: string;
  /** The best of the source facts the verdict weighed, at most MAX_EVIDENCE (findings.ts) entries. */
  evidence: Evidence[];
  /** How many evidence entries there were before the best were kept. */
  evidenceTotal: number;
  /** Source figures a writer could put instead, formatted in the draft's style (mismatches only). */
  replacements: string[];
  /** Set by suppression comments; the finding still exists. */
  suppressed?: boolean;
}

export type DocumentFormat = 'markdown' | 'plaintext';

export interface CheckOptions {
  format: DocumentFormat;
}

export interface EngineOptions {
  /** Load the corpus bundled with factlint. Default true. */
  bundledCorpus?: boolean;
  /** Extra corpus folders of .txt/.md files; a document's id is its path stem. */
  corpusDirs?: string[];
  /** Relative tolerance for approximate figures (0.1 = ±10%). */
  tolerance?: number;
  /** Corpus documents larger than this many bytes are refused. Default 5 MB. */
  maxFileBytes?: number;
  /**
   * Each extra folder's documents (and corpus.json) must really lie in that folder: a symbolic link
   * out of it is refused. Set where the folder was checked to be inside a workspace or repository.
   */
  confineCorpus?: boolean;
  /** Keep the corpus index in this folder between runs (indexCache.ts); none when undefined. */
  cacheDir?: string;
  /** Called after each corpus document is indexed, for progress. */
  onIndexProgress?: (done: number, total: number) => void;
}
