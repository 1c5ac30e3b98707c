import assert from 'node:assert/strict';
import { compareFigures, precisionOf } from '../../server/src/engine/compare';
import { extractFigures } from '../../server/src/engine/figures';
import type { Bound } from '../../server/src/engine/types';

const fig = (phrase: string) => extractFigures(phrase)[0];

// claim, source, expected agreement (tolerance 10%)
const CASES: [string, string, string][] = [
  ['over 6 million', 'around eight million', 'agree'],
  // Lengths of time in two units meet across the calendar's uneven months; in one unit they do not.
  ['within a fortnight', 'within 14 days', 'agree'],
  ['for three weeks', 'for 21 days', 'agree'],
  ['for six months', 'for 180 days', 'agree'],
  ['for 52 weeks', 'for 365 days', 'agree'],
  ['for 11.1 months', 'for 10.8 months', 'contradict'],
  ['for 170 days', 'for six months', 'contradict'],
  ['60,000', 'approximately 40,000 to 80,000', 'agree'],
  ['more than 1,000 dead', 'over 100 fatalities', 'contradict'],
  ['over 150', 'over 100', 'unclear'],
  ['over 100', 'over 100', 'agree'],
  ['Eleven thousand', 'over 11,000', 'agree'],
  ['around 11k', 'approximately 10,000', 'agree'],
  ['some 90,000', 'over 11,000', 'contradict'],
  ['over 20,000', 'over 11,000', 'contradict'],
  ['22,000', '12,000', 'contradict'],
  ['about 12,000', '12,000', 'agree'],
  ['some 1,800', 'around 1,500', 'contradict'],
  ['about 1,600', 'around 1,500', 'agree'],
  ['12,500', '12,000', 'contradict'],
  ['up to thirty percent', 'up to 30%', 'agree'],
  ['up to 90 per cent', 'up to 30%', 'contradict'],
  ['up to 50%', 'up to 30%', 'contradict'],
  ['25%', 'up to 30%', 'agree'],
  ['approximately 4,000 to 8,000', 'approximately 40,000 to 80,000', 'contradict'],
  ['about 20,000', 'approximately 40,000 to 80,000', 'contradict'],
  ['roughly 1,000', 'over 100', 'contradict'],
  ['fewer than 5,000', 'approximately 10,000', 'contradict'],
  ['more than 5 million', 'around eight million', 'unclear'],
  ['over 20,000', 'over 11,000', 'contradict'],
  ['up to 50%', 'up to 30%', 'contradict'],
  ['10%', 'up to 30%', 'unclear'],
  ['about 15,000', 'over 11,000', 'unclear'],
  ['$5.5 million', 'approximately $5.5 billion', 'contradict'],
  ['in June', 'in June', 'agree'],
  ['in December', 'in June', 'contradict'],
  ['in 2022', 'since February 2022', 'agree'],
  ['since March 2022', 'since February 2022', 'contradict'],
  ['in the 1990s', 'in 1990', 'agree'],
  ['in summer 2024', 'in June 2024', 'agree'],
  ['in June 2024', 'in summer', 'agree'],
  ['in May 2024', 'in summer 2024', 'contradict'],
  ['in summer 2023', 'in June 2024', 'contradict'],
  ['in spring', 'in summer', 'contradict'],
  ['in winter', 'in June', 'contradict'],
  ['in June 2024', 'in 2024', 'agree'],
  ['on 19 June 2024', 'on 20 June 2024', 'contradict'],
  ['in June', 'in 2024', 'unclear'],
  ['1,500', 'in 2024', 'unclear'],
  ['in 2024', '1,500', 'unclear'],
  ['70 years', 'nearly seven decades', 'agree'],
  ['six decades', 'nearly seven decades', 'contradict'],
];

