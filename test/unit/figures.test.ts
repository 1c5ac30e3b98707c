import assert from 'node:assert/strict';
import { PREFIX_QUALIFIERS, SUFFIX_QUALIFIERS, extractFigures } from '../../server/src/engine/figures';

// phrase, the figure's text, kind, low, high, bound
const CASES: [string, string, string, number, number, string][] = [
  ['sent 1,500 troops', '1,500', 'count', 1500, 1500, 'exact'],
  ['a 10.5 point gap', '10.5', 'count', 10.5, 10.5, 'exact'],
  ['10\u202f000 troops', '10\u202f000', 'count', 10000, 10000, 'exact'],
  ['around 11k troops', '11k', 'count', 11000, 11000, 'approx'],
  ['8m shells', '8m', 'count', 8e6, 8e6, 'exact'],
  ['$5.5bn in arms', '$5.5bn', 'money', 5.5e9, 5.5e9, 'exact'],
  ['approximately $5.5 billion', '$5.5 billion', 'money', 5.5e9, 5.5e9, 'approx'],
  ['5.5 billion dollars', '5.5 billion dollars', 'money', 5.5e9, 5.5e9, 'exact'],
  ['ten thousand soldiers', 'ten thousand', 'count', 1e4, 1e4, 'exact'],
  ['Twelve thousand soldiers', 'Twelve thousand', 'count', 12000, 12000, 'exact'],
  ['a thousand soldiers', 'a thousand', 'count', 1000, 1000, 'exact'],
  ['a hundred soldiers', 'a hundred', 'count', 100, 100, 'exact'],
  ['a dozen soldiers', 'a dozen', 'count', 12, 12, 'exact'],
  ['over a million soldiers', 'a million', 'count', 1e6, 1e6, 'lower'],
  // "over" a length of time: a floor after "for", "lasted" and the like, the period spanned after other words.
  ['a war that lasted over two years', 'two years', 'duration', 2, 2, 'lower'],
  ['for over 18 months', '18 months', 'duration', 1.5, 1.5, 'lower'],
  // Spelled ordinals that place something in a ranking.
  ['the side ended the season in ninth place', 'ninth', 'ordinal', 9, 9, 'exact'],
  ['the side finished second, behind the champions', 'second', 'ordinal', 2, 2, 'exact'],
  ['they had climbed to fourth in the table', 'fourth', 'ordinal', 4, 4, 'exact'],
  ['to be carried out over 24 months', '24 months', 'duration', 2, 2, 'exact'],
  ['a plan to rebuild over five years', 'five years', 'duration', 5, 5, 'exact'],
  ['half a million shells', 'half a million', 'count', 5e5, 5e5, 'exact'],
  ['half of the corps', 'half', 'percent', 50, 50, 'exact'],
  ['a third of the corps', 'a third', 'percent', 100 / 3, 100 / 3, 'exact'],
  ['roughly a seventh of its yearly output', 'a seventh', 'percent', 100 / 7, 100 / 7, 'approx'],
  ['two-thirds of the corps', 'two-thirds', 'percent', 200 / 3, 200 / 3, 'exact'],
  ['one hundred and fifty troops', 'one hundred and fifty', 'count', 150, 150, 'exact'],
  ['twenty-five troops', 'twenty-five', 'count', 25, 25, 'exact'],
  ['up to 30% of it', '30%', 'percent', 30, 30, 'upper'],
  ['up to thirty percent of it', 'thirty percent', 'percent', 30, 30, 'upper'],
  ['90 per cent of it', '90 per cent', 'percent', 90, 90, 'exact'],
  ['approximately 40,000 to 80,000 soldiers', '40,000 to 80,000', 'count', 40000, 80000, 'range'],
  ['between 40,000 and 80,000 soldiers', '40,000 and 80,000', 'count', 40000, 80000, 'range'],
  ['40,000-80,000 soldiers', '40,000-80,000', 'count', 40000, 80000, 'range'],
  ['10,000–12,000 soldiers', '10,000–12,000', 'count', 10000, 12000, 'range'],
  ['4 to 8 million shells', '4 to 8 million', 'count', 4e6, 8e6, 'range'],
  ['$5-6 billion', '$5-6 billion', 'money', 5e9, 6e9, 'range'],
  ['more than 1,000 dead', '1,000', 'count', 1000, 1000, 'lower'],
  ['at least 60,000', '60,000', 'count', 60000, 60000, 'lower'],
  ['over 11,000 troops', '11,000', 'count', 11000, 11000, 'lower'],
  ['10,000-plus troops', '10,000-plus', 'count', 10000, 10000, 'lower'],
  ['10,000 or more troops', '10,000', 'count', 10000, 10000, 'lower'],
  ['fewer than 500 troops', '500', 'count', 500, 500, 'upper'],
  ['under 500 troops', '500', 'count', 500, 500, 'upper'],
  ['at most 500 troops', '500', 'count', 500, 500, 'upper'],
  ['about 500 troops', '500', 'count', 500, 500, 'approx'],
  ['around 500 troops', '500', 'count', 500, 500, 'approx'],
  ['roughly 500 troops', '500', 'count', 500, 500, 'approx'],
  ['some 500 troops', '500', 'count', 500, 500, 'approx'],
  ['nearly 500 troops', '500', 'count', 500, 500, 'approx'],
  ['almost 500 troops', '500', 'count', 500, 500, 'approx'],
  ['the 11th Corps', '11th', 'ordinal', 11, 11, 'exact'],
  ['the Eleventh Corps', 'Eleventh', 'ordinal', 11, 11, 'exact'],
  ['signed in June', 'June', 'date', 6, 6, 'exact'],
  ['since February 2022', 'February 2022', 'date', 2022, 2022, 'exact'],
  ['on 19 June 2024', '19 June 2024', 'date', 2024, 2024, 'exact'],
  ['stopped in 1990', '1990', 'date', 1990, 1990, 'exact'],
  ['in the 1990s', '1990s', 'date', 1990, 1999, 'range'],
  ['in the mid-1980s', '1980s', 'date', 1983, 1987, 'range'],
  ['nearly seven decades ago', 'seven decades', 'duration', 70, 70, 'approx'],
  ['the three-year-old conflict', 'three-year-old', 'duration', 3, 3, 'exact'],
  ['for 18 months', '18 months', 'duration', 1.5, 1.5, 'exact'],
  ['for 6 weeks', '6 weeks', 'duration', (6 * 7) / 365, (6 * 7) / 365, 'exact'],
  ['for 2 fortnights', '2 fortnights', 'duration', 28 / 365, 28 / 365, 'exact'],
  ['for 10 days', '10 days', 'duration', 10 / 365, 10 / 365, 'exact'],
  ['for 3 centuries', '3 centuries', 'duration', 300, 300, 'exact'],
  ['a train every 12 minutes', '12 minutes', 'duration', 12 / 525_600, 12 / 525_600, 'exact'],
  ['a 24-hour strike', '24-hour', 'duration', 24 / 8760, 24 / 8760, 'exact'],
  ['within an hour and a half of boarding', 'an hour and a half', 'duration', 1.5 / 8760, 1.5 / 8760, 'exact'],
  ['the debate lasted an hour and a half', 'an hour and a half', 'duration', 1.5 / 8760, 1.5 / 8760, 'exact'],
  ['for two and a half years', 'two and a half years', 'duration', 2.5, 2.5, 'exact'],
  ['thousands of soldiers', 'thousands', 'count', 2000, 10000, 'range'],
  ['tens of thousands of soldiers', 'tens of thousands', 'count', 20000, 100000, 'range'],
  ['billions of dollars', 'billions of dollars', 'money', 2e9, 1e10, 'range'],
  ['at 3 p.m. sharp', '3 p.m.', 'time', 3, 3, 'exact'],
  ['at 10:30 sharp', '10:30', 'time', 10, 10, 'exact'],
];

