// Judging a figure by frame: the source facts whose frames are most like the claim's decide, and the
// bound-aware comparison (compare.ts) says whether they agree. A verdict needs a confident match:
// where no fact is clearly about the same thing, the figure is unverified and the message names the
// nearest fact.
import { compareFigures } from '../compare';
import type { CorpusIndex } from '../corpusIndex';
import { evidence, finding, sources, values, type Judged } from '../findings';
import { excerptAround, replacementsFor } from '../present';
import type { Fact, Finding, TypedFigure } from '../types';
import { PEOPLE_NOUNS } from '../english/functionWords';
import { relatedness } from '../english/lemma';
import { Mod, type Frame } from './frame';
import { frameSimilarity } from './match';

// Similarities are the frame model's probabilities that a source fact is the claim's (match.ts). The
// thresholds are chosen on the labelled sets in test/fixtures/sets/ (npm test reports them).
/** Below this a source fact is about something else. */
const RELATED = 0.1;
/** A fact this likely, agreeing, supports the claim. */
const SUPPORTS = 0.1;
/** A fact this likely, disagreeing, contradicts it. */
const CONTRADICTS = 0.4;
/** A fact this likely, disagreeing, contradicts the claim when no fact with another value comes near it… */
const CONTRADICTS_ALONE = 0.2;
/** …that is, within this many log-odds. */
const LEAD = 1.5;
/** Facts within this many log-odds of the best are as much about the claim as the best one. */
const MARGIN = 2;

const logit = (p: number) => Math.log(Math.max(p, 1e-6) / Math.max(1 - p, 1e-6));

interface Scored extends Judged {
  score: number;
}

