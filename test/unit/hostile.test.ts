import assert from 'node:assert/strict';
import { Engine, type DocumentFormat } from '../../server/src/engine';
import { segment } from '../../server/src/engine/segment';

// The engine's reproductions from issue 9, each of which hung, ran out of memory or overflowed the
// stack. Each must now finish within the issue's 10 seconds with every finding at its text.

let seed = 1;
const random = (min: number, max: number) => min + ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % (max - min + 1));

const REPRODUCTIONS: [string, DocumentFormat, () => string][] = [
  ['a pasted CSV of 8,000 rows with no full stop', 'markdown', () => 'x\n\n' + Array.from({ length: 8000 }, () => `2024-01-01,North Korea,${random(100, 9999)},5`).join('\n')],
  ['4,000 figures in one sentence', 'markdown', () => `North Korea sent ${Array.from({ length: 4000 }, () => `${random(100, 9999)} troops`).join(', ')}.`],
  ['1,000,000 space-separated numbers on one line', 'plaintext', () => Array.from({ length: 1_000_000 }, () => random(1, 99999)).join(' ')],
  ['20,000 numbers with a word among every 40', 'plaintext', () => Array.from({ length: 20_000 }, (_, i) => (i % 40 ? random(1, 99999) : 'troops')).join(' ')],
  ['a range with 100,000 spaces inside', 'markdown', () => `Between 3,000${' '.repeat(100_000)}to 4,000 North Korean troops arrived in Russia's Far East in the first wave.`],
  ['"!" 100,000 times', 'markdown', () => '!'.repeat(100_000)],
  ['"[^" 100,000 times', 'markdown', () => `${'[^'.repeat(100_000)} 5 troops`],
  ['a party, 100,000 spaces, then a figure', 'plaintext', () => `North Korea${' '.repeat(100_000)}x 1,500 troops.`],
  ['130,000 ";" before a figure', 'markdown', () => `${';'.repeat(130_000)} 1,500 troops.`],
  ['"- " 100,000 times on one line', 'markdown', () => `${'- '.repeat(100_000)}1,500 troops`],
  ['2,000 lines of ever deeper ">"', 'markdown', () => Array.from({ length: 2000 }, (_, i) => `${'>'.repeat(i + 1)} 1,500 troops`).join('\n')],
  ['1,000 lines of ever deeper indented lists', 'markdown', () => Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- 1,500 troops`).join('\n')],
  ['1,000 inline code runs of growing length', 'markdown', () => Array.from({ length: 1000 }, (_, i) => `${'`'.repeat(i + 1)} 1 `).join('')],
  ['a 400-digit number', 'markdown', () => `North Korea sent ${'9'.repeat(400)} troops to Russia.`],
  ['a 400,000-digit number', 'plaintext', () => `North Korea sent ${'9'.repeat(400_000)} troops to Russia.`],
];

describe('hostile input (issue 9 reproductions)', () => {
  const engine = Engine.load({});
  for (const [what, format, make] of REPRODUCTIONS)
    it(`checks ${what} within 10 s, every finding at its text with a finite claim`, function () {
      this.timeout(60_000);
      const text = make();
      const start = performance.now();
      const findings = engine.check(text, { format });
      const seconds = (performance.now() - start) / 1000;
      assert.ok(seconds < 10, `${seconds.toFixed(1)} s`);
      for (const f of findings) {
        assert.equal(text.slice(f.start, f.end), f.text);
        assert.ok(Number.isFinite(f.claim.low) && Number.isFinite(f.claim.high), `${f.text.slice(0, 40)}: ${JSON.stringify(f.claim)}`);
        assert.ok(f.message.length < 2000, `a message of ${f.message.length} characters`);
      }
    });

  it('reads no number of 10^21 or more as a figure', () => {
    assert.deepEqual(engine.check(`North Korea sent ${'9'.repeat(400)} troops, and 1,500 more.`, { format: 'markdown' }).map((f) => f.text), ['1,500']);
  });
});

describe('long sentences in windows', () => {
  it('cuts a sentence over 20,000 characters into windows of at most 2,000, at line breaks where it can', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `row ${i} of the table`);
    const text = rows.join('\n');
    const sentences = segment(text, 'markdown');
    assert.ok(sentences.length > 10);
    for (const s of sentences) {
      assert.ok(s.text.length <= 2000, `${s.text.length} characters`);
      assert.equal(text.slice(s.start, s.end), s.text);
      assert.ok(/^row \d+ of the table$/.test(s.text.split('\n')[0]), 'a window starts at a row');
    }
  });
  it('cuts a sentence of over 500 figures into windows of at most 50', () => {
    const text = Array.from({ length: 600 }, (_, i) => `${i + 1} troops`).join(' ');
    const sentences = segment(text, 'plaintext');
    assert.ok(sentences.length >= 12);
    for (const s of sentences) assert.ok(s.text.match(/\d+/g)!.length <= 50);
    assert.equal(sentences.map((s) => s.text).join(' '), text);
  });
  it('leaves out the windows of bare numbers, and checks those with words', () => {
    const numbers = Array.from({ length: 600 }, (_, i) => i + 1).join(' ');
    const text = `${numbers} North Korea sent 1,500 troops`;
    const sentences = segment(text, 'plaintext');
    assert.equal(sentences.length, 1);
    assert.ok(sentences[0].text.endsWith('North Korea sent 1,500 troops'));
  });
  it('leaves out windows with fewer words than numbers (a dump with a stray word, CSV rows), keeps the prose among them', () => {
    const dump = Array.from({ length: 2000 }, (_, i) => (i % 40 ? String(i * 7) : 'troops')).join(' ');
    const csv = Array.from({ length: 2000 }, (_, i) => `2024-01-01,North Korea,${i * 3},5`).join('\n');
    const prose = Array.from({ length: 600 }, (_, i) => `North Korea sent ${i + 1},500 more troops`).join(', ');
    assert.deepEqual(segment(dump, 'plaintext'), []);
    assert.deepEqual(segment(csv, 'markdown'), []);
    assert.equal(segment(prose, 'plaintext').reduce((n, s) => n + s.text.split('troops').length - 1, 0), 600, 'every window of the long list is kept');
    assert.deepEqual(segment(`${dump}\n\nNorth Korea sent 1,500 troops.`, 'markdown').map((s) => s.text), ['North Korea sent 1,500 troops.']);
  });
  it('cuts a sentence of over 200 numbers into windows; one of 200 stays whole', () => {
    const list = (n: number) => `North Korea sent ${Array.from({ length: n }, (_, i) => `${i + 1} troops`).join(', ')}.`;
    assert.deepEqual(segment(list(200), 'plaintext').map((s) => s.text), [list(200)]);
    const windows = segment(list(201), 'plaintext');
    assert.ok(windows.length > 1, `${windows.length} sentences`);
    assert.equal(windows.reduce((n, s) => n + s.text.split('troops').length - 1, 0), 201, 'every window is kept');
  });
  it('leaves an ordinary long sentence whole', () => {
    const text = `${Array.from({ length: 80 }, (_, i) => `in ${1990 + (i % 30)} some ${i + 1},000 troops went`).join(', ')}.`;
    assert.ok(text.length > 2000 && text.length < 20_000);
    assert.deepEqual(segment(text, 'plaintext').map((s) => s.text), [text]);
  });
});
