import assert from 'node:assert/strict';
import { fuzzyParty as fuzzy, sentenceMentions } from '../../server/src/engine/mentions';
import { bundledTopic } from '../bundledTopic';

const fuzzyParty = (phrase: string) => fuzzy(bundledTopic, phrase);

/** The parties a sentence names, with misspelt names tried as a sentence with a figure does. */
const parties = (text: string) => sentenceMentions(bundledTopic, text, text.toLowerCase(), true).mentions.map((m) => [text.slice(m.start, m.end), m.party]);

describe('misspelt names (fuse.js, explicit threshold)', () => {
  it('finds "Strom Corps" and other one-letter slips of the names the bundled topic gives', () => {
    assert.equal(fuzzyParty('Strom Corps'), 'corps');
    assert.deepEqual(parties('Pyongyan sent 1,500 troops.'), [['Pyongyan', 'nk']]);
    assert.equal(fuzzyParty('Moskow'), 'ru');
    assert.equal(fuzzyParty('North Koera'), 'nk');
  });

  it('does not take another name, a part of a name or a shorter word for a party', () => {
    // Prussia is one letter from Russia but begins with another; Moss is most of Moscow but not all of
    // it; Operations is a word inside "Special Operations Corps".
    for (const phrase of ['Prussia', 'Moss', 'Operations', 'Korea Herald', 'Storm', 'Kim']) assert.equal(fuzzyParty(phrase), undefined, phrase);
    assert.deepEqual(parties('In 1870 Prussia fielded 1,200,000 men.'), []);
    assert.deepEqual(parties('Moss said 300 were hired.'), []);
    assert.deepEqual(parties('Operations grew by 12% this year.'), []);
  });
});