/** The verdict on a figure from the source facts most like it: at most `limit` of them, those `eligible` allows. */
export function judgeByFrame(f: TypedFigure, index: CorpusIndex, tolerance: number, limit: number, eligible: (x: Fact) => boolean = () => true): Finding {
  if (f.vague) return finding(f, 'unverified', undefined, describe(f), `No source speaks to ${f.text}: a vague amount, not a figure a source could confirm.`);
  const scored: Scored[] = [];
  for (const fact of index.framed.candidates(f.frame, index.weights, limit)) {
    if (!eligible(fact) || !sameScale(f, fact.figure)) continue;
    const score = frameSimilarity(f.frame, fact.figure.frame, index.weights);
    if (score >= RELATED) scored.push({ fact, score, agreement: compareFigures(f, fact.figure, tolerance) });
  }
  scored.sort((a, b) => b.score - a.score);
  const best = scored[0];
  if (!best) return finding(f, 'unverified', undefined, describe(f), `No source speaks to ${f.text}: no source gives a ${kindName(f)} about ${about(f)}.`);
  const close = scored.filter((s) => logit(s.score) >= logit(best.score) - MARGIN);
  // An earlier or later version of the best fact that agrees supports the claim too ("two dead" on day one, "five" by the end).
  const versions = new Set(alike(scored, best));
  const agreeing = scored.filter((s) => s.agreement === 'agree' && s.score >= SUPPORTS && (close.includes(s) || versions.has(s.fact)));
  if (agreeing.length) {
    const lead = agreeing[0].fact;
    const others = close.filter((s) => s.agreement !== 'agree');
    const otherFacts = others.map((s) => s.fact);
    // A claim that matches an earlier figure is still supported, but the writer should know of a later one.
    // "revised turnout to 62.1%, from the 61.4% announced": a source quoting a figure as the earlier one does not make it current.
    const current = agreeing.filter((s) => !(s.fact.figure.frame.mods & Mod.Prior) || f.frame.mods & Mod.Prior);
    const newest = (current.length ? current : agreeing).map((s) => s.fact.document.date ?? '').sort().pop() ?? '';
    const newer = newest ? latestFirst(alike(scored, agreeing[0]).filter((x) => (x.document.date ?? '') > newest && compareFigures(f, x.figure, tolerance) !== 'agree')) : [];
    // "The final turnout was 61.4%": a claim to be the latest, which a newer figure contradicts.
    if (f.frame.latest && newer.length) return outdated(f, newer, lead);
    // "By April 2025 construction was 38% complete": a claim as of a year, which a newer figure from
    // that year or before it contradicts; one from a later year does not.
    const asOf = f.frame.asOf;
    const then = asOf === undefined ? [] : newer.filter((x) => Number(x.document.date?.slice(0, 4)) <= asOf);
    if (then.length) return outdated(f, then, lead);
    const otherNote = newer.length
      ? `; a newer source (${newer[0].document.date}, ${newer[0].document.id}) says ${values([newer[0]])}`
      : others.length
        ? `; ${sources(otherFacts)} ${otherFacts.length === 1 ? 'says' : 'say'} ${values(otherFacts)}`
        : '';
    const message = `Supported by ${sources(agreeing.map((s) => s.fact))}${dated(lead)}: "${clip(lead)}"${otherNote}.`;
    const later = newer.filter((x) => !others.some((o) => o.fact === x)).map((fact) => ({ fact, agreement: 'contradict' as const }));
    // The facts the message names lead, so that the few kept as evidence (findings.ts) include them.
    const cited = newer.length ? [agreeing[0], ...later.slice(0, 1), ...agreeing.slice(1), ...others, ...later.slice(1)] : [...agreeing, ...others];
    return finding(f, 'supported', undefined, label(lead), message, cited.flatMap(evidence));
  }
  // The best fact, and the other versions of it that contradict the claim too: the message names each.
  const contradicting = [best, ...alike(scored, best).filter((x) => x !== best.fact && compareFigures(f, x.figure, tolerance) === 'contradict').map((fact) => scored.find((s) => s.fact === fact)!)];
  // "The sources say otherwise" needs them to count the same thing: 2,000 workers are not 12,000 students.
  if (confident(best, scored) && best.agreement === 'contradict' && !f.frame.setting && sameThing(f.frame, best.fact.figure.frame)) {
    const facts = contradicting.map((s) => s.fact);
    const replacements = replacementsFor(f, facts);
    const message = `${sourcesSay(facts, best.fact)}, not ${f.text} (${best.fact.document.id}: "${clip(best.fact)}").`;
    // The evidence also lists the other close facts that contradict the claim, for a reader to weigh.
    const nearby = close.filter((s) => s.agreement === 'contradict' && !contradicting.includes(s) && sameThing(best.fact.figure.frame, s.fact.figure.frame));
    return finding(f, 'mismatch', undefined, label(best.fact), message, [...contradicting, ...nearby].flatMap(evidence), replacements);
  }
  if (f.frame.setting && best.agreement === 'contradict') {
    const message = `Not checked as a claim: ${f.text} only sets when the other figure of its clause holds; the nearest source figure is ${values([best.fact])} (${best.fact.document.id}: "${clip(best.fact)}").`;
    return finding(f, 'unverified', undefined, label(best.fact), message, [best].flatMap(evidence));
  }
  const why = best.agreement === 'unclear' ? `${f.text} is too far from it to agree and too near to contradict it` : 'it may be about something else';
  const message = `Not clearly supported: the nearest source figure is ${values([best.fact])} (${best.fact.document.id}: "${clip(best.fact)}"); ${why}.`;
  return finding(f, 'unverified', undefined, label(best.fact), message, [best].flatMap(evidence));
}

/**
 * Whether the best fact is surely the claim's: likely enough, or less likely but far ahead of every
 * fact with another value ("€290 million in state aid" against the one source sum of state aid).
 */
function confident(best: Scored, scored: Scored[]): boolean {
  if (best.score >= CONTRADICTS) return true;
  const runnerUp = scored.find((s) => s !== best && s.fact.figure.low !== best.fact.figure.low);
  return best.score >= CONTRADICTS_ALONE && (!runnerUp || logit(best.score) - logit(runnerUp.score) >= LEAD);
}

/** A claim to be the latest figure that only an earlier source bears out: the newer ones say otherwise. */
function outdated(f: TypedFigure, newer: Fact[], earlier: Fact): Finding {
  const replacements = replacementsFor(f, newer);
  const message = `${sourcesSay([...newer, earlier], newer[0])}, not ${f.text} (${newer[0].document.id}: "${clip(newer[0])}").`;
  return finding(f, 'mismatch', undefined, label(newer[0]), message, [...newer, earlier].flatMap((fact) => evidence({ fact, agreement: fact === earlier ? 'agree' : 'contradict' })), replacements);
}

function sameThing(a: Frame, b: Frame): boolean {
  // One sense apart at most: "people" and "states" are related in WordNet, but they are not one thing.
  const related = (x: string, y: string) => relatedness(x, y) >= 0.8;
  // Only a count names its thing reliably ("2,000 workers"); a sum's or share's noun is read from further off.
  if (a.kind !== 'count' || !a.head || PEOPLE_NOUNS.has(a.head) || (b.head && PEOPLE_NOUNS.has(b.head))) return true;
  return b.head ? related(a.head, b.head) : (b.terms.get(a.head) ?? 0) >= 0.5;
}