describe('bound-aware comparison', () => {
  for (const [claim, source, want] of CASES) {
    it(`"${claim}" against a source's "${source}" → ${want}`, () => {
      assert.equal(compareFigures(fig(claim), fig(source), 0.1), want);
    });
  }
  it('applies the configured tolerance to approximate figures only', () => {
    assert.equal(compareFigures(fig('about 10,900'), fig('about 10,000'), 0.1), 'agree');
    assert.equal(compareFigures(fig('about 10,900'), fig('about 10,000'), 0.05), 'contradict');
    assert.equal(compareFigures(fig('10,500'), fig('10,000'), 0.5), 'contradict');
  });
});

type Comparable = Parameters<typeof compareFigures>[0];
/** A count as the grammar reads it: "over 100" is lower 100, "about 100" approx 100. */
const count = (bound: Bound, low: number, more: Partial<Comparable> = {}): Comparable => ({ kind: 'count', low, high: low, bound, approximate: bound === 'approx', ...more });
const nearly = (v: number) => count('approx', v, { below: true });
const decade = (from: number): Comparable => ({ kind: 'date', low: from, high: from + 9, bound: 'range', approximate: false });
const year = (y: number): Comparable => ({ kind: 'date', low: y, high: y, bound: 'exact', approximate: false, date: { year: y } });

