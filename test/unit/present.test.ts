import assert from 'node:assert/strict';
import { extractFigures } from '../../server/src/engine/figures';
import { excerptAround, quote, replacementFor } from '../../server/src/engine/present';

const fig = (phrase: string) => extractFigures(phrase)[0];

describe('presenting figures', () => {
  const cases: [string, string, string][] = [
    ['2,500 troops', '1,500 troops', '1,500'],
    ['2500 troops', '1,500 troops', '1500'],
    ['two million shells', 'eight million shells', 'eight million'],
    ['Two million shells', 'eight million shells', 'Eight million'],
    ['$5.5 million', '$5.5 billion', '$5.5 billion'],
    ['5.5 billion dollars', '$5.5 billion', '5.5 billion dollars'],
    ['22k troops', '12,000 troops', '12k'],
    ['90 per cent of it', '30% of it', '30 per cent'],
    ['4,000 to 8,000 soldiers', '40,000 to 80,000 soldiers', '40,000 to 80,000'],
    ['4,000–8,000 soldiers', '40,000 to 80,000 soldiers', '40,000–80,000'],
    ['the 7th Corps', 'the 11th Corps', '11th'],
    ['in December', 'in June', 'June'],
  ];
  for (const [draft, source, want] of cases) {
    it(`writes the source's "${source}" as "${want}" for a draft's "${draft}"`, () => assert.equal(replacementFor(fig(draft), fig(source)), want));
  }
  it('quotes a source figure with its qualifier', () => {
    assert.equal(quote(fig('over 11,000')), 'over 11,000');
    assert.equal(quote(fig('up to 30%')), 'up to 30%');
    assert.equal(quote(fig('around eight million')), 'about eight million');
    assert.equal(quote(fig('the nearly three-year-old war')), 'nearly three years');
  });
  it('cuts an excerpt to the words around its figure', () => {
    const text = 'Recent intelligence reports indicate that North Korea is sending thousands of soldiers. Initial estimates suggest that 1,500 North Korean troops have already arrived in Russia’s Far East.';
    const at = text.indexOf('1,500');
    const short = excerptAround(text, [at, at + 5]);
    assert.ok(short.startsWith('…') && short.endsWith('…'), short);
    assert.ok(short.includes('suggest that 1,500 North Korean troops'), short);
    assert.ok(short.length < 120);
    assert.equal(excerptAround('Short 12 text.', [6, 8]), 'Short 12 text.');
  });
});
