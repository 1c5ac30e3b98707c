// Suppression comments, markdownlint style: `<!-- factlint-disable -->` … `<!-- factlint-enable -->`,
// `<!-- factlint-disable-next-line -->`, `<!-- factlint-disable-line -->`, `<!-- factlint-disable-file -->`.
// Pure: marks findings `suppressed: true` (they are never dropped) and lists the comments that
// suppressed nothing. The CLI and the language server both call applySuppressions.
import { htmlSpans } from './segment';
import { LineIndex } from './lineIndex';
import type { DocumentFormat, Finding } from './types';

export type DirectiveKind = 'disable' | 'enable' | 'disable-next-line' | 'disable-line' | 'disable-file';

/** One suppression comment in a draft. Offsets are UTF-16 code units; `line` is 0-based. */
export interface SuppressionDirective {
  kind: DirectiveKind;
  start: number;
  end: number;
  line: number;
  /** The comment as written. */
  text: string;
}

export interface SuppressionResult<F extends Finding = Finding> {
  /** The same findings in the same order, suppressed ones copied with `suppressed: true`. */
  findings: F[];
  /** Comments that suppress no finding (an `enable` with no open `disable` counts too). */
  unusedDisables: SuppressionDirective[];
}

const DIRECTIVE = /<!--\s*factlint-(disable-next-line|disable-line|disable-file|disable|enable)\s*-->/g;

/** Suppression comments in reading order. In Markdown only real HTML comments count, never ones in code. */
export function findDirectives(text: string, format: DocumentFormat): SuppressionDirective[] {
  if (!text.includes('factlint-')) return [];
  const lines = new LineIndex(text);
  const out: SuppressionDirective[] = [];
  const scan = (source: string, offset: number) => {
    for (const m of source.matchAll(DIRECTIVE)) {
      const start = offset + m.index;
      out.push({ kind: m[1] as DirectiveKind, start, end: start + m[0].length, line: lines.positionAt(start).line, text: m[0] });
    }
  };
  if (format === 'plaintext') scan(text, 0);
  else for (const node of htmlSpans(text)) scan(text.slice(node.start, node.end), node.start);
  return out;
}

/** Marks the findings that suppression comments cover. */
export function applySuppressions<F extends Finding>(text: string, findings: F[], format: DocumentFormat): SuppressionResult<F> {
  const directives = findDirectives(text, format);
  if (directives.length === 0) return { findings, unusedDisables: [] };
  const lines = new LineIndex(text);
  const findingLines = findings.map((f) => lines.positionAt(f.start).line);
  const used = new Set<SuppressionDirective>();
  const orphanEnables: SuppressionDirective[] = [];

  // Each directive covers a set of findings; a finding covered by any directive is suppressed.
  const covers: Array<{ directive: SuppressionDirective; covered: (i: number) => boolean }> = [];
  let open: SuppressionDirective | undefined;
  for (const d of directives) {
    switch (d.kind) {
      case 'disable-file':
        covers.push({ directive: d, covered: () => true });
        break;
      case 'disable-line':
        covers.push({ directive: d, covered: (i) => findingLines[i] === d.line });
        break;
      case 'disable-next-line':
        covers.push({ directive: d, covered: (i) => findingLines[i] === d.line + 1 });
        break;
      case 'disable':
        // A second disable while one is open starts nothing new; it is reported unused unless it covers something itself.
        if (!open) open = d;
        else covers.push({ directive: d, covered: () => false });
        break;
      case 'enable':
        if (open) {
          const from = open.end;
          const to = d.start;
          covers.push({ directive: open, covered: (i) => findings[i].start >= from && findings[i].start < to });
          open = undefined;
        } else orphanEnables.push(d);
        break;
    }
  }
  if (open) {
    const from = open.end;
    covers.push({ directive: open, covered: (i) => findings[i].start >= from });
  }

  const out = findings.map((f, i) => {
    let suppressed = false;
    for (const c of covers)
      if (c.covered(i)) {
        used.add(c.directive);
        suppressed = true;
      }
    return suppressed ? { ...f, suppressed: true } : f;
  });
  const unused = covers.map((c) => c.directive).filter((d) => !used.has(d));
  return { findings: out, unusedDisables: [...unused, ...orphanEnables].sort((a, b) => a.start - b.start) };
}
