// The HTML report as an HTML parser (parse5, the WHATWG algorithm browsers use) reads it. Chromium's
// check of the same report, clicking a figure, is in `npm run test:e2e` (scripts/e2e/report.mjs).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { formatHtml, relativeHref } from '../../server/src/cli/format/html';
import { htmlReport } from '../../server/src/report/html';
import { REPORT_SCRIPT } from '../../server/src/report/htmlAssets';
import { builtBundle } from '../dist';
import { directive, evidence, fileResult, finding, HOSTILE_HTML, HOSTILE_LINK, lintResult, reportDefaults } from './fixtures';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const DRAFT = 'Intro.\n\nAbout 3,500 special forces were sent, and 12,000 in all.\n';
const href = (path: string, line: number) => `https://example.test/${encodeURIComponent(path)}#L${line}`;

function elements(node: Node, out: Element[] = []): Element[] {
  if ('tagName' in node) out.push(node);
  const children = 'content' in node && node.content ? node.content.childNodes : 'childNodes' in node ? node.childNodes : [];
  for (const child of children) elements(child, out);
  return out;
}
function text(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  if ('tagName' in node && (node.tagName === 'script' || node.tagName === 'style')) return '';
  return ('childNodes' in node ? node.childNodes : []).map(text).join('');
}
const attr = (e: Element, name: string) => e.attrs.find((a) => a.name === name)?.value;
const byClass = (all: Element[], tag: string, cls: string) => all.filter((e) => e.tagName === tag && (attr(e, 'class') ?? '').split(' ').includes(cls));

// Every tag the report writes itself; anything else would have come from draft or corpus text.
const OWN_TAGS = new Set(
  'html head meta title style body header h1 h2 p div svg text rect fieldset legend label input details summary table caption tbody tr th td a span bdi main section pre mark ol ul li strong blockquote footer cite script'.split(' '),
);

