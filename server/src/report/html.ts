// The HTML report: one self-contained page (no network, no external files) that shows each draft's
// text with every figure highlighted by verdict; hovering, focusing or clicking a figure shows what
// the editor's hover shows (the message and the source excerpts). At the top, counts per verdict
// (with a small inline-SVG bar chart), per file and per source document, and a filter by verdict;
// below each draft, every finding with links to its source documents' lines.
//
// All draft and corpus text is escaped. The page's content security policy allows only its own style
// and script, by a nonce made fresh for each report, so even text that escaped escaping could run no
// script and load nothing. The CLI writes it (`--format html`); the language server sends it to VS
// Code's "factlint: Open Report" webview.
import { randomBytes } from 'node:crypto';
import type { Severity } from '../config/settings';
import { LineIndex } from '../engine/lineIndex';
import { unusedDirectiveMessage, type SuppressionDirective } from '../engine/suppress';
import type { Evidence, Finding, Verdict } from '../engine/types';
import { citedDocuments } from '../cli/report';
import { REPORT_SCRIPT, REPORT_STYLE } from './htmlAssets';

export interface HtmlReportFile {
  /** The path shown for the draft. */
  path: string;
  text: string;
  findings: Array<Finding & { severity?: Severity }>;
  /** Disable comments to report as suppressing nothing (the CLI's --report-unused-disable-directives). */
  unusedDisables?: SuppressionDirective[];
}

export interface HtmlReportOptions {
  /** The link to a line (1-based) of a corpus document: a relative path, a file URI or a command URI. */
  sourceHref: (path: string, line: number) => string;
}

const VERDICTS: readonly Verdict[] = ['mismatch', 'supported', 'unverified'];
const VERDICT_TITLES: Record<Verdict, string> = { mismatch: 'Mismatch', supported: 'Supported', unverified: 'Unverified' };
/** Excerpts shown per finding, one per source line; the rest are counted. */
const MAX_EXCERPTS = 5;

type Counts = Record<Verdict, number>;
const zero = (): Counts => ({ mismatch: 0, supported: 0, unverified: 0 });

/** Text for an element's content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
const esc = escapeHtml;

export function htmlReport(files: HtmlReportFile[], options: HtmlReportOptions): string {
  const nonce = randomBytes(18).toString('base64');
  const csp = `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src data:; base-uri 'none'; form-action 'none'`;
  const title = files.length === 1 ? `factlint report: ${files[0].path}` : `factlint report: ${files.length} files`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style nonce="${nonce}">${REPORT_STYLE}</style>
</head>
<body>
<header>
<h1>${esc(title)}</h1>
${summary(files, options)}
</header>
<main>
${files.map((file, i) => fileSection(file, i, options)).join('\n')}
</main>
<div id="popup" class="popup" role="tooltip" hidden></div>
<script nonce="${nonce}">${REPORT_SCRIPT}</script>
</body>
</html>
`;
}

/** Not suppressed by a factlint-disable comment: counted, as in the other reports. */
const counted = (f: Finding) => !f.suppressed;

function summary(files: HtmlReportFile[], options: HtmlReportOptions): string {
  const totals = zero();
  const perFile = files.map(() => zero());
  const perSource = new Map<string, { title: string; path: string; counts: Counts }>();
  let figures = 0;
  files.forEach((file, i) => {
    for (const f of file.findings) {
      figures++;
      if (!counted(f)) continue;
      totals[f.verdict]++;
      perFile[i][f.verdict]++;
      for (const document of citedDocuments(f)) {
        const e = f.evidence.find((x) => x.document === document)!;
        const source = perSource.get(e.document) ?? { title: e.title, path: e.path, counts: zero() };
        source.counts[f.verdict]++;
        perSource.set(document, source);
      }
    }
  });
  const suppressed = figures - VERDICTS.reduce((n, v) => n + totals[v], 0);
  const line = `${files.length} file${files.length === 1 ? '' : 's'}, ${figures} figure${figures === 1 ? '' : 's'}: ${VERDICTS.map((v) => `${totals[v]} ${v}`).join(', ')}${suppressed ? `; ${suppressed} suppressed` : ''}`;
  const head = (first: string) => `<tr><th scope="col">${first}</th>${VERDICTS.map((v) => `<th scope="col" class="num ${v}">${VERDICT_TITLES[v]}</th>`).join('')}</tr>`;
  const row = (name: string, counts: Counts) => `<tr><th scope="row">${name}</th>${VERDICTS.map((v) => `<td class="num">${counts[v]}</td>`).join('')}</tr>`;
  const fileRows = files.map((file, i) => row(`<a href="#file-${i}">${esc(file.path)}</a>`, perFile[i]));
  const sourceRows = [...perSource]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([id, s]) => row(`<a href="${esc(options.sourceHref(s.path, 1))}"><bdi>${esc(s.title)}</bdi></a> <span class="id"><bdi>${esc(id)}</bdi></span>`, s.counts));
  return `<p class="totals">${esc(line)}</p>
<div class="overview">
${barChart(totals)}
<fieldset class="filter"><legend>Show</legend>
${VERDICTS.map((v) => `<label class="${v}"><input type="checkbox" data-verdict="${v}" checked> ${VERDICT_TITLES[v]} (${totals[v]})</label>`).join('\n')}
</fieldset>
</div>
<details class="tables" open><summary>Counts per file and per source document</summary>
<table class="per-file"><caption>Per file</caption>${head('File')}${fileRows.join('')}</table>
${sourceRows.length ? `<table class="per-source"><caption>Per source document (the figures it contradicts, supports or is nearest to)</caption>${head('Source')}${sourceRows.join('')}</table>` : '<p>No source document is cited.</p>'}
</details>`;
}

