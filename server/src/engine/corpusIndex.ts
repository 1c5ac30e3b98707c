// The corpus index: every figure in the sources, typed with the same rules as a draft, grouped by measure.
import { extname } from 'node:path';
import { reportingEnd, sentenceKey } from './boilerplate';
import { plausibleInterval } from './compare';
import { tokenize, type Token } from './tokens';
import { LineIndex } from './lineIndex';
import { FrameIndex, WordWeights } from './frames/factIndex';
import type { Discourse } from './measures';
import { segment } from './segment';
import { sentenceFigures } from './sentenceFigures';
import type { CorpusDocument, DocumentFormat, Fact, Figure, Sentence, TypedFigure } from './types';

/** Sentences of a text with their typed figures, in order; offsets are into the text. */
export function typedFigures(text: string, format: DocumentFormat, limit = text.length, onSentence?: (s: Sentence) => boolean): TypedFigure[] {
  const discourse: Discourse = {};
  const out: TypedFigure[] = [];
  let previous: Token[] | undefined;
  for (const sentence of segment(text, format)) {
    if (sentence.start >= limit) break;
    if (onSentence && !onSentence(sentence)) continue;
    const tokens = tokenize(sentence.text);
    out.push(...sentenceFigures(text, sentence, tokens, previous, discourse));
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

export class CorpusIndex {
  private readonly byMeasure = new Map<string, Fact[]>();
  /** Every figure of the sources that states something, by its frame, whatever it measures. */
  readonly framed = new FrameIndex();
  readonly weights = new WordWeights();

  constructor(
    readonly documents: CorpusDocument[],
    private readonly tolerance: number,
  ) {
    for (const doc of documents) this.indexDocument(doc);
  }

  private readonly unreadByKind = new Map<string, Fact[]>();

  /** Facts of a kind that the built-in measures do not read: a later report's new kinds of fact, say. */
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

  private indexDocument(doc: CorpusDocument): void {
    const lines = new LineIndex(doc.text);
    const seen = new Set<string>();
    // A repeated sentence (syndicated copy pasted twice) is indexed once.
    const firstTime = (s: Sentence) => {
      const key = sentenceKey(s.text);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    };
    const facts: Fact[] = [];
    const keys = new Set<string>();
    const frameKeys = new Set<string>();
    let lastSentence: Sentence | undefined;
    for (const f of typedFigures(doc.text, formatOf(doc.path), reportingEnd(doc.text), firstTime)) {
      if (f.sentence !== lastSentence) this.weights.addSentence(f.frame.terms.keys());
      lastSentence = f.sentence;
      const frameKey = `${f.kind}|${f.frame.head}|${f.frame.verb}|${f.frame.mods}|${f.low}|${f.high}|${f.bound}`;
      if (!f.vague && !f.notAClaim && f.kind !== 'time' && !frameKeys.has(frameKey)) {
        frameKeys.add(frameKey);
        // The measure a fact is read as, where the built-in measures read its document at all.
        this.framed.add(makeFact(doc, lines, f, (doc.builtInMeasures && f.measure) || ''));
      }
      if (!doc.builtInMeasures || !f.measure || f.vague) continue;
      // The same figure for the same measure twice in one document is one fact.
      const key = `${f.measure}|${f.low}|${f.high}|${f.bound}`;
      if (keys.has(key)) continue;
      keys.add(key);
      facts.push(makeFact(doc, lines, f, f.measure));
    }
    facts.push(...deriveCasualties(facts, this.tolerance));
    for (const fact of facts) {
      const list = this.byMeasure.get(fact.measure) ?? [];
      list.push(fact);
      this.byMeasure.set(fact.measure, list);
    }
  }
}

function makeFact(doc: CorpusDocument, lines: LineIndex, figure: TypedFigure, measure: string): Fact {
  const pos = lines.positionAt(figure.start);
  const raw = doc.text.slice(figure.sentence.start, figure.sentence.end);
  const lead = raw.length - raw.trimStart().length;
  const excerpt = raw.trim();
  const s = figure.start - figure.sentence.start - lead;
  return { figure, measure, document: doc, line: pos.line, character: pos.character, excerpt, excerptFigure: [s, s + figure.text.length] };
}

/** Where a source gives killed and injured but no total, their sum is what it says of casualties. */
function deriveCasualties(facts: Fact[], tolerance: number): Fact[] {
  const out: Fact[] = [];
  for (const side of ['nk', 'ru']) {
    if (facts.some((f) => f.measure === `${side}.casualties`)) continue;
    const killed = facts.filter((f) => f.measure === `${side}.killed`);
    const injured = facts.filter((f) => f.measure === `${side}.injured`);
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
          measure: `${side}.casualties`,
        } satisfies Figure & TypedFigure;
        out.push({ ...k, figure, measure: `${side}.casualties`, parts: [k, i] });
      }
    }
  }
  return out;
}
