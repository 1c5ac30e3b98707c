import assert from 'node:assert/strict';
import { Engine } from '../../server/src/engine';

// Drafts stitched at random from pieces that stress the grammar and the Markdown parser.
const PIECES = [
  '1', '2', '0', ',', '.', '-', '–', ' ', '\n', '\n\n', '$', '%', 'k', 'm', 'bn', 'th', 'over ', 'up to ', 'about ',
  'between ', ' and ', ' to ', 'troops', 'North Korea', 'Storm Corps', 'June', 'May', '2022', 'killed', 'injured',
  'a ', 'half', 'third', 'thousand', 'million', '`', '```', '<!--', '-->', '<b>', '[', ']', '(', ')', 'http://x/', '#',
  '|', '---', '*', '>', '🇰🇵', '\u0000', '\r\n', 'é', 'of the ', 'It ', 'They ', 'sent ', 'Far East',
];

describe('robustness', () => {
  const engine = Engine.load({});
  it('checks 2,000 random drafts in both formats without throwing, each figure once, in order, within the draft', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let findings = 0;
    for (let i = 0; i < 2000; i++) {
      let text = '';
      for (let k = Math.floor(random() * 60); k > 0; k--) text += PIECES[Math.floor(random() * PIECES.length)];
      for (const format of ['markdown', 'plaintext'] as const) {
        let end = 0;
        for (const f of engine.check(text, { format })) {
          assert.ok(f.start >= end && f.end <= text.length && f.start < f.end, `${JSON.stringify(text)}: ${f.text} at ${f.start}`);
          assert.equal(f.text.trim(), f.text, `${JSON.stringify(text)}: a figure does not start or end with a space`);
          end = f.end;
          findings++;
        }
      }
    }
    assert.ok(findings > 1000, `only ${findings} findings: the generator lost its figures`);
  });
  it('handles an empty draft and one of only whitespace', () => {
    assert.deepEqual(engine.check('', { format: 'markdown' }), []);
    assert.deepEqual(engine.check(' \n\t\n', { format: 'plaintext' }), []);
  });
});
