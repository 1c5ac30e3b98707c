// The corpus index: every figure in the sources, read by frame, and where a source's folder has a topic,
// typed by its measures with the same rules as a draft.
import { extname } from 'node:path';
import { reportingEnd, sentenceKey } from './boilerplate';
import { plausibleInterval } from './compare';
import { tokenize, type Token } from './tokens';
import { LineIndex } from './lineIndex';
import { FrameIndex, WordWeights } from './frames/factIndex';
import type { Frame } from './frames/frame';
import type { Discourse } from './measures';
import { segment } from './segment';
import { sentenceFigures } from './sentenceFigures';
import { topicOf, type Topic } from './topic';
import type { CorpusDocument, DocumentFormat, Fact, Figure, Sentence, TypedFigure } from './types';

/** Sentences of a text with their figures, typed by the topic's measures where there is one, in order; offsets are into the text. */
export function typedFigures(topic: Topic | undefined, text: string, format: DocumentFormat, limit = text.length, onSentence?: (s: Sentence) => boolean): TypedFigure[] {
  const discourse: Discourse = {};
  const out: TypedFigure[] = [];
  let previous: Token[] | undefined;
  for (const sentence of segment(text, format)) {
    if (sentence.start >= limit) break;
    if (onSentence && !onSentence(sentence)) continue;
    const tokens = tokenize(sentence.text);
    out.push(...sentenceFigures(topic, text, sentence, tokens, previous, discourse));
    previous = tokens;
  }
  return out;
}

/** Extensions read as Markdown; every other file is plain text. */
export const MARKDOWN_EXTENSIONS: readonly string[] = ['.md', '.markdown'];

/** The kind of text a file name says it holds. */
export function formatOf(path: string): DocumentFormat {
  return MARKDOWN_EXTENSIONS.includes(extname(path).toLowerCase()) ? 'markdown' : 'plaintext';
}

/** A corpus fact before it is attached to its document: what the persisted index (indexCache.ts) stores. */
export type DocumentFact = Omit<Fact, 'document'>;

/** What one document adds to the index, read from its text, format and story alone. */
export interface DocumentFacts {
  /** The words of each of its sentences with a figure, for how rare a word is across the corpus. */
  sentences: string[][];
  /** Every figure that states something, by its frame, whatever it measures. */
  framed: DocumentFact[];
  /** Figures of its topic's measures (where its folder has a topic), before derived ones. */
  measured: DocumentFact[];
}

/** Where a document's facts come from: read now, or a cache of earlier reads. */
export type FactSource = (doc: CorpusDocument) => DocumentFacts;

export class CorpusIndex {
  private constructor(
    readonly documents: CorpusDocument[],
    private readonly tolerance: number,
    private readonly byMeasure: Map<string, Fact[]>,
    /** Every figure of the sources that states something, by its frame, whatever it measures. */
    readonly framed: FrameIndex,
    readonly weights: WordWeights,
    /** The topic drafts are typed by: the first document's that has one. */
    readonly topic: Topic | undefined,
  ) {}

  /** Indexes the documents, their facts read by `source` (read now, or from a cache). */
  static build(documents: CorpusDocument[], tolerance: number, source: FactSource = readDocument, onProgress?: (done: number, total: number) => void): CorpusIndex {
    const spec = documents.find((d) => d.topic)?.topic;
    const index = new CorpusIndex(documents, tolerance, new Map(), new FrameIndex(), new WordWeights(), spec && topicOf(spec));
    documents.forEach((doc, i) => {
      index.add(doc, source(doc));
      onProgress?.(i + 1, documents.length);
    });
    return index;
  }

  /**
   * This index with a fact store's facts added for one draft (store/): the facts its claims could be
   * matched with, in the store's order, the store's word counts, and how many store facts each claim
   * touches in all.
   */
  withStoreFacts(facts: Fact[], df: ReadonlyMap<string, number>, sentences: number, touched: (frame: Frame) => number): CorpusIndex {
    const framed = new FrameIndex({ from: this.framed.facts.length, touched });
    for (const fact of [...this.framed.facts, ...facts]) framed.add(fact);
    return new CorpusIndex([...this.documents, ...new Set(facts.map((x) => x.document))], this.tolerance, this.byMeasure, framed, this.weights.plus(df, sentences), this.topic);
  }

  private readonly unreadByKind = new Map<string, Fact[]>();