describe('HTML report', () => {
  const mismatch = finding(DRAFT, '3,500');
  const supported = finding(DRAFT, '12,000', {
    verdict: 'supported',
    message: 'Supported by 003_fc85c1dbd36f727a.',
    evidence: [evidence({ figure: '12,000', value: 12000, agrees: true, line: 2, excerpt: 'In all, 12,000 troops.', excerptFigure: [8, 14] })],
  });
  const page = htmlReport([{ path: 'drafts/a.md', text: DRAFT, findings: [mismatch, supported] }], { sourceHref: href });
  const doc = parse(page);
  const all = elements(doc);

  it('highlights each figure in the draft by verdict, tied to its finding', () => {
    const figures = byClass(all, 'mark', 'fig');
    assert.deepEqual(figures.map((m) => [text(m), attr(m, 'class')]), [['3,500', 'fig mismatch'], ['12,000', 'fig supported']]);
    const draft = byClass(all, 'pre', 'draft')[0];
    assert.equal(text(draft), DRAFT);
    for (const m of figures) assert.ok(all.some((e) => e.tagName === 'li' && attr(e, 'id') === attr(m, 'data-finding')));
  });

  it('gives each finding what the hover gives: message, source figures and excerpts linked to their lines', () => {
    const item = byClass(all, 'li', 'mismatch')[0];
    const shown = text(item).replace(/\s+/g, ' ');
    for (const part of ['3:7', 'Sources say 1,500, not 3,500.', 'Draft: 3,500 · Sources: 1,500 (003_fc85c1dbd36f727a)', evidence().excerpt, evidence().title])
      assert.ok(shown.includes(part), `${part} not in: ${shown}`);
    const links = elements(item).filter((e) => attr(e, 'class') === 'source').map((e) => attr(e, 'href'));
    assert.deepEqual(links, [href(evidence().path, 9)]);
  });

  it('sums up per verdict, per file and per source document, with a bar per verdict', () => {
    assert.equal(text(byClass(all, 'p', 'totals')[0]), '1 file, 2 figures: 1 mismatch, 1 supported, 0 unverified');
    const rows = (cls: string) =>
      elements(byClass(all, 'table', cls)[0])
        .filter((e) => e.tagName === 'tr')
        .map((tr) => elements(tr).filter((e) => e.tagName === 'th' || e.tagName === 'td').map((cell) => text(cell).trim()));
    assert.deepEqual(rows('per-file').slice(1), [['drafts/a.md', '1', '1', '0']]);
    // The mismatch and the supported figure both cite the one document.
    assert.deepEqual(rows('per-source').slice(1), [[`${evidence().title} ${evidence().document}`, '1', '1', '0']]);
    const bars = byClass(all, 'rect', 'bar').map((r) => Number(attr(r, 'width')));
    assert.deepEqual(bars, [220, 220, 0]);
    assert.deepEqual(all.filter((e) => e.tagName === 'input').map((e) => attr(e, 'data-verdict')), ['mismatch', 'supported', 'unverified']);
  });

  it('loads nothing and runs only its own script, allowed by a fresh nonce', () => {
    const csp = attr(all.find((e) => e.tagName === 'meta' && attr(e, 'http-equiv') === 'Content-Security-Policy')!, 'content')!;
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)![1];
    assert.match(csp, /^default-src 'none';/);
    const scripts = all.filter((e) => e.tagName === 'script');
    assert.equal(scripts.length, 1);
    assert.equal(attr(scripts[0], 'nonce'), nonce);
    assert.equal(attr(all.find((e) => e.tagName === 'style')!, 'nonce'), nonce);
    assert.ok(!all.some((e) => attr(e, 'src') !== undefined || (e.tagName === 'link' && attr(e, 'rel') === 'stylesheet')));
    const again = htmlReport([{ path: 'a.md', text: DRAFT, findings: [] }], { sourceHref: href });
    assert.doesNotMatch(again, new RegExp(nonce.replace(/[+/]/g, '\\$&')));
  });

  it('shows hostile draft and corpus text as typed, never as markup', () => {
    const hostile = `${HOSTILE_LINK} ${HOSTILE_HTML} </script><script>alert(1)</script> </pre></textarea><!-- " ' &amp;`;
    const text2 = `${hostile}\nAbout 3,500 special forces ${hostile} were sent.`;
    const f = finding(text2, '3,500', {
      measure: hostile,
      message: `Sources say ${hostile}`,
      evidence: [evidence({ document: hostile, title: hostile, excerpt: `${hostile} 1,500`, excerptFigure: [hostile.length + 1, hostile.length + 6], figure: hostile, path: `/corpus/${hostile}.txt` })],
    });
    const out = htmlReport([{ path: hostile, text: text2, findings: [f] }], { sourceHref: href });
    const tree = parse(out);
    const els = elements(tree);
    assert.deepEqual([...new Set(els.map((e) => e.tagName))].filter((t) => !OWN_TAGS.has(t)), []);
    assert.deepEqual(els.filter((e) => e.attrs.some((a) => a.name.startsWith('on'))), []);
    const scripts = els.filter((e) => e.tagName === 'script');
    assert.equal(scripts.length, 1);
    assert.equal(text({ ...scripts[0], tagName: 'div' } as Element), REPORT_SCRIPT);
    assert.equal(text(byClass(els, 'pre', 'draft')[0]), text2);
    const shown = text(tree);
    assert.ok(shown.split(hostile).length - 1 >= 8, 'each hostile string is shown as typed');
    for (const a of els.filter((e) => e.tagName === 'a')) assert.match(attr(a, 'href')!, /^(#|https:\/\/example\.test\/)/);
  });
});

describe('--format html', () => {
  it('writes the sample draft’s page: every figure marked, the run failing on its mismatches', () => {
    const run = spawnSync(process.execPath, [builtBundle('cli.js'), '-f', 'html', 'examples/draft.md'], { cwd: path.resolve(__dirname, '../..'), encoding: 'utf8' });
    assert.equal(run.status, 1, run.stderr);
    const marks = byClass(elements(parse(run.stdout)), 'mark', 'fig').map((m) => attr(m, 'class'));
    assert.deepEqual([marks.length, marks.filter((c) => c === 'fig mismatch').length], [13, 3]);
  });

  it('links each source relative to the report, each path segment encoded', () => {
    assert.equal(relativeHref('/work/reports', '/work/corpus/a b.txt'), '../corpus/a%20b.txt');
    assert.equal(relativeHref('/work', '/work/corpus/javascript:alert(1).txt'), './corpus/javascript%3Aalert(1).txt');
    const result = lintResult([fileResult('a.md', DRAFT, [finding(DRAFT, '3,500'), finding(DRAFT, '12,000', { verdict: 'unverified' })])]);
    const page = formatHtml(result, { ...reportDefaults, output: 'out/report.html' });
    assert.ok(page.includes(`href="../../../pkg/corpus/003_fc85c1dbd36f727a.txt#L9"`), 'written to /work/drafts/out, the link climbs to /pkg');
    const quiet = formatHtml(result, { ...reportDefaults, quiet: true });
    assert.equal(byClass(elements(parse(quiet)), 'mark', 'fig').length, 1, '--quiet keeps the mismatches only');
  });

  it('lists disable comments that suppress nothing under their draft, only when asked to report them', () => {
    const draft = `${DRAFT}<!-- factlint-disable-next-line -->\n`;
    const comment = directive('disable-next-line', '<!-- factlint-disable-next-line -->', DRAFT.length);
    const result = lintResult([fileResult('a.md', draft, [finding(draft, '3,500')], [comment])]);
    const listed = (page: string) => byClass(elements(parse(page)), 'ul', 'unused-disables').map((ul) => text(ul).trim());
    assert.deepEqual(listed(formatHtml(result, reportDefaults)), []);
    assert.deepEqual(listed(formatHtml(result, { ...reportDefaults, unusedDirectives: 'warning' })), ['4:1 unused-disable <!-- factlint-disable-next-line --> suppresses nothing']);
  });
});
