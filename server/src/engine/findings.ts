// Findings, built one way for every verdict: their shape, the values and sources a message quotes,
// and the evidence entries that cite source facts.
import type { Agreement } from './compare';
import { formatValue, quote } from './present';
import type { Evidence, Fact, Finding, TypedFigure } from './types';

export interface Judged {
  fact: Fact;
  agreement: Agreement;
}

/**
 * How many evidence entries a finding carries: the judge's best facts, those that decide the verdict
 * first, each group by how like the claim they are. A claim many facts match (a big corpus) would
 * otherwise carry every one of them into reports, hovers and memory; `evidenceTotal` counts them all.
 */
export const MAX_EVIDENCE = 5;

/** Every finding has one shape, built in one place. */
export function finding(
  f: TypedFigure,
  verdict: Finding['verdict'],
  measureId: string | undefined,
  measure: string,
  message: string,
  evidence: Evidence[] = [],
  replacements: string[] = [],
): Finding {
  return {
    start: f.start,
    end: f.end,
    text: f.text,
    verdict,
    kind: f.kind,
    measureId,
    measure,
    claim: { low: f.low, high: f.high, bound: f.bound },
    message,
    ...boundedEvidence(evidence),
    replacements,
  };
}

/** The first MAX_EVIDENCE entries, and how many there were. */
export function boundedEvidence(evidence: Evidence[]): Pick<Finding, 'evidence' | 'evidenceTotal'> {
  return { evidence: evidence.length > MAX_EVIDENCE ? evidence.slice(0, MAX_EVIDENCE) : evidence, evidenceTotal: evidence.length };
}

/** The distinct values sources give, as quoted: "over 11,000, about 10,000 or 12,000". */
export function values(facts: Fact[]): string {
  // One quote per value: "1,500" and "about 1,500" say the same thing.
  const byValue = new Map<string, string>();
  for (const x of facts) {
    const key = `${x.figure.low}|${x.figure.high}|${x.figure.bound === 'lower' || x.figure.bound === 'upper' ? x.figure.bound : ''}`;
    const q = x.parts ? `${formatValue(x.figure.low)}–${formatValue(x.figure.high)}` : quote(x.figure);
    const seen = byValue.get(key);
    if (!seen || (seen.length > q.length && !x.parts)) byValue.set(key, q);
  }
  const quoted = [...byValue.values()];
  return quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

/** "2 sources" or the one document's id. */
export function sources(facts: Fact[]): string {
  const ids = [...new Set(facts.map((x) => x.document.id))];
  return ids.length === 1 ? ids[0] : `${ids.length} sources`;
}

// A fact's evidence entries never change; each is built once per way it can be judged.
const evidenceCache = new WeakMap<Fact, { agrees: Evidence[]; disagrees: Evidence[] }>();

export function evidence(j: Judged): Evidence[] {
  let cached = evidenceCache.get(j.fact);
  if (!cached) {
    const parts = j.fact.parts ?? [j.fact];
    const build = (agrees: boolean) =>
      parts.map((x) => ({
        document: x.document.id,
        title: x.document.title,
        path: x.document.path,
        line: x.line,
        character: x.character,
        excerpt: x.excerpt,
        excerptFigure: x.excerptFigure,
        figure: x.figure.text,
        value: x.figure.low,
        ...(x.figure.high !== x.figure.low ? { high: x.figure.high } : {}),
        bound: x.figure.bound,
        agrees,
      }));
    // Shared by every finding that cites the fact: frozen so no front end can change one for all.
    const frozen = (agrees: boolean) => Object.freeze(build(agrees).map((e) => Object.freeze(e))) as Evidence[];
    cached = { agrees: frozen(true), disagrees: frozen(false) };
    evidenceCache.set(j.fact, cached);
  }
  return j.agreement === 'agree' ? cached.agrees : cached.disagrees;
}