  /** Facts of a kind that no topic's measures read: a later report's new kinds of fact, say. */
  unread(kind: string): Fact[] {
    let list = this.unreadByKind.get(kind);
    if (!list) this.unreadByKind.set(kind, (list = this.framed.facts.filter((x) => x.measure === '' && x.figure.kind === kind)));
    return list;
  }

  facts(measure: string): Fact[] {
    return this.byMeasure.get(measure) ?? [];
  }

  get measures(): string[] {
    return [...this.byMeasure.keys()];
  }

  private add(doc: CorpusDocument, read: DocumentFacts): void {
    for (const words of read.sentences) this.weights.addSentence(words);
    for (const x of read.framed) this.framed.add({ ...x, document: doc });
    const facts: Fact[] = read.measured.map((x) => ({ ...x, document: doc }));
    if (doc.topic) facts.push(...deriveCasualties(topicOf(doc.topic), facts, this.tolerance));
    for (const fact of facts) {
      const list = this.byMeasure.get(fact.measure) ?? [];
      list.push(fact);
      this.byMeasure.set(fact.measure, list);
    }
  }
}

/** A document's facts, read from its text. */
export function readDocument(doc: CorpusDocument): DocumentFacts {
  const lines = new LineIndex(doc.text);
  const seen = new Set<string>();
  // A repeated sentence (syndicated copy pasted twice) is indexed once.
  const firstTime = (s: Sentence) => {
    const key = sentenceKey(s.text);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  const out: DocumentFacts = { sentences: [], framed: [], measured: [] };
  const keys = new Set<string>();
  const frameKeys = new Set<string>();
  let lastSentence: Sentence | undefined;
  const topic = doc.topic && topicOf(doc.topic);
  for (const f of typedFigures(topic, doc.text, formatOf(doc.path), reportingEnd(doc.text), firstTime)) {
    if (f.sentence !== lastSentence) out.sentences.push([...f.frame.terms.keys()]);
    lastSentence = f.sentence;
    const frameKey = `${f.kind}|${f.frame.head}|${f.frame.verb}|${f.frame.mods}|${f.low}|${f.high}|${f.bound}`;
    if (!f.vague && !f.notAClaim && f.kind !== 'time' && !frameKeys.has(frameKey)) {
      frameKeys.add(frameKey);
      // The measure a fact is read as, where a topic reads its document at all.
      out.framed.push(makeFact(doc, lines, f, f.measure ?? ''));
    }
    if (!f.measure || f.vague) continue;
    // The same figure for the same measure twice in one document is one fact.
    const key = `${f.measure}|${f.low}|${f.high}|${f.bound}`;
    if (keys.has(key)) continue;
    keys.add(key);
    out.measured.push(makeFact(doc, lines, f, f.measure));
  }
  return out;
}

function makeFact(doc: CorpusDocument, lines: LineIndex, figure: TypedFigure, measure: string): DocumentFact {
  const pos = lines.positionAt(figure.start);
  const raw = doc.text.slice(figure.sentence.start, figure.sentence.end);
  const lead = raw.length - raw.trimStart().length;
  const excerpt = raw.trim();
  const s = figure.start - figure.sentence.start - lead;
  return { figure, measure, line: pos.line, character: pos.character, excerpt, excerptFigure: [s, s + figure.text.length] };
}

/** Where a source gives killed and injured but no total, their sum is what it says of casualties. */
function deriveCasualties(topic: Topic, facts: Fact[], tolerance: number): Fact[] {
  const out: Fact[] = [];
  for (const losses of Object.values(topic.rules.losses)) {
    const total = losses.casualties;
    if (!total || !losses.killed || !losses.injured || facts.some((f) => f.measure === total)) continue;
    const killed = facts.filter((f) => f.measure === losses.killed);
    const injured = facts.filter((f) => f.measure === losses.injured);
    for (const k of killed) {
      for (const i of injured) {
        const pk = plausibleInterval(k.figure, tolerance);
        const pi = plausibleInterval(i.figure, tolerance);
        const figure: TypedFigure = {
          ...k.figure,
          text: `${k.figure.text} killed and ${i.figure.text} injured`,
          low: pk[0] + pi[0],
          high: pk[1] + pi[1],
          bound: 'range',
          approximate: false,
          below: false,
          measure: total,
        } satisfies Figure & TypedFigure;
        out.push({ ...k, figure, measure: total, parts: [k, i] });
      }
    }
  }
  return out;
}
