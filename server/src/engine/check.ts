// Checking a draft: every figure gets a verdict, by its frame against any source (frames/judge.ts), or
// by a measure where a corpus's topic (topic.ts) types it and its sources state that measure.
import { compareFigures } from './compare';
import { boundedEvidence, evidence, finding, sources, values } from './findings';
import { candidateLimit } from './frames/factIndex';
import { judgeByFrame } from './frames/judge';
import { typedFigures, type CorpusIndex } from './corpusIndex';
import { quote, replacementsFor } from './present';
import type { MeasureDef } from './topic';
import type { CheckOptions, Fact, Finding, TypedFigure } from './types';

export function checkText(text: string, options: CheckOptions, index: CorpusIndex, tolerance: number): Finding[] {
  const figures = typedFigures(index.topic, text, options.format);
  const limit = candidateLimit(figures.length);
  return figures.map((f) => judge(f, index, tolerance, limit));
}

/**
 * The verdict on one figure, weighed against at most `limit` candidate facts (candidateLimit of the
 * draft's figure count); it reads nothing else of the draft than the figure, its frame and its sentence.
 */
export function judge(f: TypedFigure, index: CorpusIndex, tolerance: number, limit: number): Finding {
  if (f.notAClaim) return finding(f, 'unverified', undefined, `${f.kind} (${f.untypedReason})`, `No source speaks to ${f.text}: ${f.untypedReason}.`);
  const known = f.measure && [f.measure, ...(f.alternates ?? [])].some((m) => index.facts(m).length);
  // "…put at 1,500 and 10,500, respectively": only the frame pairs each figure with its thing.
  if (!f.measure || !known || (/\brespectively\b/i.test(f.sentence.text) && f.frame.respectively)) return judgeByFrame(f, index, tolerance, limit);
  const byMeasure = judgeByMeasure(f, f.measure, index, tolerance);
  // A source the measure rules cannot read (a later report's new kind of fact) may still state the
  // claim in so many words; a fact they read as another measure does not.
  if (byMeasure.verdict === 'mismatch') {
    // Only a fact that agrees can support: without one, no frame need be read.
    const agreeing = index.unread(f.kind).some((x) => compareFigures(f, x.figure, tolerance) === 'agree');
    const byFrame = agreeing ? judgeByFrame(f, index, tolerance, limit, (x) => x.measure === '') : undefined;
    // Sources disagree: the claim is supported, and the message says what the others say.
    if (byFrame?.verdict === 'supported')
      return {
        ...byFrame,
        message: `${byFrame.message.replace(/\.$/, '')}; but ${byMeasure.message[0].toLowerCase()}${byMeasure.message.slice(1)}`,
        ...boundedEvidence([...byFrame.evidence, ...byMeasure.evidence]),
        evidenceTotal: byFrame.evidenceTotal + byMeasure.evidenceTotal,
      };
  }
  return byMeasure;
}

function judgeByMeasure(f: TypedFigure, measure: string, index: CorpusIndex, tolerance: number): Finding {
  const measures = index.topic?.measures;
  const measureLabel = (id: string) => measures?.get(id)?.label ?? id;
  const state = (id: string, facts: Fact[]) => stated(measures?.get(id), facts, (p) => measures?.get(p)?.noun);
  const judgeAll = (measure: string) => rank(f, index.facts(measure)).map((fact) => ({ fact, agreement: compareFigures(f, fact.figure, tolerance) }));
  const primary = judgeAll(measure);
  const alternates = (f.alternates ?? []).flatMap((m) => judgeAll(m).filter((j) => j.agreement === 'agree'));
  const label = measureLabel(measure);
  if (!primary.length && !alternates.length) return finding(f, 'unverified', measure, label, `No source gives a figure for ${label}.`);

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
    const replacements = replacementsFor(f, facts);
    const message = `Sources say ${state(measure, facts)}, not ${f.text} (${sources(facts)}).`;
    return finding(f, 'mismatch', measure, label, message, primary.flatMap(evidence), replacements);
  }
  const message = `Not clearly supported: sources say ${state(measure, facts)} (${sources(facts)}); ${f.text} is too far from that to agree and too near to contradict it.`;
  return finding(f, 'unverified', measure, label, message, primary.flatMap(evidence));
}

/**
 * "1,500 engineers sent to the site": values stated in the measure's own words, with the parts of any
 * derived figure ("over 100 killed and about 1,000 injured").
 */
function stated(measure: MeasureDef | undefined, facts: Fact[], nounOf: (id: string) => string | undefined): string {
  const parts = facts.filter((x) => x.parts).map((x) => x.parts!.map((p) => `${quote(p.figure)} ${nounOf(p.measure) ?? ''}`.trim()).join(' and '));
  const said = (measure?.phrase ?? '{}').replace('{}', values(facts));
  return parts.length ? `${said} (${[...new Set(parts)].join('; ')})` : said;
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
