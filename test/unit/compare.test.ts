import assert from 'node:assert/strict';
import { compareFigures } from '../../server/src/engine/compare';
import { extractFigures } from '../../server/src/engine/figures';

const fig = (phrase: string) => extractFigures(phrase)[0];

// claim, source, expected agreement (tolerance 10%)
const CASES: [string, string, string][] = [
  ['over 6 million', 'around eight million', 'agree'],
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