/**
 * Lengths of time far apart in scale are not one measure told two ways: a 37-minute trip is not an
 * 18-month delay, whatever the words around them share.
 */
function sameScale(a: TypedFigure, b: TypedFigure): boolean {
  if (a.kind !== 'duration' || b.kind !== 'duration' || a.low <= 0 || b.low <= 0) return true;
  return Math.max(a.high, b.high) / Math.min(a.low, b.low) <= SPAN_RATIO;
}

/** How many times longer one length of time may be than another and still be a version of it. */
const SPAN_RATIO = 10;

/**
 * Facts that state what `lead` states, perhaps with another figure: nearly as likely the claim's and
 * counting the same thing. Messages name them so a writer sees every version of a figure, the newest
 * first; they do not change the verdict.
 */
function alike(scored: Scored[], lead: Scored): Fact[] {
  const a = lead.fact.figure.frame;
  // A version counts the same thing by the same act: a sum's or share's noun and verb must both match.
  const sameAct = (b: Frame) => (!a.head || !b.head || relatedness(a.head, b.head) >= 0.5) && (!a.verb || !b.verb || relatedness(a.verb, b.verb) >= 0.5);
  return scored.filter((s) => s.score >= Math.max(SUPPORTS, lead.score - ALIKE) && sameThing(a, s.fact.figure.frame) && sameAct(s.fact.figure.frame)).map((s) => s.fact);
}

/** How much less likely than the lead a fact may be and still be named as another version of it. */
const ALIKE = 0.1;

/**
 * What the sources say, the newest first where their dates tell a figure changed: "The latest source
 * (2024-09-10) says 5 people; earlier ones said 2 or 4".
 */
function sourcesSay(facts: Fact[], best: Fact): string {
  const ordered = latestFirst(facts);
  const latest = ordered[0];
  const earlier = ordered.filter((x) => (x.document.date ?? '') < (latest.document.date ?? '') && compareFigures(x.figure, latest.figure, 0) !== 'agree');
  if (!latest.document.date || !earlier.length) return `Sources say ${values(facts)}${counted(best)}`;
  return `The latest source (${latest.document.date}) says ${values([latest])}${counted(latest)}; earlier ones said ${values(earlier)}`;
}

/** Facts from dated documents, newest first; undated ones last. */
function latestFirst(facts: Fact[]): Fact[] {
  return [...facts].sort((a, b) => (b.document.date ?? '').localeCompare(a.document.date ?? ''));
}

/** " (2024-07-19)" after a dated document's id. */
function dated(x: Fact): string {
  return x.document.date ? ` (${x.document.date})` : '';
}

/** The source's words from its figure to the noun it counts: " people" for "about 18,000 people". */
function counted(x: Fact): string {
  const head = x.figure.frame.head;
  if (x.figure.kind !== 'count' || !head) return '';
  const after = x.excerpt.slice(x.excerptFigure[1]);
  const words = /^(\s+[\p{L}'’-]+){1,4}/u.exec(after)?.[0] ?? '';
  const last = head.slice(head.lastIndexOf(' ') + 1);
  const end = words.toLowerCase().search(new RegExp(`\\b${last.slice(0, Math.max(3, last.length - 1))}`));
  if (end < 0) return '';
  return words.slice(0, end) + (/^[\p{L}'’-]+/u.exec(words.slice(end))?.[0] ?? '');
}

/** The source's own words around its figure. */
function clip(x: Fact): string {
  return excerptAround(x.excerpt, x.excerptFigure, 40);
}

/** What a source fact measures, in the source's words: its clause around the figure, shortened. */
function label(x: Fact): string {
  return excerptAround(x.excerpt, x.excerptFigure, 30).replace(/^…|…$/g, '').trim();
}

function describe(f: TypedFigure): string {
  return `${kindName(f)} about ${about(f)}`;
}

function about(f: TypedFigure): string {
  return f.frame.head ? `"${f.frame.head}"` : 'what this sentence describes';
}

function kindName(f: TypedFigure): string {
  return { count: 'count', money: 'sum of money', percent: 'percentage', ordinal: 'rank', date: 'date', duration: 'length of time', time: 'time' }[f.kind];
}
