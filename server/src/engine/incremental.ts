// Checking successive versions of one draft (an editor's document), with the same findings as a full
// check: each sentence's typed figures and findings are kept, keyed by everything they are read from,
// and an edit re-checks only the sentences whose key it changed (and every sentence when it changes
// how many facts each figure is weighed against: candidateLimit of the draft's figure count).
//
// What a sentence's figures are read from, besides its own text: the discourse carried from sentence to
// sentence (measures.ts: who "it" and "they" are, whose people the passage speaks of, the previous
// sentence's words for one that opens with a pronoun) and the previous sentence's tokens (frames of a
// sentence that points back, frames/frame.ts). Both follow from the previous sentence's text and the
// discourse before it, so the key holds those; a re-checked sentence that leaves the discourse as it was
// lets the sentences after it keep their findings.
import { judge } from './check';
import { candidateLimit } from './frames/factIndex';
import type { CorpusIndex } from './corpusIndex';
import type { FactStore } from './index';
import type { Discourse } from './measures';
import { Segmenter } from './segment';
import { sentenceFigures } from './sentenceFigures';
import { changedRange, type TextChange } from './textChange';
import { tokenize, type Token } from './tokens';
import type { DocumentFormat, Finding, Sentence, TypedFigure } from './types';

/** Thrown by IncrementalCheck.check when `cancelled` says the check is no longer wanted. */
export class CheckCancelled extends Error {
  constructor() {
    super('the check was cancelled');
  }
}

interface Kept {
  /** The sentence's typed figures, at the offsets of the sentence that `typedAt` gives. */
  figures: TypedFigure[];
  typedAt: number;
  /** The findings, judged against `limit` candidates, at the offsets of the sentence that `start` gives; none yet when a check was cancelled first. */
  findings?: Finding[];
  limit?: number;
  start: number;
  /** The discourse after the sentence, without `previous` (the sentence's own text, lower-cased). */
  subject: Discourse['subject'];
  people: Discourse['people'];
}

/** A completed check, sentence by sentence, in order. */
interface Checked {
  text: string;
  sentences: Sentence[];
  keys: string[];
  kept: Kept[];
  /** Where each key stands in `keys` (the first, when sentences repeat). */
  at: Map<string, number>;
}

export class IncrementalCheck {
  private readonly segmenter: Segmenter;
  private last: Checked = { text: '', sentences: [], keys: [], kept: [], at: new Map() };
  /** What cancelled checks computed since the last completed one. */
  private cancelled = new Map<string, Kept>();
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
   *
   * Each figure is weighed against as many candidate facts as the whole draft's figure count allows
   * (candidateLimit, as Engine.check does), so the sentences are typed first and judged once the count
   * is known; a kept sentence judged under another limit is judged again from its figures.
   */
  check(text: string, cancelled: () => boolean = () => false): Finding[] {
    const { now, limit } = this.typeAll(text, cancelled);
    return this.judgeAll(now, limit, this.index, cancelled);
  }

  /**
   * As check(), against the store's facts as well: fetched, as Engine.checkWithStore does, for the
   * figures that must be judged (the others keep their findings, judged against the same store).
   */
  async checkWithStore(text: string, store: FactStore, cancelled: () => boolean = () => false): Promise<Finding[]> {
    const { now, limit } = this.typeAll(text, cancelled);
    const figures = now.kept.filter((k) => k.limit !== limit).flatMap((k) => k.figures);
    const index = figures.length ? await store.extend(this.index, figures, limit) : this.index;
    return this.judgeAll(now, limit, index, cancelled);
  }

  /** Each sentence's figures, and the candidate limit their count gives. */
  private typeAll(text: string, cancelled: () => boolean): { now: Checked; limit: number } {
    this.lastComputed = 0;
    const now = this.type(text, this.segmenter.segment(text), cancelled);
    return { now, limit: candidateLimit(now.kept.reduce((n, k) => n + k.figures.length, 0)) };
  }

