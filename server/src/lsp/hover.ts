// The hover for a checked figure: verdict and measure, the draft's figure against each source's,
// and up to three source excerpts with the figure in bold, each with a link that opens the corpus
// file at its line. All corpus and draft text goes through escapeMarkdown.
import type { MarkupContent } from 'vscode-languageserver';
import type { Evidence, Finding } from '../engine';
import { escapeMarkdown as esc } from './markdown';
import { fileUri } from './uris';

const MAX_EXCERPTS = 3;
const VERDICT_TITLES: Record<Finding['verdict'], string> = {
  mismatch: 'Mismatch',
  supported: 'Supported',
  unverified: 'Unverified',
};

export function hoverMarkdown(finding: Finding): MarkupContent {
  const parts = [`**factlint: ${VERDICT_TITLES[finding.verdict]}** · ${esc(finding.measure)}`, esc(finding.message)];
  if (finding.evidence.length) parts.push(`Draft: **${esc(finding.text)}** · Sources: ${sourceFigures(finding.evidence)}`);
  const seen = new Set<string>();
  for (const e of finding.evidence) {
    const key = `${e.path}\0${e.line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    parts.push(excerpt(e));
    if (seen.size === MAX_EXCERPTS) break;
  }
  if (finding.suppressed) parts.push('*Suppressed by a factlint-disable comment.*');
  return { kind: 'markdown', value: parts.join('\n\n') };
}

/** Each distinct source figure with the documents that give it: "**1,500** (a, b) · **3,000** (c)". */
function sourceFigures(evidence: Evidence[]): string {
  const byFigure = new Map<string, Set<string>>();
  for (const e of evidence) {
    const docs = byFigure.get(e.figure) ?? new Set<string>();
    docs.add(e.document);
    byFigure.set(e.figure, docs);
  }
  return [...byFigure].map(([figure, docs]) => `**${esc(figure)}** (${[...docs].map(esc).join(', ')})`).join(' · ');
}

function excerpt(e: Evidence): string {
  const [s, t] = e.excerptFigure;
  const quote = `${esc(e.excerpt.slice(0, s))}**${esc(e.excerpt.slice(s, t))}**${esc(e.excerpt.slice(t))}`;
  const link = `[line ${e.line + 1}](${fileUri(e.path)}#L${e.line + 1})`;
  return `> ${quote}\n>\n> — *${esc(e.title)}* (${esc(e.document)}), ${link}`;
}
