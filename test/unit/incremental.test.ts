import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { CheckCancelled, Engine } from '../../server/src/engine';
import { Segmenter, segment } from '../../server/src/engine/segment';
import { candidateLimit } from '../../server/src/engine/frames/factIndex';
import { changedRange } from '../../server/src/engine/textChange';

const DRAFT = fs.readFileSync(path.join(__dirname, '../../examples/draft.md'), 'utf8');

// Sentences whose reading depends on the ones before them: who "it" and "they" are, whose troops the
// passage speaks of, what a sentence that points back takes from the one before.
const SENTENCES = [
  'North Korea sent 12,000 troops to Russia. ', 'Russia lost 3,000 soldiers near Kursk. ', 'It sent 1,500 more. ',
  'They lost 500 killed and 1,000 wounded. ', 'Its army numbers 1.2 million. ', 'The Storm Corps has 40,000 soldiers. ',
  'Ukraine said its forces captured 200 North Korean troops. ', 'It was signed in June. ', 'The defence pact was signed in June 2024. ',
  'This was 30% of the corps. ', 'South Korea says 11,000 North Korean troops arrived. ', 'Pyongyang supplied eight million shells. ',
  'They are valued at $5.5 billion. ', 'The elite unit consists of 40,000 to 80,000 soldiers. ', 'Up to 50% of its strength is deployed. ',
];
const BREAKS = ['', '', '\n', '\n\n', '\n\n# ', '\n\n- ', '\n\n> '];
// What a character edit may type: words, figures, sentence ends, and Markdown that moves block edges
// (blank lines, headings, lists, quotes, fences, code, comments, front matter).
const PIECES = [
  ' troops', ' 12,000', 'Russia ', ' North Korean', '. ', '.\n', '\n\n', '\n# ', '\n- ', '\n> ', '\n```\n', '`', '**',
  '<!-- factlint-disable-line -->', '| 1,500 | troops |\n', 'about ', 'in June 2024', '---\n', ...SENTENCES,
];

const draft = fc.array(fc.tuple(fc.constantFrom(...BREAKS), fc.constantFrom(...SENTENCES)), { minLength: 3, maxLength: 14 }).map((xs) => xs.flat().join(''));
const at = fc.double({ min: 0, max: 1, noNaN: true });
const edit = fc.oneof(
  fc.record({ at, remove: fc.nat({ max: 80 }), insert: fc.array(fc.constantFrom(...PIECES), { maxLength: 3 }) }),
  // A whole sentence replaced, inserted or deleted, the rest kept.
  fc.record({ at, sentence: fc.option(fc.constantFrom(...SENTENCES)), replace: fc.boolean() }),
);

function applyEdit(text: string, e: { at: number; remove: number; insert: string[] } | { at: number; sentence: string | null; replace: boolean }): string {
  if ('remove' in e) {
    const at = Math.floor(e.at * text.length);
    return text.slice(0, at) + e.insert.join('') + text.slice(Math.min(text.length, at + e.remove));
  }
  const ends = [0, ...[...text.matchAll(/\. /g)].map((m) => m.index + 2)];
  const from = ends[Math.floor(e.at * ends.length)];
  const to = e.replace || !e.sentence ? (ends.find((x) => x > from) ?? text.length) : from;
  return text.slice(0, from) + (e.sentence ?? '') + text.slice(to);
}