  /** The findings of every sentence: kept, or judged against `index` where they were judged under another limit. */
  private judgeAll(now: Checked, limit: number, index: CorpusIndex, cancelled: () => boolean): Finding[] {
    const out: Finding[] = [];
    for (const [i, sentence] of now.sentences.entries()) {
      let kept = now.kept[i];
      if (kept.limit !== limit) {
        if (cancelled()) {
          this.keepAfterCancel(now);
          throw new CheckCancelled();
        }
        const by = sentence.start - kept.typedAt;
        const findings = kept.figures.map((f) => shifted(judge(f, index, this.tolerance, limit), by));
        kept = { ...kept, findings, limit, start: sentence.start };
        this.lastComputed++;
      } else if (kept.start !== sentence.start) kept = moved(kept, sentence.start);
      now.kept[i] = kept;
      for (const f of kept.findings!) out.push(f);
    }
    this.last = now;
    this.cancelled.clear();
    return out;
  }

  /** Each sentence's figures, kept where its key is unchanged, typed where it is not. */
  private type(text: string, sentences: Sentence[], cancelled: () => boolean): Checked {
    const last = this.last;
    const change = changedRange(last.text, text);
    const now: Checked = { text, sentences, keys: [], kept: [], at: new Map() };
    const discourse: Discourse = {};
    let previous: Sentence | undefined;
    let previousTokens: Token[] | undefined;
    // While the sentences so far have the keys they had last time, from index i - offset on, a sentence
    // there with the same text, outside the edit, has the same key: found without building it.
    let offset: number | undefined = 0;
    for (const [i, sentence] of sentences.entries()) {
      const c = offset === undefined ? -1 : i + offset;
      const old = last.sentences[c];
      const unchanged = !!old && old.text === sentence.text && unmoved(old, sentence, change);
      let key: string;
      let kept: Kept | undefined;
      if (unchanged) {
        key = last.keys[c];
        kept = last.kept[c];
      } else {
        const source = text.slice(sentence.start, sentence.end);
        // The source differs from the sentence where markup is blanked, and a figure's text is the source's.
        key = [previous?.text ?? '', discourse.subject ?? '', discourse.people ?? '', sentence.text, source === sentence.text ? '' : source].join('\u0000');
        const was = last.at.get(key);
        offset = was === undefined ? undefined : was - i;
        kept = now.kept[now.at.get(key) ?? -1] ?? (was === undefined ? this.cancelled.get(key) : last.kept[was]);
      }
      let tokens: Token[] | undefined;
      if (!kept) {
        if (cancelled()) {
          this.keepAfterCancel(now);
          throw new CheckCancelled();
        }
        previousTokens ??= previous && tokenize(previous.text);
        tokens = tokenize(sentence.text);
        discourse.previous = previous?.text.toLowerCase();
        const figures = sentenceFigures(this.index.topic, text, sentence, tokens, previousTokens, discourse);
        kept = { figures, typedAt: sentence.start, start: sentence.start, subject: discourse.subject, people: discourse.people };
      } else {
        discourse.subject = kept.subject;
        discourse.people = kept.people;
      }
      if (!now.at.has(key)) now.at.set(key, i);
      now.keys.push(key);
      now.kept.push(kept);
      previous = sentence;
      previousTokens = tokens;
    }
    return now;
  }

  /** A cancelled check keeps what it computed for the next, within a bound on memory. */
  private keepAfterCancel(now: Checked): void {
    if (this.cancelled.size > 4 * now.sentences.length) this.cancelled.clear();
    now.keys.forEach((key, i) => this.cancelled.set(key, now.kept[i]));
  }
}

/** Whether a sentence of the last text stands at the same characters of the new one: before the edit, or after it. */
function unmoved(old: Sentence, now: Sentence, change: TextChange): boolean {
  if (now.end <= change.fromB) return old.start === now.start && old.end === now.end;
  return now.start >= change.toB && old.start === now.start - change.toB + change.toA && old.end === now.end - change.toB + change.toA;
}

/** The findings of a kept sentence that now starts at `start`. */
function moved(kept: Kept, start: number): Kept {
  const by = start - kept.start;
  return { ...kept, start, findings: kept.findings?.map((f) => shifted(f, by)) };
}

function shifted(f: Finding, by: number): Finding {
  return by ? { ...f, start: f.start + by, end: f.end + by } : f;
}
