// Checking a draft: every figure gets a verdict against the corpus facts for its measure.
import { compareFigures, type Agreement } from './compare';
import { typedFigures, type CorpusIndex } from './corpusIndex';
import { measureDef, measureLabel } from './lexicon';
import { formatValue, quote, replacementFor } from './present';
import type { CheckOptions, Evidence, Fact, Finding, TypedFigure } from './types';

export function checkText(text: string, options: CheckOptions, index: CorpusIndex, tolerance: number): Finding[] {
  return typedFigures(text, options.format).map((f) => judge(f, index, tolerance));
}

interface Judged {
  fact: Fact;
  agreement: Agreement;
}

function judge(f: TypedFigure, index: CorpusIndex, tolerance: number): Finding {
  if (!f.measure) return finding(f, 'unverified', undefined, `${f.kind} (${f.untypedReason})`, `No source speaks to ${f.text}: ${f.untypedReason}.`);
  const judgeAll = (measure: string) => rank(f, index.facts(measure)).map((fact) => ({ fact, agreement: compareFigures(f, fact.figure, tolerance) }));
  const primary = judgeAll(f.measure);
  const alternates = (f.alternates ?? []).flatMap((m) => judgeAll(m).filter((j) => j.agreement === 'agree'));
  const label = measureLabel(f.measure);
  if (!primary.length && !alternates.length) return finding(f, 'unverified', f.measure, label, `No source gives a figure for ${label}.`);

  const agreeing = [...primary, ...alternates].filter((j) => j.agreement === 'agree');
  if (agreeing.length) {
    const others = primary.filter((j) => j.agreement !== 'agree');
    const lead = agreeing[0].fact.measure;
    const facts = agreeing.map((j) => j.fact).filter((x) => x.measure === lead);
    const otherFacts = others.map((j) => j.fact);
    const otherNote = others.length ? `; ${sources(otherFacts)} ${otherFacts.length === 1 ? 'says' : 'say'} ${values(otherFacts)}` : '';
    const message = `Supported by ${sources(facts)}: ${state(lead, facts)}${otherNote}.`;
    return finding(f, 'supported', lead, measureLabel(lead), message, [...agreeing, ...others].flatMap(evidence));
  }
  const facts = primary.map((j) => j.fact);
  if (primary.some((j) => j.agreement === 'contradict')) {
    const replacements = [...new Set(facts.filter((x) => !x.parts).map((x) => replacementFor(f, x.figure)))];
    const message = `Sources say ${state(f.measure, facts)}, not ${f.text} (${sources(facts)}).`;
    return finding(f, 'mismatch', f.measure, label, message, primary.flatMap(evidence), replacements);
  }
  const message = `Not clearly supported: sources say ${state(f.measure, facts)} (${sources(facts)}); ${f.text} is too far from that to agree and too near to contradict it.`;
  return finding(f, 'unverified', f.measure, label, message, primary.flatMap(evidence));
}

/** Every finding has one shape, built in one place. */
function finding(
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
    evidence,
    replacements,
  };
}

/**
 * "1,500 North Korean troops sent to Russia": values stated in the measure's own words, with the parts
 * of any derived figure ("over 100 killed and about 1,000 injured").
 */
function state(measure: string, facts: Fact[]): string {
  const parts = facts.filter((x) => x.parts).map((x) => x.parts!.map((p) => `${quote(p.figure)} ${measureDef(p.measure)?.noun ?? ''}`.trim()).join(' and '));
  const said = (measureDef(measure)?.phrase ?? '{}').replace('{}', values(facts));
  return parts.length ? `${said} (${[...new Set(parts)].join('; ')})` : said;
}

/** The distinct values sources give, as quoted: "over 11,000, about 10,000 or 12,000". */
function values(facts: Fact[]): string {
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
function sources(facts: Fact[]): string {
  const ids = [...new Set(facts.map((x) => x.document.id))];
  return ids.length === 1 ? ids[0] : `${ids.length} sources`;
}

/** Facts most like the claim's sentence first (shared words), so the best excerpt leads. */
function rank(f: TypedFigure, facts: Fact[]): Fact[] {
  if (facts.length < 2) return facts;
  const words = wordsOf(f.sentence.text);
  const score = (x: Fact) => {
    let n = 0;
    for (const w of wordsOf(x.excerpt)) if (words.has(w)) n++;
    return n;
  };
  return facts.map((x) => [x, score(x)] as const).sort((a, b) => b[1] - a[1]).map(([x]) => x);
}

// Sentences repeat across figures and facts across checks: their word sets are computed once.
const wordCache = new Map<string, Set<string>>();
function wordsOf(text: string): Set<string> {
  let set = wordCache.get(text);
  if (!set) {
    set = new Set(text.toLowerCase().split(/\W+/).filter((w) => w.length > 3));
    if (wordCache.size > 10_000) wordCache.clear();
    wordCache.set(text, set);
  }
  return set;
}




// A fact's evidence entries never change; each is built once per way it can be judged.
const evidenceCache = new WeakMap<Fact, { agrees: Evidence[]; disagrees: Evidence[] }>();

function evidence(j: Judged): Evidence[] {
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
