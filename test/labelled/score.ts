// Scores the engine on a labelled set the way ../shared/eval/score.mjs scores the CLI: each labelled
// figure is matched to the findings overlapping it, and precision, recall and support are counted.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Engine, type Finding } from '../../server/src/engine';

export interface Expect {
  figure: string;
  label: 'M' | 'S' | 'U' | 'N' | 'A';
  nth?: number;
  docs?: string[];
  correct?: (string | number)[];
}

export interface LabelledCase {
  id: string;
  tier: string;
  text: string;
  expect: Expect[];
}

export interface LabelledSet {
  name: string;
  cases: LabelledCase[];
  /** Corpus folders beyond the bundled one, and whether the bundled corpus is used. */
  corpusDirs: string[];
  bundledCorpus: boolean;
}

export interface Score {
  f1: number;
  precision: number;
  recall: number;
  supportedRecall: number;
  wrongSupports: number;
  /** Mismatches that name what the sources say instead, of those with a labelled correction. */
  fixNamed: number;
  /** Supported figures whose evidence cites a labelled document, of those with documents labelled. */
  evidence: number;
  misses: string[];
}

const FIXTURES = join(__dirname, '../fixtures');

/** factlint's own cases on the bundled corpus, and the blind sets in fixtures/sets/, each with its corpus. */
export function labelledSets(): LabelledSet[] {
  const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as { cases: LabelledCase[]; bundledCorpus?: boolean };
  const sets: LabelledSet[] = [{ name: 'cases', cases: read(join(FIXTURES, 'cases.json')).cases, corpusDirs: [], bundledCorpus: true }];
  for (const name of readdirSync(join(FIXTURES, 'sets')).sort()) {
    const file = read(join(FIXTURES, 'sets', name, 'cases.json'));
    const corpus = join(FIXTURES, 'sets', name, 'corpus');
    // A set with a corpus of its own is another story unless it says it follows the bundled one.
    const own = existsSync(corpus);
    sets.push({ name, cases: file.cases, corpusDirs: own ? [corpus] : [], bundledCorpus: !own || file.bundledCorpus === true });
  }
  return sets;
}

/**
 * Where the nth whole occurrence of a figure starts: "1,000" is not the tail of "11,000". A labelled
 * piece that is not a number of its own ("/10/" in a URL) is found as written.
 */
export function figureAt(text: string, x: Expect): number {
  const numeric = /^\d/.test(x.figure);
  const whole = (i: number) => !numeric || (!/\d$/.test(text.slice(Math.max(0, i - 1), i)) && !/^\d/.test(text.slice(i + x.figure.length)));
  let at = -1;
  for (let k = 0; k < (x.nth ?? 1); k++) {
    do at = text.indexOf(x.figure, at + 1);
    while (at >= 0 && !whole(at));
  }
  if (at < 0) throw new Error(`figure ${JSON.stringify(x.figure)} is not in ${JSON.stringify(text)}`);
  return at;
}

/**
 * Whether `text` gives `value` whole: 100 is not in "1000" or "100.5", "three" not in "thirty-three"
 * or "threefold", 2.5 not in "12.5".
 */
export function namesWhole(text: string, value: string | number): boolean {
  const v = String(value).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}]|\\d[.,]|-)${v}(?![\\p{L}\\p{N}]|[.,]\\d)`, 'u').test(text);
}

export function scoreSet(set: LabelledSet, engine = Engine.load({ corpusDirs: set.corpusDirs, bundledCorpus: set.bundledCorpus })): Score {
  let tp = 0, fp = 0, fn = 0, sExp = 0, sHit = 0, wrongSupports = 0, fixAll = 0, fixOk = 0, evidAll = 0, evidOk = 0;
  const misses: string[] = [];
  for (const c of set.cases) {
    const findings = engine.check(c.text, { format: 'markdown' });
    const used = new Set<Finding>();
    for (const x of c.expect) {
      const at = figureAt(c.text, x);
      const hits = findings.filter((f) => f.start < at + x.figure.length && f.end > at);
      hits.forEach((h) => used.add(h));
      if (x.label === 'A') continue;
      const mismatch = hits.filter((f) => f.verdict === 'mismatch');
      const supported = hits.some((f) => f.verdict === 'supported');
      const got = mismatch.length ? 'mismatch' : supported ? 'supported' : (hits[0]?.verdict ?? 'nothing');
      if (x.label === 'M') {
        if (!mismatch.length) {
          fn++;
          misses.push(`${c.id} "${x.figure}": expected mismatch, got ${got}`);
          continue;
        }
        tp++;
        if (x.correct) {
          fixAll++;
          const said = JSON.stringify(mismatch.map((h) => [h.message, h.evidence])).replace(/,(?=\d{3})/g, '');
          if (x.correct.some((v) => namesWhole(said, v))) fixOk++;
          else misses.push(`${c.id} "${x.figure}": flagged, but names none of ${x.correct.join(', ')}`);
        }
        continue;
      }
      if (mismatch.length) {
        fp++;
        misses.push(`${c.id} "${x.figure}" [${x.label}]: false mismatch: ${mismatch[0].message}`);
      }
      if (x.label === 'S') {
        sExp++;
        if (supported && !mismatch.length) {
          sHit++;
          if (x.docs) {
            evidAll++;
            // Only a document that agrees supports the figure; one cited as saying otherwise does not.
            const agreeing = hits.flatMap((h) => h.evidence.filter((e) => e.agrees).map((e) => e.document));
            if (x.docs.some((d) => agreeing.some((id) => id.includes(d)))) evidOk++;
            else misses.push(`${c.id} "${x.figure}": supported, but no agreeing source is one of ${x.docs.join(', ')}`);
          }
        } else if (!mismatch.length) misses.push(`${c.id} "${x.figure}": expected supported, got ${got}`);
      }
      if (x.label === 'U' && supported) {
        wrongSupports++;
        misses.push(`${c.id} "${x.figure}" [U]: supported by a source that does not say it`);
      }
    }
    for (const f of findings)
      if (!used.has(f) && f.verdict === 'mismatch') {
        fp++;
        misses.push(`${c.id}: false mismatch on unlabelled ${JSON.stringify(f.text)}`);
      }
  }
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  return {
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    precision,
    recall,
    supportedRecall: sExp ? sHit / sExp : 1,
    wrongSupports,
    fixNamed: fixAll ? fixOk / fixAll : 1,
    evidence: evidAll ? evidOk / evidAll : 1,
    misses,
  };
}