/** One horizontal bar per verdict, scaled to the largest count. */
function barChart(totals: Counts): string {
  const max = Math.max(1, ...VERDICTS.map((v) => totals[v]));
  const width = 220;
  const bars = VERDICTS.map((v, i) => {
    const y = i * 24;
    const w = Math.round((totals[v] / max) * width);
    return `<text x="0" y="${y + 15}">${VERDICT_TITLES[v]}</text><rect class="bar ${v}" x="90" y="${y + 3}" width="${w}" height="16"></rect><text x="${96 + w}" y="${y + 15}">${totals[v]}</text>`;
  }).join('');
  const label = VERDICTS.map((v) => `${totals[v]} ${v}`).join(', ');
  return `<svg class="chart" role="img" aria-label="${esc(label)}" width="${width + 130}" height="${VERDICTS.length * 24}" viewBox="0 0 ${width + 130} ${VERDICTS.length * 24}" xmlns="http://www.w3.org/2000/svg">${bars}</svg>`;
}

function fileSection(file: HtmlReportFile, index: number, options: HtmlReportOptions): string {
  const findings = [...file.findings].sort((a, b) => a.start - b.start);
  const id = (k: number) => `f${index}-${k}`;
  // The draft's text with each figure marked; the script shows its finding's details beside it.
  let text = '';
  let at = 0;
  findings.forEach((f, k) => {
    if (f.start < at) return; // figures never overlap; a malformed finding is listed but not marked
    text += esc(file.text.slice(at, f.start));
    // Not a link: VS Code's webview scrolls to a link's #target whatever the page's script does.
    text += `<mark class="fig ${f.verdict}${f.suppressed ? ' suppressed' : ''}" id="${id(k)}-fig" data-finding="${id(k)}" tabindex="0" role="button">${esc(file.text.slice(f.start, f.end))}</mark>`;
    at = f.end;
  });
  text += esc(file.text.slice(at));
  const lines = new LineIndex(file.text);
  const items = findings.map((f, k) => {
    const { line, character } = lines.positionAt(f.start);
    return `<li class="finding ${f.verdict}${f.suppressed ? ' suppressed' : ''}" id="${id(k)}">
<a class="where" href="#${id(k)}-fig">${line + 1}:${character + 1}</a> <span class="verdict ${f.verdict}">${f.verdict}</span>${f.suppressed ? ' <span class="note">suppressed</span>' : ''}
<div class="detail">${detail(f, options)}</div>
</li>`;
  });
  const unused = (file.unusedDisables ?? []).map((d) => {
    const { line, character } = lines.positionAt(d.start);
    return `<li><span class="where">${line + 1}:${character + 1}</span> <span class="verdict">unused-disable</span> ${esc(unusedDirectiveMessage(d))}</li>`;
  });
  return `<section class="file" id="file-${index}">
<h2>${esc(file.path)}</h2>
<pre class="draft">${text}</pre>
${items.length ? `<ol class="findings">\n${items.join('\n')}\n</ol>` : '<p>No figures.</p>'}
${unused.length ? `<ul class="unused-disables">\n${unused.join('\n')}\n</ul>` : ''}
</section>`;
}

/** What the editor's hover shows: verdict and measure, the message, the figures, the excerpts. */
function detail(f: Finding, options: HtmlReportOptions): string {
  const parts = [`<p class="head"><strong class="${f.verdict}">${VERDICT_TITLES[f.verdict]}</strong> · ${esc(f.measure)}</p>`, `<p class="message">${esc(f.message)}</p>`];
  if (f.evidence.length) parts.push(`<p class="figures">Draft: <strong>${esc(f.text)}</strong> · Sources: ${sourceFigures(f.evidence)}</p>`);
  const seen = new Set<string>();
  const shown: Evidence[] = [];
  for (const e of f.evidence) {
    const key = `${e.path}\0${e.line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (shown.length < MAX_EXCERPTS) shown.push(e);
  }
  for (const e of shown) parts.push(excerpt(e, options));
  if (seen.size > shown.length) parts.push(`<p class="note">and ${seen.size - shown.length} more source passages</p>`);
  return parts.join('');
}

function sourceFigures(evidence: Evidence[]): string {
  const byFigure = new Map<string, Set<string>>();
  for (const e of evidence) byFigure.set(e.figure, (byFigure.get(e.figure) ?? new Set<string>()).add(e.document));
  return [...byFigure].map(([figure, docs]) => `<strong>${esc(figure)}</strong> (${[...docs].map((d) => `<bdi>${esc(d)}</bdi>`).join(', ')})`).join(' · ');
}

function excerpt(e: Evidence, options: HtmlReportOptions): string {
  const [s, t] = e.excerptFigure;
  const quote = `${esc(e.excerpt.slice(0, s))}<strong>${esc(e.excerpt.slice(s, t))}</strong>${esc(e.excerpt.slice(t))}`;
  const link = `<a class="source" href="${esc(options.sourceHref(e.path, e.line + 1))}">line ${e.line + 1}</a>`;
  return `<blockquote class="${e.agrees ? 'agrees' : 'disagrees'}"><p>${quote}</p><footer>— <cite><bdi>${esc(e.title)}</bdi></cite> (<bdi>${esc(e.document)}</bdi>), ${link}</footer></blockquote>`;
}
