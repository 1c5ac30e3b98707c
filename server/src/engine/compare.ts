// Bound-aware comparison of a claim with a source figure, with a reporter's reading of qualifiers:
// "over 100" is a floor near 100, "up to 30%" a ceiling that allows less but not more, "about 10,000"
// is 10,000 ± tolerance, and a bare "10,000" is exactly that.
import type { Figure } from './types';

export type Agreement = 'agree' | 'contradict' | 'unclear';

/** How far above a floor ("over X") a writer still means "near X": "about 15,000" is not "over 11,000". */
const NEAR_FLOOR = 1.2;
/** How far below a ceiling ("up to X") a figure still reads as consistent with it. */
const NEAR_CEILING = 2;
/**
 * A claim the source's bound allows but whose reading lies more than this factor beyond the source's
 * is contradicted; nearer than that it is left unverified.
 */
const FAR = 1.25;
/**
 * Two bounds in the same direction ("over 150" against "over 100", "up to 50%" against "up to 30%"):
 * within NEAR_FLOOR of each other they agree, this far apart or more the claim is contradicted, and in
 * between (the spec's "over 150" against "over 100") it is left unverified.
 */
const FAR_BOUNDS = 1.6;

type Interval = [number, number];
type Comparable = Pick<Figure, 'kind' | 'low' | 'high' | 'bound' | 'approximate' | 'below' | 'date' | 'unit'>;

/** What the figure logically allows; `slack` widens even an exact value (see CALENDAR_SLACK). */
function strictInterval(f: Comparable, tolerance: number, slack: number): Interval {
  switch (f.bound) {
    case 'lower':
      return [f.low, Infinity];
    case 'upper':
      return [0, f.high];
    default:
      return widen(f, tolerance, slack);
  }
}

/** What a reader takes the figure to mean. */
export function plausibleInterval(f: Comparable, tolerance: number, slack = 0): Interval {
  switch (f.bound) {
    case 'lower':
      return [f.low, f.low * NEAR_FLOOR];
    case 'upper':
      return [f.high / NEAR_CEILING, f.high];
    default:
      return widen(f, tolerance, slack);
  }
}

/**
 * An approximate figure's window: the tolerance, but no wider than a few steps of the figure's own
 * precision. "About 30,000" may be 28,000, but "about 34,100" is not 31,400: a writer who gives the
 * hundreds means them.
 */
function widen(f: Comparable, tolerance: number, slack = 0): Interval {
  if (!f.approximate || f.kind === 'date' || f.kind === 'ordinal') return [f.low * (1 - slack), f.high * (1 + slack)];
  const reach = (v: number) => Math.max(Math.min(v * tolerance, PRECISION_STEPS * precisionOf(v)), v * slack);
  return [f.low - reach(f.low), f.below ? f.high : f.high + reach(f.high)];
}

/**
 * Lengths of time in two units differ by the calendar's uneven months and years, not by what they
 * claim: "six months" is 0.5 years and "180 days" 0.49, "52 weeks" is 364 days. In one unit they
 * differ by what they claim: "11.1 months" is not "10.8 months".
 */
const CALENDAR_SLACK = 0.03;

/** How many steps of its last significant digit an approximate figure may be off. */
const PRECISION_STEPS = 2.5;

/**
 * The place of a value's last significant digit: 100 for 34,100, 0.1 for 4.2, 1,000 for 12,000.
 * Values no writer spells out digit by digit (a third is 33.33…) have no precision: Infinity.
 */
export function precisionOf(v: number): number {
  if (!Number.isFinite(v) || v === 0) return Infinity;
  const top = 10 ** Math.floor(Math.log10(Math.abs(v)));
  let p = top;
  while (p > top / 1e5 && Math.abs(v / p - Math.round(v / p)) > 1e-6) p /= 10;
  return Math.abs(v / p - Math.round(v / p)) > 1e-6 ? Infinity : p;
}

const overlap = (a: Interval, b: Interval) => a[0] <= b[1] && b[0] <= a[1];
const isPoint = (f: Comparable) => (f.bound === 'exact' || f.bound === 'approx') && f.low === f.high;
const isBound = (f: Comparable) => f.bound === 'lower' || f.bound === 'upper';
const inside = (v: number, w: Interval) => v >= w[0] && v <= w[1];

export function compareFigures(claim: Comparable, fact: Comparable, tolerance: number): Agreement {
  if (claim.kind === 'date' || fact.kind === 'date') return compareDates(claim, fact);
  const slack = claim.kind === 'duration' && fact.kind === 'duration' && claim.unit !== fact.unit ? CALENDAR_SLACK : 0;
  // Two single values agree when either lies within the other's tolerance: "some 1,800" is not
  // "around 1,500", even though their ±10% windows touch.
  if (isPoint(claim) && isPoint(fact)) return inside(claim.low, widen(fact, tolerance, slack)) || inside(fact.low, widen(claim, tolerance, slack)) ? 'agree' : 'contradict';
  if (isBound(claim) && claim.bound === fact.bound) {
    const r = claim.low / fact.low;
    return r <= NEAR_FLOOR && r >= 1 / NEAR_FLOOR ? 'agree' : r >= FAR_BOUNDS ? 'contradict' : 'unclear';
  }
  if (!overlap(strictInterval(claim, tolerance, slack), strictInterval(fact, tolerance, slack))) return 'contradict';
  const pf = plausibleInterval(fact, tolerance, slack);
  const pc = plausibleInterval(claim, tolerance, slack);
  if (overlap(pc, pf)) return 'agree';
  // Below a ceiling is allowed: "up to 30%" does not deny 10%.
  if (fact.bound === 'upper' && pc[1] <= pf[1]) return 'unclear';
  const gap = pc[0] > pf[1] ? pc[0] / pf[1] : pf[0] / pc[1];
  return gap >= FAR ? 'contradict' : 'unclear';
}

function compareDates(claim: Comparable, fact: Comparable): Agreement {
  const a = claim.date ?? {};
  const b = fact.date ?? {};
  if (claim.bound === 'range' && b.year !== undefined) return b.year >= claim.low && b.year <= claim.high ? 'agree' : 'contradict';
  if (fact.bound === 'range' && a.year !== undefined) return a.year >= fact.low && a.year <= fact.high ? 'agree' : 'contradict';
  // A season against a month or another season: do their months meet?
  const monthsOf = (d: typeof a) => d.months ?? (d.month !== undefined ? [d.month] : undefined);
  const ma = monthsOf(a);
  const mb = monthsOf(b);
  if ((a.months || b.months) && ma && mb) {
    if (a.year !== undefined && b.year !== undefined && a.year !== b.year) return 'contradict';
    return ma.some((m) => mb.includes(m)) ? 'agree' : 'contradict';
  }
  const keys = (['year', 'month', 'day'] as const).filter((k) => a[k] !== undefined && b[k] !== undefined);
  if (!keys.length) return 'unclear';
  return keys.every((k) => a[k] === b[k]) ? 'agree' : 'contradict';
}
