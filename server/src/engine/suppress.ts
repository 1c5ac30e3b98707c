// Suppression comments, markdownlint style: `<!-- factlint-disable -->` … `<!-- factlint-enable -->`,
// `<!-- factlint-disable-next-line -->`, `<!-- factlint-disable-line -->`, `<!-- factlint-disable-file -->`.
// Each may name the verdicts it covers and give a reason, as ESLint's comments do:
// `<!-- factlint-disable-next-line mismatch, unverified -- figure from our own reporting -->`.
// Pure: marks findings `suppressed: true` (they are never dropped) and lists the comments that
// suppressed nothing. The CLI and the language server both call applySuppressions.
import { htmlSpans } from './segment';
import { LineIndex } from './lineIndex';
import type { DocumentFormat, Finding, Verdict } from './types';

export type DirectiveKind = 'disable' | 'enable' | 'disable-next-line' | 'disable-line' | 'disable-file';

const VERDICTS: readonly Verdict[] = ['mismatch', 'supported', 'unverified'];

/** One suppression comment in a draft. Offsets are UTF-16 code units; `line` is 0-based. */
export interface SuppressionDirective {
  kind: DirectiveKind;
  start: number;
  end: number;
  line: number;
  /** The comment as written. */
  text: string;
  /** The verdicts it covers: those it names, or all three when it names none. */
  verdicts: readonly Verdict[];
  /** What follows ` -- `, if anything. */
  reason?: string;
  /** Names that are not verdicts (a typo): such a comment covers nothing, so no typo hides a finding. */
  unknown?: string[];
}

export interface SuppressionResult<F extends Finding = Finding> {
  /** The same findings in the same order, suppressed ones copied with `suppressed: true`. */
  findings: F[];
  /** Comments that suppress no finding (an `enable` with no open `disable` counts too, and so does one naming no verdict). */
  unusedDisables: SuppressionDirective[];
}

// The comment's body, between `<!--` and `-->`: the directive, then names and a reason.
const DIRECTIVE = /^\s*factlint-(disable-next-line|disable-line|disable-file|disable|enable)(?=\s|$)/;
// ESLint's separator between names and a reason: two or more dashes with blanks around them.
const REASON = /(?:^|\s)-{2,}(?:\s|$)/;

/** Suppression comments in reading order. In Markdown only real HTML comments count, never ones in code. */
export function findDirectives(text: string, format: DocumentFormat): SuppressionDirective[] {
  if (!text.includes('factlint-')) return [];
  const lines = new LineIndex(text);
  const out: SuppressionDirective[] = [];
  // A comment runs from `<!--` to the first `-->`, as in HTML. Found with indexOf, so that text full of
  // unclosed `<!--` costs one pass: with no `-->` after one, there is none after the later ones either.
  const scan = (source: string, offset: number) => {
    for (let open = source.indexOf('<!--'); open >= 0; open = source.indexOf('<!--', open)) {
      const close = source.indexOf('-->', open + 4);
      if (close < 0) return;
      const end = close + 3;
      const directive = parseDirective(source.slice(open + 4, close));
      if (directive) out.push({ ...directive, start: offset + open, end: offset + end, line: lines.positionAt(offset + open).line, text: source.slice(open, end) });
      open = end;
    }
  };
  if (format === 'plaintext') scan(text, 0);
  else for (const node of htmlSpans(text)) scan(text.slice(node.start, node.end), node.start);
  return out;
}

function parseDirective(body: string): Pick<SuppressionDirective, 'kind' | 'verdicts' | 'reason' | 'unknown'> | undefined {
  const m = DIRECTIVE.exec(body);
  if (!m) return undefined;
  const rest = body.slice(m[0].length);
  const separator = REASON.exec(rest);
  const names = (separator ? rest.slice(0, separator.index) : rest).split(/[\s,]+/).filter(Boolean);
  const reason = separator ? rest.slice(separator.index + separator[0].length).trim() : '';
  const unknown = names.filter((n) => !(VERDICTS as readonly string[]).includes(n));
  const named = VERDICTS.filter((v) => names.includes(v));
  return {
    kind: m[1] as DirectiveKind,
    verdicts: unknown.length ? [] : named.length ? named : VERDICTS,
    ...(reason ? { reason } : {}),
    ...(unknown.length ? { unknown } : {}),
  };
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
  const cover = (directive: SuppressionDirective, verdicts: readonly Verdict[], where: (i: number) => boolean) =>
    covers.push({ directive, covered: (i) => verdicts.includes(findings[i].verdict) && where(i) });
  // The disable that opened each verdict's block, until an enable closes it.
  const open = new Map<Verdict, SuppressionDirective>();
  const close = (verdict: Verdict, to: number) => {
    const from = open.get(verdict)!.end;
    cover(open.get(verdict)!, [verdict], (i) => findings[i].start >= from && findings[i].start < to);
    open.delete(verdict);
  };
  for (const d of directives) {
    switch (d.kind) {
      case 'disable-file':
        cover(d, d.verdicts, () => true);
        break;
      case 'disable-line':
        cover(d, d.verdicts, (i) => findingLines[i] === d.line);
        break;
      case 'disable-next-line':
        cover(d, d.verdicts, (i) => findingLines[i] === d.line + 1);
        break;
      case 'disable': {
        // A disable of verdicts that are all open already starts nothing; it is reported unused.
        const opened = d.verdicts.filter((v) => !open.has(v));
        for (const v of opened) open.set(v, d);
        if (opened.length === 0) cover(d, [], () => false);
        break;
      }
      case 'enable': {
        const closing = d.verdicts.filter((v) => open.has(v));
        for (const v of closing) close(v, d.start);
        if (closing.length === 0) orphanEnables.push(d);
        break;
      }
    }
  }
  for (const v of [...open.keys()]) close(v, Infinity);

  const out = findings.map((f, i) => {
    let suppressed = false;
    for (const c of covers)
      if (c.covered(i)) {
        used.add(c.directive);
        suppressed = true;
      }
    return suppressed ? { ...f, suppressed: true } : f;
  });
  const unused = [...new Set(covers.map((c) => c.directive))].filter((d) => !used.has(d));
  return { findings: out, unusedDisables: [...unused, ...orphanEnables].sort((a, b) => a.start - b.start) };
}

/** What a report says about a comment that suppressed nothing. */
export function unusedDirectiveMessage(d: SuppressionDirective): string {
  if (d.unknown) {
    const names = d.unknown.map((n) => `"${n}"`).join(', ');
    return `${d.text} suppresses nothing: ${names} ${d.unknown.length === 1 ? 'is not a verdict' : 'are not verdicts'} (mismatch, unverified, supported)`;
  }
  return d.kind === 'enable' ? `${d.text} ends no factlint-disable` : `${d.text} suppresses nothing`;
}