// Text with no figure in it at all.
const NONE = [
  'Recent intelligence reports indicate a shift.',
  // An ordinal that names which one, not a position in a ranking.
  'It was the first time. The second wave arrived. He was first to arrive.',
  'Kim may send more troops; the troops march on.',
  'The F-35I Adir and Su-27 jets; COVID-19; the G7 summit.',
  'One of the most selectively trained segments.',
  'The first major intervention; the third reason.',
  'World War 2 ended long ago.',
  'Step 1️⃣ of the plan.',
];

// Every qualifier the grammar knows, with the bound a reader takes from it: "no more than 500" is a
// ceiling, "or fewer" too, "nearly 500" is about 500 but not above it. Before the figure unless the
// phrase starts with "or", "+" or "plus".
const QUALIFIERS: [string, 'lower' | 'upper' | 'approx', 'below'?][] = [
  ['more than', 'lower'], ['over', 'lower'], ['at least', 'lower'], ['upwards of', 'lower'], ['upward of', 'lower'],
  ['in excess of', 'lower'], ['no fewer than', 'lower'], ['no less than', 'lower'], ['not less than', 'lower'],
  ['well over', 'lower'], ['just over', 'lower'], ['exceeding', 'lower'], ['above', 'lower'], ['greater than', 'lower'],
  ['a minimum of', 'lower'], ['north of', 'lower'], ['or more', 'lower'], ['plus', 'lower'], ['+', 'lower'],
  ['south of', 'upper'], ['up to', 'upper'], ['under', 'upper'], ['fewer than', 'upper'], ['less than', 'upper'],
  ['at most', 'upper'], ['no more than', 'upper'], ['not more than', 'upper'], ['as many as', 'upper'],
  ['as much as', 'upper'], ['below', 'upper'], ['a maximum of', 'upper'], ['just under', 'upper'], ['or fewer', 'upper'],
  ['or less', 'upper'],
  ['about', 'approx'], ['around', 'approx'], ['approximately', 'approx'], ['roughly', 'approx'], ['some', 'approx'],
  ['circa', 'approx'], ['approx', 'approx'], ['approx .', 'approx'], ['~', 'approx'], ['an estimated', 'approx'],
  ['estimated', 'approx'], ['an approximate', 'approx'], ['in the region of', 'approx'], ['on the order of', 'approx'],
  ['or so', 'approx'],
  ['nearly', 'approx', 'below'], ['almost', 'approx', 'below'], ['close to', 'approx', 'below'], ['just shy of', 'approx', 'below'],
];