describe('incremental checking (Engine.session)', () => {
  const engine = Engine.load({});

  it('finds what a full check finds after every edit of random edit sequences (fast-check)', function () {
    this.timeout(240_000);
    fc.assert(
      fc.property(fc.constantFrom<'markdown' | 'plaintext'>('markdown', 'plaintext'), fc.oneof(draft, fc.constant(DRAFT)), fc.array(edit, { minLength: 1, maxLength: 8 }), (format, start, edits) => {
        const session = engine.session(format);
        let text = start;
        assert.deepStrictEqual(session.check(text), engine.check(text, { format }));
        for (const e of edits) {
          text = applyEdit(text, e);
          assert.deepStrictEqual(session.check(text), engine.check(text, { format }), JSON.stringify(text));
        }
      }),
      { numRuns: 150, seed: Number(process.env.SEED ?? 11) },
    );
  });

  it('segments each version as a fresh parse does after every edit of random edit sequences (fast-check)', () => {
    fc.assert(
      fc.property(fc.oneof(draft, fc.constant(DRAFT)), fc.array(edit, { minLength: 1, maxLength: 12 }), (start, edits) => {
        const segmenter = new Segmenter('markdown');
        let text = start;
        assert.deepStrictEqual(segmenter.segment(text), segment(text, 'markdown'));
        for (const e of edits) {
          text = applyEdit(text, e);
          assert.deepStrictEqual(segmenter.segment(text), segment(text, 'markdown'), JSON.stringify(text));
        }
      }),
      { numRuns: 400, seed: Number(process.env.SEED ?? 12) },
    );
  });

  it('re-checks only the sentences an edit touched', () => {
    // Forty copies of the draft, each with its own figures, so that no two sentences are alike.
    const long = Array.from({ length: 40 }, (_, k) => DRAFT.replace(/\d+(?=,\d{3}\b)/g, (n) => String(Number(n) + k))).join('\n\n');
    const session = engine.session('markdown');
    session.check(long);
    const everything = session.lastComputed;
    const at = long.indexOf('soldiers expected', long.length / 2);
    assert.ok(at > 0);
    const edited = `${long.slice(0, at)}more ${long.slice(at)}`;
    assert.deepStrictEqual(session.check(edited), engine.check(edited, { format: 'markdown' }));
    // The edited sentence, and the one after it, which reads it.
    assert.ok(session.lastComputed >= 1 && session.lastComputed <= 2, `${session.lastComputed} of ${everything} sentences re-checked`);
    assert.ok(everything > 200, `${everything} sentences`);
  });

  it('stops when cancelled, and the next check finds what a full check finds', () => {
    const fresh = engine.session('markdown');
    fresh.check(DRAFT);
    const sentences = fresh.lastComputed;
    const session = engine.session('markdown');
    // Cancelled while typing the sentences (three typed), then while judging them (five judged).
    let asked = 0;
    assert.throws(() => session.check(DRAFT, () => ++asked > 3), CheckCancelled);
    asked = 0;
    assert.throws(() => session.check(DRAFT, () => ++asked > sentences - 3 + 5), CheckCancelled);
    assert.deepStrictEqual(session.check(DRAFT), engine.check(DRAFT, { format: 'markdown' }));
    // What the cancelled checks had computed was kept: the five sentences judged need not be again.
    assert.strictEqual(session.lastComputed, sentences - 5);
  });

  it('weighs each figure against as many facts as the whole draft\'s figure count allows, as a full check does', function () {
    this.timeout(240_000);
    // 120 sources each give the depot's count: every figure of the draft is weighed against up to
    // candidateLimit of them, which falls once the draft has more than 2,000 figures.
    const documents = Array.from({ length: 120 }, (_, i) => ({ id: `d${i}`, title: `Depot ${i}`, path: `/corpus/d${i}.txt`, text: `The depot stored ${300 + 7 * i} crates of apples.\n` }));
    const crates = Engine.fromDocuments(documents);
    const draft = (n: number) => Array.from({ length: n }, (_, k) => `The depot stored ${5_000 + k} crates of apples.`).join(' ');
    const session = crates.session('plaintext');
    const before = session.check(draft(2_000));
    assert.deepStrictEqual(before, crates.check(draft(2_000), { format: 'plaintext' }));
    const after = session.check(draft(2_100));
    assert.deepStrictEqual(after, crates.check(draft(2_100), { format: 'plaintext' }));
    // The first sentence did not change, yet its figure was weighed against fewer facts.
    assert.deepStrictEqual([before[0].evidenceTotal, after[0].evidenceTotal], [candidateLimit(2_000), candidateLimit(2_100)]);
    assert.ok(candidateLimit(2_100) < candidateLimit(2_000));
  });

  it('finds the one range where two texts differ, at its narrowest (fast-check)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', '\n'), maxLength: 10_000 });
    fc.assert(
      fc.property(text, text, text, (same, a, b) => {
        const [before, after] = [`${same}${a}${same}`, `${same}${b}${same}`];
        const { fromA, toA, fromB, toB } = changedRange(before, after);
        assert.strictEqual(fromA, fromB);
        assert.strictEqual(before.slice(0, fromA), after.slice(0, fromB));
        assert.strictEqual(before.slice(toA), after.slice(toB));
        assert.ok(fromA >= same.length);
        // Narrowest: the texts differ at each end of the range, unless it is empty in one of them.
        if (toA > fromA && toB > fromB) {
          assert.notStrictEqual(before[fromA], after[fromB]);
          assert.notStrictEqual(before[toA - 1], after[toB - 1]);
        }
      }),
      { numRuns: 300, seed: 5 },
    );
  });
});
