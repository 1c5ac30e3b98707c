// The factlint/report request behind VS Code's "Open Report": the HTML report of an open document, as
// the CLI's --format html writes it, with links to sources that run factlint.openSource.
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import type { ReportResult } from '../../server/src/protocol';
import { serverPerTest, type LspClient } from './lspClient';

type Element = DefaultTreeAdapterMap['element'];

function elements(node: DefaultTreeAdapterMap['node'], out: Element[] = []): Element[] {
  if ('tagName' in node) out.push(node);
  for (const child of 'childNodes' in node ? node.childNodes : []) elements(child, out);
  return out;
}
const attr = (e: Element, name: string) => e.attrs.find((a) => a.name === name)?.value ?? '';

describe('language server: factlint/report', () => {
  let client: LspClient;
  let workspace: string;
  serverPerTest('factlint-report-', (c, w) => {
    client = c;
    workspace = w;
  });

  it('reports the open text of a draft, its source links running factlint.openSource', async () => {
    const uri = pathToFileURL(path.join(workspace, 'notes', 'draft.md')).href;
    // Unsaved text: the report shows the document as it is in the editor.
    await client.open(uri, 'About 3,500 North Korean special forces were sent to Russia for training.');
    const report = await client.connection.sendRequest<ReportResult | null>('factlint/report', { uri });
    assert.ok(report);
    assert.equal(report.path, path.join('notes', 'draft.md'));
    const all = elements(parse(report.html));
    const figures = all.filter((e) => attr(e, 'class').startsWith('fig '));
    assert.deepEqual(figures.map((e) => attr(e, 'class')), ['fig mismatch']);
    const links = all.filter((e) => attr(e, 'class') === 'source').map((e) => attr(e, 'href'));
    assert.ok(links.length > 0);
    for (const link of links) {
      const [command, args] = link.split('?');
      assert.equal(command, 'command:factlint.openSource');
      const [target, range] = JSON.parse(decodeURIComponent(args));
      assert.match(target, /^file:\/\/.*\/corpus\/\d{3}_[0-9a-f]+\.txt$/);
      assert.equal(range.start.character, 0);
      assert.ok(Number.isInteger(range.start.line) && range.start.line >= 0);
    }
    assert.match(report.html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;/);
  });

  it('answers null for a document it does not check or does not have open', async () => {
    const uri = pathToFileURL(path.join(workspace, 'main.py')).href;
    await client.open(uri, 'print(3500)', 'python');
    assert.equal(await client.connection.sendRequest('factlint/report', { uri }), null);
    assert.equal(await client.connection.sendRequest('factlint/report', { uri: pathToFileURL(path.join(workspace, 'closed.md')).href }), null);
  });
});