/** The phrase around 500 as a writer types it: "approx. 500", "~500", "500+", "500 or so". */
function qualified(phrase: string): string {
  if (phrase === '+') return '500+ troops';
  if (/^(or|plus)\b/.test(phrase)) return `500 ${phrase} troops`;
  return `${phrase.replace(' .', '.')}${phrase === '~' ? '' : ' '}500 troops`;
}

describe('figure grammar', () => {
  describe('qualifiers', () => {
    for (const [phrase, bound, below] of QUALIFIERS) {
      it(`"${qualified(phrase)}" is ${below ? 'at most about' : bound === 'approx' ? 'about' : bound === 'lower' ? 'at least' : 'at most'} 500`, () => {
        const figs = extractFigures(qualified(phrase));
        assert.equal(figs.length, 1, JSON.stringify(figs.map((f) => f.text)));
        const [f] = figs;
        assert.deepEqual([f.low, f.high, f.bound, f.approximate, f.below], [500, 500, bound, bound === 'approx', below && true]);
      });
    }
    it('covers every qualifier the grammar knows', () => {
      const known = [...PREFIX_QUALIFIERS, ...SUFFIX_QUALIFIERS].map(([p]) => p).sort();
      assert.deepEqual(QUALIFIERS.map(([p]) => p).sort(), known);
    });
  });

  for (const [phrase, text, kind, low, high, bound] of CASES) {
    it(`reads "${phrase}"`, () => {
      const figs = extractFigures(phrase);
      assert.equal(figs.length, 1, JSON.stringify(figs.map((f) => f.text)));
      const [f] = figs;
      assert.equal(f.text, text);
      assert.equal(phrase.slice(f.start, f.end), text);
      assert.equal(f.kind, kind);
      assert.ok(Math.abs(f.low - low) < 1e-9, `low ${f.low}`);
      assert.ok(Math.abs(f.high - high) < 1e-9, `high ${f.high}`);
      assert.equal(f.bound, bound);
    });
  }
  it('marks approximate qualifiers, and nearly/almost as at or below', () => {
    assert.equal(extractFigures('approximately 40,000 to 80,000')[0].approximate, true);
    assert.equal(extractFigures('nearly 500')[0].below, true);
    assert.equal(extractFigures('about 500')[0].below, undefined);
  });
  for (const text of NONE) it(`finds no figure in "${text}"`, () => assert.deepEqual(extractFigures(text).map((f) => f.text), []));
  it('keeps UTF-16 offsets exact after astral characters', () => {
    const text = '🇰🇵 sent 1,500 troops';
    const [f] = extractFigures(text);
    assert.equal(text.slice(f.start, f.end), '1,500');
  });
  it('reads the currency a word after the figure names', () => {
    const units = ['dollars', 'dollar', 'USD', 'euros', 'euro', 'won', 'rubles', 'roubles'].map((w) => extractFigures(`It cost 300 ${w}.`)[0]);
    assert.deepEqual(units.map((f) => [f.kind, f.unit]), [['money', 'USD'], ['money', 'USD'], ['money', 'USD'], ['money', 'EUR'], ['money', 'EUR'], ['money', 'KRW'], ['money', 'RUB'], ['money', 'RUB']]);
  });
  it('gives the date parts it reads', () => {
    assert.deepEqual(extractFigures('since February 2022')[0].date, { year: 2022, month: 2 });
    assert.deepEqual(extractFigures('in June')[0].date, { month: 6 });
  });
});
