// escapeMarkdown: whatever a corpus document or draft says comes out of a Markdown parser as the
// same plain text, never as a link, HTML, emphasis, code or a block construct. Bare web and mail
// addresses included: this GFM parser looks for them after escapes are undone, so they carry an
// invisible word joiner (U+2060), which the comparison leaves out.
import assert from 'node:assert/strict';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { escapeMarkdown } from '../../server/src/lsp/markdown';

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
}

const hostile = [
  'See [the report](command:workbench.action.terminal.new "title") now.',
  '![image](file:///etc/passwd) and [ref][1] and [^note]',
  '<command:workbench.action.openSettings> and <img src=x onerror="alert(1)"> and <!-- hidden -->',
  'Entities: &amp; &#60; &lt;script&gt;',
  '*one* _two_ **three** __four__ ~~five~~ `six` ``seven``',
  'A trailing backslash \\ and an escaped \\* star and snake_case_id 003_fc85c1dbd36f727a',
  '# not a heading',
  '> not a quote',
  '- not a list',
  '+ not a list',
  '1. not a list',
  '12) not a list',
  '=== not an underline',
  '| a | b |',
  'Figures: 1,500 troops, $5.5bn, 40,000–80,000, 2.5%.',
  'multiple   spaces\nand a\n\nblank line',
  'Bare addresses: https://example.com/x, HTTP://EXAMPLE.COM, www.example.com, WWW.EXAMPLE.COM, press@example.com, mailto:a@b.co, xmpp:a@b.co',
];

describe('escapeMarkdown', () => {
  for (const text of hostile) {
    it(`keeps ${JSON.stringify(text)} as plain text`, () => {
      const tree = fromMarkdown(escapeMarkdown(text), { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }) as MdNode;
      assert.equal(tree.children?.length, 1);
      const [paragraph] = tree.children!;
      assert.equal(paragraph.type, 'paragraph');
      assert.deepEqual(paragraph.children?.map((c) => c.type), ['text']);
      assert.equal(paragraph.children![0].value!.replace(/\u2060/g, ''), text.replace(/\s+/g, ' '));
    });
  }

  it('leaves ordinary punctuation readable', () => {
    assert.equal(escapeMarkdown("Seoul's estimate: 1,500 (or more)."), "Seoul's estimate: 1,500 (or more).");
  });
});
