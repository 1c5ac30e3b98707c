// The hover as a Markdown renderer (GFM, with autolinks) reads it, when every piece of text in it —
// the corpus document's title and id, the excerpt, the draft's figure, the measure and the message —
// is hostile Markdown. None of it may become a link, HTML, a heading or emphasis of its own.
import assert from 'node:assert/strict';
import { hoverMarkdown } from '../../server/src/lsp/hover';
import { fileUri } from '../../server/src/lsp/uris';
import { evidence, finding, HOSTILE_HTML as HTML, HOSTILE_LINK as LINK } from '../cli/fixtures';
import { renderedMarkdown as parse } from '../lsp/renderedMarkdown';

const DRAFT = 'About 3,500 special forces were sent.';

describe('hover Markdown', () => {
  const cases: Record<string, { title?: string; document?: string; measure?: string; message?: string; figure?: string }> = {
    title: { title: `${LINK} ${HTML}` },
    id: { document: `${LINK}${HTML}` },
    measure: { measure: `# ${LINK} *${HTML}*` },
    message: { message: `1. Sources say ${LINK} ${HTML} &amp;` },
    'source figure': { figure: `${LINK}` },
  };
  for (const [where, hostile] of Object.entries(cases)) {
    it(`shows a hostile ${where} as typed, never as a link or HTML`, () => {
      const { measure, message, ...inEvidence } = hostile;
      const path = `/corpus/${inEvidence.document ?? 'doc'}.txt`;
      const f = finding(DRAFT, '3,500', {
        ...(measure ? { measure } : {}),
        ...(message ? { message } : {}),
        evidence: [evidence({ ...inEvidence, path })],
      });
      const { nodes, text } = parse(hoverMarkdown(f).value);
      for (const value of Object.values(hostile)) assert.ok(text.includes(value), `${value} not shown as typed in:\n${text}`);
      assert.deepEqual(nodes.filter((n) => n.type === 'html'), []);
      assert.deepEqual(nodes.filter((n) => n.type === 'heading' || n.type === 'list').map((n) => n.type), []);
      // The title is in italics, the figures in bold, and nothing else is emphasised.
      const emphasised = nodes.filter((n) => n.type === 'emphasis' || n.type === 'strong').map((n) => n.children!.map((c) => c.value).join(''));
      assert.deepEqual(emphasised, ['factlint: Mismatch', '3,500', inEvidence.figure ?? '1,500', '1,500', inEvidence.title ?? evidence().title]);
      // The only link is factlint's own, to the corpus file's line.
      assert.deepEqual(nodes.filter((n) => n.type === 'link').map((n) => n.url), [`${fileUri(path)}#L9`]);
    });
  }

  it('puts the draft figure and each source figure in bold, with the documents that give it', () => {
    const f = finding(DRAFT, '3,500', { evidence: [evidence(), evidence({ document: 'other', path: '/corpus/other.txt', figure: '2,000', excerpt: 'Some 2,000 were sent.', excerptFigure: [5, 10] })] });
    const { nodes, text } = parse(hoverMarkdown(f).value);
    const strong = nodes.filter((n) => n.type === 'strong').map((n) => n.children!.map((c) => c.value).join(''));
    assert.deepEqual(strong, ['factlint: Mismatch', '3,500', '1,500', '2,000', '1,500', '2,000']);
    assert.match(text, /Sources: 1,500 \(003_fc85c1dbd36f727a\) · 2,000 \(other\)/);
  });
});
