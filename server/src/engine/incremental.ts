// Checking successive versions of one draft (an editor's document), with the same findings as a full
// check: each sentence's findings are kept, keyed by everything they are read from, and an edit
// re-checks only the sentences whose key it changed.
//
// What a sentence's figures are read from, besides its own text: the discourse carried from sentence to
// sentence (measures.ts: who "it" and "they" are, whose troops the passage speaks of, the previous
// sentence's words for one that opens with a pronoun) and the previous sentence's tokens (frames of a
// sentence that points back, frames/frame.ts). Both follow from the previous sentence's text and the
// discourse before it, so the key holds those; a re-checked sentence that leaves the discourse as it was
// lets the sentences after it keep their findings.
import { judge } from './check';
import type { CorpusIndex } from './corpusIndex';
import type { Discourse } from './measures';
import { Segmenter } from './segment';
import { sentenceFigures } from './sentenceFigures';
import { tokenize, type Token } from './tokens';
import type { DocumentFormat, Finding, Sentence } from './types';

/** Thrown by IncrementalCheck.check when `cancelled` says the check is no longer wanted. */
export class CheckCancelled extends Error {
  constructor() {
    super('the check was cancelled');
  }
}

interface Kept {
  /** The findings, at the offsets of the sentence that `start` gives. */
  findings: Finding[];
  start: number;
  /** The discourse after the sentence, without `previous` (the sentence's own text, lower-cased). */
  subject: Discourse['subject'];
  troops: Discourse['troops'];
}

export class IncrementalCheck {
  private readonly segmenter: Segmenter;
  private kept = new Map<string, Kept>();
  /** Sentences whose findings were computed (not kept) by the last check: for tests and the benchmark. */
  lastComputed = 0;

  constructor(
    private readonly index: CorpusIndex,
    private readonly tolerance: number,
    readonly format: DocumentFormat,
  ) {
    this.segmenter = new Segmenter(format);
  }

  /**
   * Every figure in the text, as Engine.check finds it. `cancelled` is asked before each sentence that
   * must be computed; when it says yes the check stops with CheckCancelled, and what it computed so far
   * is kept for the next check.
   */
  check(text: string, cancelled: () => boolean = () => false): Finding[] {
    const sentences = this.segmenter.segment(text);
    const next = new Map<string, Kept>();
    const out: Finding[] = [];
    const discourse: Discourse = {};
    let previous: Sentence | undefined;
    let previousTokens: Token[] | undefined;
    this.lastComputed = 0;
    for (const sentence of sentences) {
      const source = text.slice(sentence.start, sentence.end);
      // The source differs from the sentence where markup is blanked, and a figure's text is the source's.
      const key = [previous?.text ?? '', discourse.subject ?? '', discourse.troops ?? '', sentence.text, source === sentence.text ? '' : source].join('\u0000');
      let kept = next.get(key) ?? this.kept.get(key);
      let tokens: Token[] | undefined;
      if (!kept) {
        if (cancelled()) {
          this.keepAfterCancel(next, sentences.length);
          throw new CheckCancelled();
        }
        previousTokens ??= previous && tokenize(previous.text);
        tokens = tokenize(sentence.text);
        const findings = sentenceFigures(text, sentence, tokens, previousTokens, discourse).map((f) => judge(f, this.index, this.tolerance));
        kept = { findings, start: sentence.start, subject: discourse.subject, troops: discourse.troops };
        this.lastComputed++;
      } else {
        discourse.subject = kept.subject;
        discourse.troops = kept.troops;
        discourse.previous = sentence.text.toLowerCase();
      }
      if (kept.start !== sentence.start) kept = moved(kept, sentence.start);
      next.set(key, kept);
      out.push(...kept.findings);
      previous = sentence;
      previousTokens = tokens;
    }
    this.kept = next;
    return out;
  }

  /** A cancelled check keeps what it computed beside what was kept, within a bound on memory. */
  private keepAfterCancel(next: Map<string, Kept>, sentences: number): void {
    if (this.kept.size > 4 * sentences) this.kept = next;
    else for (const [key, kept] of next) this.kept.set(key, kept);
  }
}

/** The findings of a kept sentence that now starts at `start`. */
function moved(kept: Kept, start: number): Kept {
  const by = start - kept.start;
  return { ...kept, start, findings: kept.findings.map((f) => ({ ...f, start: f.start + by, end: f.end + by })) };
}