// Each limit in compare.ts, exactly at it and one step either side (tolerance 10%): [what, claim, source, expected].
const BOUNDARIES: [string, Comparable, Comparable, string][] = [
  // FAR_BOUNDS = 1.6: two floors this far apart contradict; nearer, above NEAR_FLOOR, are unclear.
  ['"over 159" against "over 100"', count('lower', 159), count('lower', 100), 'unclear'],
  ['"over 160" against "over 100"', count('lower', 160), count('lower', 100), 'contradict'],
  ['"over 161" against "over 100"', count('lower', 161), count('lower', 100), 'contradict'],
  ['"up to 47" against "up to 30"', count('upper', 47), count('upper', 30), 'unclear'],
  ['"up to 48" against "up to 30"', count('upper', 48), count('upper', 30), 'contradict'],
  // NEAR_FLOOR = 1.2 between two floors, either way round.
  ['"over 119" against "over 100"', count('lower', 119), count('lower', 100), 'agree'],
  ['"over 120" against "over 100"', count('lower', 120), count('lower', 100), 'agree'],
  ['"over 121" against "over 100"', count('lower', 121), count('lower', 100), 'unclear'],
  ['"over 100" against "over 120"', count('lower', 100), count('lower', 120), 'agree'],
  ['"over 99" against "over 120"', count('lower', 99), count('lower', 120), 'unclear'],
  // NEAR_FLOOR = 1.2 above a source's floor: "over 100" reads as 100 to 120.
  ['"119" against "over 100"', count('exact', 119), count('lower', 100), 'agree'],
  ['"120" against "over 100"', count('exact', 120), count('lower', 100), 'agree'],
  ['"121" against "over 100"', count('exact', 121), count('lower', 100), 'unclear'],
  ['"100" against "over 100"', count('exact', 100), count('lower', 100), 'agree'],
  ['"99" against "over 100"', count('exact', 99), count('lower', 100), 'contradict'],
  // FAR = 1.25 beyond what the bound reads as: 150 is 1.25 × 120.
  ['"149" against "over 100"', count('exact', 149), count('lower', 100), 'unclear'],
  ['"150" against "over 100"', count('exact', 150), count('lower', 100), 'contradict'],
  ['"151" against "over 100"', count('exact', 151), count('lower', 100), 'contradict'],
  ['"over 100" against "149"', count('lower', 100), count('exact', 149), 'unclear'],
  ['"over 100" against "150"', count('lower', 100), count('exact', 150), 'contradict'],
  // NEAR_CEILING = 2 below a ceiling: "up to 100" reads as 50 to 100; below that it is allowed but unclear.
  ['"51" against "up to 100"', count('exact', 51), count('upper', 100), 'agree'],
  ['"50" against "up to 100"', count('exact', 50), count('upper', 100), 'agree'],
  ['"49" against "up to 100"', count('exact', 49), count('upper', 100), 'unclear'],
  ['"100" against "up to 100"', count('exact', 100), count('upper', 100), 'agree'],
  ['"101" against "up to 100"', count('exact', 101), count('upper', 100), 'contradict'],
  ['"up to 100" against "50"', count('upper', 100), count('exact', 50), 'agree'],
  ['"up to 100" against "49"', count('upper', 100), count('exact', 49), 'unclear'],
  ['"up to 100" against "41"', count('upper', 100), count('exact', 41), 'unclear'],
  ['"up to 100" against "40"', count('upper', 100), count('exact', 40), 'contradict'],
  ['"up to 100" against "39"', count('upper', 100), count('exact', 39), 'contradict'],
  // The tolerance: "about 10,000" is 9,000 to 11,000.
  ['"10,999" against "about 10,000"', count('exact', 10999), count('approx', 10000), 'agree'],
  ['"11,000" against "about 10,000"', count('exact', 11000), count('approx', 10000), 'agree'],
  ['"11,001" against "about 10,000"', count('exact', 11001), count('approx', 10000), 'contradict'],
  ['"9,000" against "about 10,000"', count('exact', 9000), count('approx', 10000), 'agree'],
  ['"8,999" against "about 10,000"', count('exact', 8999), count('approx', 10000), 'contradict'],
  ['"about 10,000" against "11,001"', count('approx', 10000), count('exact', 11001), 'contradict'],
  // PRECISION_STEPS = 2.5: "about 34,100" means its hundreds, 33,850 to 34,350.
  ['"34,349" against "about 34,100"', count('exact', 34349), count('approx', 34100), 'agree'],
  ['"34,350" against "about 34,100"', count('exact', 34350), count('approx', 34100), 'agree'],
  ['"34,351" against "about 34,100"', count('exact', 34351), count('approx', 34100), 'contradict'],
  ['"33,850" against "about 34,100"', count('exact', 33850), count('approx', 34100), 'agree'],
  ['"33,849" against "about 34,100"', count('exact', 33849), count('approx', 34100), 'contradict'],
  // "nearly" and "almost" cap the window at the figure: "nearly 10,000" is 9,000 to 10,000.
  ['"9,999" against "nearly 10,000"', count('exact', 9999), nearly(10000), 'agree'],
  ['"10,000" against "nearly 10,000"', count('exact', 10000), nearly(10000), 'agree'],
  ['"10,001" against "nearly 10,000"', count('exact', 10001), nearly(10000), 'contradict'],
  ['"9,000" against "nearly 10,000"', count('exact', 9000), nearly(10000), 'agree'],
  ['"8,999" against "nearly 10,000"', count('exact', 8999), nearly(10000), 'contradict'],
  ['"nearly 10,000" against "10,001"', nearly(10000), count('exact', 10001), 'contradict'],
  ['"nearly 10,000" against "10,000"', nearly(10000), count('exact', 10000), 'agree'],
  // A decade holds its first and last year.
  ['"the 1990s" against "1989"', decade(1990), year(1989), 'contradict'],
  ['"the 1990s" against "1990"', decade(1990), year(1990), 'agree'],
  ['"the 1990s" against "1999"', decade(1990), year(1999), 'agree'],
  ['"the 1990s" against "2000"', decade(1990), year(2000), 'contradict'],
  ['"1989" against "the 1990s"', year(1989), decade(1990), 'contradict'],
  ['"1990" against "the 1990s"', year(1990), decade(1990), 'agree'],
  ['"1999" against "the 1990s"', year(1999), decade(1990), 'agree'],
  ['"2000" against "the 1990s"', year(2000), decade(1990), 'contradict'],
];

describe('comparison at its limits', () => {
  for (const [what, claim, source, want] of BOUNDARIES) it(`${what} → ${want}`, () => assert.equal(compareFigures(claim, source, 0.1), want));

  it('takes the precision of a figure from its last significant digit', () => {
    assert.deepEqual([34100, 12000, 4.2, 1500, 7, 0.05, 100 / 3, 0].map(precisionOf), [100, 1000, 0.1, 100, 1, 0.01, Infinity, Infinity]);
  });
});
