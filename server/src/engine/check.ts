// Checking a draft: every figure gets a verdict against the corpus facts for its measure.
import { compareFigures, type Agreement } from './compare';
import { typedFigures, type CorpusIndex } from './corpusIndex';
import { measureDef, measureLabel } from './lexicon';
import { quote, replacementFor } from './present';
import type { CheckOptions, Evidence, Fact, Finding, TypedFigure } from './types';

export function checkText(text: string, options: CheckOptions, index: CorpusIndex, tolerance: number): Finding[] {
  return typedFigures(text, options.format).map((f) => judge(f, index, tolerance));
}

interface Judged {
  fact: Fact;
  agreement: Agreement;
}

function judge(f: TypedFigure, index: CorpusIndex, tolerance: number): Finding {
  const base = {
    start: f.start,
    end: f.end,
    text: f.text,
    kind: f.kind,
    claim: { low: f.low, high: f.high, bound: f.bound },
    replacements: [] as string[],
  };
  if (!f.measure) {
    return { ...base, verdict: 'unverified', measure: `${f.kind} (${f.untypedReason})`, message: `No source speaks to ${f.text}: ${f.untypedReason}.`, evidence: [] };
  }
  const label = measureLabel(f.measure);
  const primary = rank(f, index.facts(f.measure)).map((fact) => ({ fact, agreement: compareFigures(f, fact.figure, tolerance) }));
  const alternates = (f.alternates ?? []).flatMap((m) =>
    rank(f, index.facts(m))
      .map((fact) => ({ fact, agreement: compareFigures(f, fact.figure, tolerance) }))
      .filter((j) => j.agreement === 'agree'),
  );
  const judged = [...primary, ...alternates];
  const common = { ...base, measureId: f.measure, measure: label };
  if (!judged.length) {
    return { ...common, verdict: 'unverified', message: `No source gives a figure for ${label}.`, evidence: [] };
  }
  const agreeing = judged.filter((j) => j.agreement === 'agree');
  if (agreeing.length) {
    const others = primary.filter((j) => j.agreement !== 'agree');
    const lead = agreeing[0].fact;
    const otherNote = others.length ? `; other sources say ${list(others.map((j) => j.fact))}` : '';
    const measureNote = lead.measure === f.measure ? label : measureLabel(lead.measure);
    return {
      ...common,
      measureId: lead.measure,
      measure: measureNote,
      verdict: 'supported',
      message: `Supported: ${sourceCount(agreeing)} ${quote(lead.figure)} for ${measureNote}${otherNote}.`,
      evidence: [...agreeing, ...others].flatMap(evidence),
    };
  }
  if (primary.some((j) => j.agreement === 'contradict')) {
    const facts = primary.map((j) => j.fact);
    const replacements = [...new Set(facts.filter((x) => !x.parts).map((x) => replacementFor(f, x.figure)))];
    return {
      ...common,
      verdict: 'mismatch',
      message: `Sources say ${list(facts)} for ${label}, not ${f.text} (${plural(distinctDocs(facts), 'source')}).`,
      evidence: primary.flatMap(evidence),
      replacements,
    };
  }
  return {
    ...common,
    verdict: 'unverified',
    message: `Not clearly supported: sources say ${list(primary.map((j) => j.fact))} for ${label}; ${f.text} is not far enough off to contradict them, nor close enough to agree.`,
    evidence: primary.flatMap(evidence),
  };
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

function sourceCount(js: Judged[]): string {
  const n = distinctDocs(js.map((j) => j.fact));
  return n === 1 ? `${js[0].fact.document.id} says` : `${n} sources say`;
}

function distinctDocs(facts: Fact[]): number {
  return new Set(facts.map((x) => x.document.id)).size;
}

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

/** "1,500 (000_…, 003_…)" for each distinct quoted figure. */
function list(facts: Fact[]): string {
  const byQuote = new Map<string, Set<string>>();
  for (const x of facts) {
    const q = x.parts ? x.parts.map((p) => `${quote(p.figure)} ${measureDef(p.measure)?.noun ?? ''}`.trim()).join(' and ') : quote(x.figure);
    const docs = byQuote.get(q) ?? new Set<string>();
    docs.add(x.document.id);
    byQuote.set(q, docs);
  }
  return [...byQuote.entries()].map(([q, docs]) => `${q} (${[...docs].join(', ')})`).join(', ');
}

function evidence(j: Judged): Evidence[] {
  const parts = j.fact.parts ?? [j.fact];
  return parts.map((x) => ({
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
    agrees: j.agreement === 'agree',
  }));
}
