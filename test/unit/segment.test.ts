import assert from 'node:assert/strict';
import { segment } from '../../server/src/engine/segment';
import { extractFigures } from '../../server/src/engine/figures';

/** Figures the checker would see in a Markdown text, as source slices. */
function figuresIn(md: string, format: 'markdown' | 'plaintext' = 'markdown'): string[] {
  return segment(md, format).flatMap((s) => extractFigures(s.text).map((f) => md.slice(s.start + f.start, s.start + f.end)));
}

describe('segmentation', () => {
  it('splits sentences with exact offsets and keeps abbreviations and decimals whole', () => {
    const text = 'The U.S. said 5.5 billion. Lami Kim of the Daniel K. Inouye Center agreed! Is it 10,000? Yes.';
    const sentences = segment(text, 'plaintext');
    assert.deepEqual(sentences.map((s) => s.text), ['The U.S. said 5.5 billion.', 'Lami Kim of the Daniel K. Inouye Center agreed!', 'Is it 10,000?', 'Yes.']);
    for (const s of sentences) assert.equal(text.slice(s.start, s.end), s.text);
  });
  it('treats each line of plain text as its own block', () => {
    assert.deepEqual(segment('A Headline Without a Stop\nBody text here.', 'plaintext').map((s) => s.text), ['A Headline Without a Stop', 'Body text here.']);
  });
  const skipped: [string, string, string[]][] = [
    ['inline code', 'Ignore `troops = 99999` but check 10,000 troops.', ['10,000']],
    ['fenced code', '```\nsent = 20000\n```\n\nNorth Korea sent 10,000 troops.', ['10,000']],
    ['indented code', 'Text.\n\n    12000 troops\n\nNorth Korea sent 10,000 troops.', ['10,000']],
    ['HTML comments', '<!-- 12,000 --> North Korea sent 10,000 troops.', ['10,000']],
    ['inline HTML tags', 'North Korea sent <b data-n="4">10,000</b> troops.', ['10,000']],
    ['link URLs', 'See [the 2 maps](https://example.org/kursk-2024/12000.png).', ['2']],
    ['image references', 'A map ![map of 2024](img/12000.png) here.', []],
    ['autolinks', 'Visit <https://example.org/2024/10500> or https://example.org/2024/10500 now.', []],
    ['front matter', '---\ntitle: Draft 3\ntroops: 50000\n---\n\nNorth Korea sent 10,000 troops.', ['10,000']],
    ['list numbering', '1. North Korea sent 10,000 troops.\n2. Seoul reacted.', ['10,000']],
    ['heading numbering', '## 3. The deployment of 10,000 troops', ['10,000']],
    ['footnote marks and numbered citations', 'Some 10,000 troops.[^1] See the report [2].\n\n[^1]: Reported by agency 4.', ['10,000', '4']],
    ['tables keep their cells', '| troops | year |\n| --- | --- |\n| 10,000 | 2024 |', ['10,000', '2024']],
  ];
  for (const [what, md, want] of skipped) it(`skips ${what} in Markdown`, () => assert.deepEqual(figuresIn(md), want));
  it('never lets a sentence cross a block edge', () => {
    const s = segment('# Troops\n\nNorth Korea sent 10,000 troops', 'markdown');
    assert.deepEqual(s.map((x) => x.text), ['Troops', 'North Korea sent 10,000 troops']);
  });
  it('reads backticks in plain text as ordinary characters', () => {
    assert.deepEqual(figuresIn('Code `12000` here.', 'plaintext'), ['12000']);
  });
});
