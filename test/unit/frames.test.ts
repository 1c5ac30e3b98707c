import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Engine } from '../../server/src/engine';
import { typedFigures } from '../../server/src/engine/corpusIndex';
import { lemmaOf, relatedness } from '../../server/src/engine/english/lemma';
import { candidateLimit } from '../../server/src/engine/frames/factIndex';
import { comparable } from '../../server/src/engine/frames/match';

/** The frame of the figure written `figure` in `text`. */
const frame = (text: string, figure: string) => {
  const f = typedFigures(undefined, text, 'plaintext').find((x) => x.text === figure);
  assert.ok(f, `no figure "${figure}" in: ${text}`);
  return f.frame;
};

describe('English from WordNet', () => {
  it('gives base forms, regular and irregular', () => {
    assert.equal(lemmaOf('troops').base, 'troop');
    assert.equal(lemmaOf('sent').base, 'send');
    assert.equal(lemmaOf('planned').base, 'plan');
    assert.equal(lemmaOf('fatalities').base, 'fatality');
    assert.ok(lemmaOf('killed').verbForm);
  });
  it('relates words that name one thing, and not words that do not', () => {
    assert.ok(relatedness('troop', 'soldier') >= 0.8);
    assert.ok(relatedness('die', 'death') >= 0.8);
    assert.ok(relatedness('wound', 'injure') >= 0.8);
    assert.ok(relatedness('kill', 'death') > 0);
    assert.equal(relatedness('store', 'employee'), 0);
  });
});

describe('frames', () => {
  it('find the counted thing after, through "of"/"in", or before the figure', () => {
    assert.equal(frame('The grocer opened 35 new stores.', '35').head, 'store');
    assert.equal(frame('It employs 18,000 of its workers in Texas.', '18,000').head, 'worker');
    assert.equal(frame('It booked $4.2 billion in revenue.', '$4.2 billion').head, 'revenue');
    assert.equal(frame('Online sales were 12% of sales.', '12%').head, 'sale');
    assert.equal(frame('The fire was 5% contained.', '5%').head, 'contain');
    assert.equal(frame('Net income fell 23% to $412 million.', '$412 million').head, 'net income');
    assert.equal(frame('Officials said 3,000 injured.', '3,000').head, 'injure');
    // A noun glued to the figure by a hyphen is what it counts, whatever noun follows.
    assert.equal(frame('The 64-page coalition agreement was signed.', '64').head, 'page');
    assert.equal(frame('It approved an 11.6-mile light-rail line.', '11.6').head, 'mile');
    // A plural noun after a nationality or before an auxiliary is not a verb ("troops", "soldiers").
    assert.equal(frame('About 10,000 North Korean troops are reported to be there.', '10,000').head, 'troop');
    assert.equal(frame('About 4,700 French soldiers had been hurt.', '4,700').head, 'soldier');
    assert.equal(frame('A force of 12,000 French soldiers heading south.', '12,000').head, 'soldier');
    // A plural noun that ends the subject, right before its verb or its prepositional phrase, is a noun.
    assert.equal(frame('Five academy graduates made their debuts.', 'Five').head, 'graduate');
    assert.equal(frame('Home league crowds at Marlow Road averaged 39,600.', '39,600').subject, 'crowd');
    assert.equal(frame('The bakery sells 400 loaves a day.', '400').verb, 'sell');
  });
  it('read a time that only says when another figure held as setting it, not as a claim', () => {
    assert.ok(frame('By July 2024 the project was 38% complete.', 'July 2024').setting);
    assert.ok(frame('Support had fallen to 61% two years later.', 'two years').setting);
    assert.ok(frame('Rain of 20 mm fell at the start of September.', 'September').setting);
    assert.ok(!frame('The line opened on August 16, 2027.', 'August 16, 2027').setting, 'the time of an event');
    assert.ok(!frame('Results on 300 patients are due by 2028.', '2028').setting, 'a deadline');
    assert.ok(!frame('Survival was 12.2 months on the higher dose.', '12.2 months').setting);
  });
  it('carry the nouns of the sentence before into one that points back to it', () => {
    const text = 'Police would remain the largest item. The department’s budget would grow to $184.6 million.';
    const terms = frame(text, '$184.6 million').terms;
    assert.ok((terms.get('police') ?? 0) > 0 && (terms.get('police') ?? 0) < (terms.get('budget') ?? 0));
    assert.equal(frame('Police would remain the largest item. Parks would get $9 million.', '$9 million').terms.get('police'), undefined);
  });
  it('read "a 42% reduction in deaths" as a change in deaths', () => {
    const f = frame('The drug brought a 42% reduction in deaths.', '42%');
    assert.equal(f.head, 'death');
    assert.ok(f.mods & 32, 'a change');
    assert.equal(frame('The payout was lifted to 46 cents, an increase of 9.5%.', '9.5%').head, undefined);
  });
  it('read a change or an earlier value that follows a figure as about that figure', () => {
    const text = 'The firm posted revenue of $2.71 billion for the quarter ended March 30, down 4.9% from $2.85 billion a year earlier.';
    assert.deepEqual([frame(text, '4.9%').head, frame(text, '4.9%').verb], ['revenue', 'fall']);
    assert.deepEqual([frame(text, '$2.85 billion').head, frame(text, '$2.85 billion').verb], ['revenue', 'post']);
    // A change that names its own thing keeps it.
    assert.equal(frame('Revenue hit $2.9 billion, with a 12% rise in costs.', '12%').head, 'cost');
  });
  it('read the predicate, the rate, the label and the modifiers', () => {
    assert.equal(frame('The company employs about 18,000 people.', '18,000').verb, 'employ');
    assert.equal(frame('Suppression costs $3.2 million a day.', '$3.2 million').per, 'day');
    assert.equal(frame('It works out at about €85,700 for each of the 14,000 homes.', '€85,700').per, 'home');
    assert.equal(frame('That is roughly €1.24 for every registered voter.', '€1.24').per, 'voter');
    assert.equal(frame('It cites Article 51 of the Charter.', '51').label, 'article');
    // A name's last word is no label and no modifier: "Varnholm First" is a party, not the first of anything.
    for (const text of ['Varnholm First 186,182 15.8%', "Varnholm First's 186,182 votes were almost double.", 'Varnholm First won 186,182 votes.']) {
      const f = frame(text, '186,182');
      assert.equal(f.label, undefined, text);
      assert.equal(f.mods & 1, 0, text);
    }
    assert.ok(frame('The first 1,500 arrived in October.', '1,500').mods & 1, 'the first of a group');
    assert.ok(frame('Revenue rose 12% from a year earlier.', '12%').mods & 32, 'a change');
    assert.ok(frame('Sales reached $2.9 billion, up from $2.8 billion a year earlier.', '$2.8 billion').mods & 16, 'the prior value');
  });
  it('weigh a rate per one thing against a rate per another, but never against another period', () => {
    const perVoter = frame('That is roughly €1.24 for every registered voter.', '€1.24');
    assert.ok(comparable(frame('The limit is about €1.24 for each person.', '€1.24'), perVoter));
    assert.ok(!comparable(frame('The limit is about €1.24 in all.', '€1.24'), perVoter));
    assert.ok(!comparable(frame('Crews cost $3.2 million a day.', '$3.2 million'), frame('Crews cost $3.2 million a week.', '$3.2 million')));
  });
  it('tell whose figure it is from an owner or the subject, not from who reports it', () => {
    assert.equal(frame('Around 12,000 Russian troops were moved.', '12,000').party, 'russian');
    assert.equal(frame('Northwind opened 35 stores.', '35').party, 'northwind');
    assert.equal(frame("Seoul's spy agency said some 3,000 soldiers arrived.", '3,000').party, undefined);
  });
  it('pair figures with their things by "respectively"', () => {
    const text = 'The first wave and the reinforcements are put at 1,500 and 10,500 soldiers, respectively.';
    const first = frame(text, '1,500');
    const second = frame(text, '10,500');
    assert.ok(first.respectively && second.respectively);
    assert.ok(first.terms.has('wave') && !first.terms.has('reinforcement'));
    assert.ok(second.terms.has('reinforcement') && !second.terms.has('wave'));
  });
});

describe('another story, checked against its own sources', () => {
  const engine = Engine.load({ corpusDirs: [join(__dirname, '../../examples/other-topic/sources')], bundledCorpus: false });
  const check = (text: string) => engine.check(text, { format: 'markdown' });

  it('flags a wrong figure in the source’s own words, and supports a right one', () => {
    const [wrong] = check('The grocer now employs about 25,000 people.');
    assert.equal(wrong.verdict, 'mismatch');
    assert.match(wrong.message, /^Sources say about 18,000 people, not 25,000 \(results-2024: ".*employs about 18,000 people/);
    assert.deepEqual(wrong.replacements, ['18,000']);
    assert.equal(wrong.measureId, undefined, 'no built-in measure reads another story');
    const [right] = check('Northwind Foods reported revenue of $4.2 billion for 2024.').filter((f) => f.text === '$4.2 billion');
    assert.equal(right.verdict, 'supported');
    assert.equal(right.evidence[0].document, 'results-2024');
  });
  it('does not flag a time that only sets when another figure held', () => {
    const [date, share] = check('By 2021 the grocer had opened 35 new stores.');
    assert.equal(date.verdict, 'unverified');
    assert.equal(share.text, '35');
  });
  it('leaves a figure about something the sources never count unverified', () => {
    const [f] = check('The chain runs 12 distribution centres.');
    assert.equal(f.verdict, 'unverified');
  });
});

describe('figures that changed over time', () => {
  const engine = Engine.load({ corpusDirs: [join(__dirname, '../fixtures/sets/transit/corpus')], bundledCorpus: false });
  const check = (text: string) => engine.check(text, { format: 'markdown' }).find((f) => f.kind === 'percent')!;

  it('weighs a claim as of a year against the newest figure from that year or before', () => {
    // The July 2024 report said 38% complete, the April 2025 one 71%.
    const then = check('By April 2025 construction was 38% complete.');
    assert.equal(then.verdict, 'mismatch');
    assert.match(then.message, /71%/);
    assert.deepEqual(then.replacements, ['71%']);
    assert.equal(check('By July 2024 construction was 38% complete.').verdict, 'supported');
  });
});

describe('finding the facts to weigh', () => {
  it('finds a fact by a word a few words from its figure', () => {
    // The source's "31% on chemotherapy" is found by "rate", six words before it.
    const engine = Engine.load({ corpusDirs: [join(__dirname, '../fixtures/sets/trial/corpus')], bundledCorpus: false });
    const found = engine.check('The objective response rate was 64% on the higher dose and 31% on chemotherapy.', { format: 'markdown' });
    assert.deepEqual(found.map((f) => [f.text, f.verdict]), [['64%', 'supported'], ['31%', 'supported']]);
  });

  it('flags a figure whose one likely source fact is far ahead of any other, though not likely on its own', () => {
    const engine = Engine.load({ corpusDirs: [join(__dirname, '../fixtures/sets/quarterly/corpus')], bundledCorpus: false });
    const [sales] = engine.check('European sales climbed to €850m in the April–June period.', { format: 'markdown' });
    assert.equal(sales.verdict, 'mismatch');
    assert.match(sales.message, /€805 million, not €850m/);
  });
  it('does not weigh a length of time against one of another scale', () => {
    const engine = Engine.load({ corpusDirs: [join(__dirname, '../fixtures/sets/transit/corpus')], bundledCorpus: false });
    const [trip] = engine.check('The trip from downtown to the airport takes 18 months.', { format: 'markdown' });
    assert.equal(trip.verdict, 'unverified');
    assert.doesNotMatch(trip.message, /minutes/);
  });
  it('weighs each figure of a very long draft against fewer facts', () => {
    assert.equal(candidateLimit(300), candidateLimit(2_000));
    assert.ok(candidateLimit(20_000) < candidateLimit(2_000) / 5 && candidateLimit(1e7) >= 1);
  });
});

describe('sources over time', () => {
  const engine = Engine.load({ corpusDirs: [join(__dirname, '../fixtures/sets/wildfire/corpus')], bundledCorpus: false });
  it('supports an earlier figure and names the newer one', () => {
    const [f] = engine.check('The fire killed two people, officials said.', { format: 'markdown' });
    assert.equal(f.verdict, 'supported');
    assert.match(f.message, /a newer source \(2024-09-10, 04_copper-ridge-fire-fully-contained\) says five/);
  });
  it('flags a figure called final or latest that a newer source has replaced', () => {
    const election = Engine.load({ corpusDirs: [join(__dirname, '../fixtures/sets/election/corpus')], bundledCorpus: false });
    const [final] = election.check('The final turnout figure was 61.4%.', { format: 'markdown' });
    assert.equal(final.verdict, 'mismatch');
    assert.match(final.message, /^The latest source \(2026-06-19\) says 62\.1%/);
    assert.deepEqual(final.replacements, ['62.1%']);
    const [provisional] = election.check('Turnout was 61.4% on the provisional count.', { format: 'markdown' });
    assert.equal(provisional.verdict, 'supported');
  });
  it('reads "from the 61.4%" as the earlier value of a change', () => {
    const text = 'The commission revised turnout to 62.1%, from the 61.4% announced on election night.';
    assert.ok(frame(text, '61.4%').mods & 16);
  });
  it('counts "people" as whoever the sources count', () => {
    const [f] = engine.check('Roughly 2,100 people remained displaced after the fire.', { format: 'markdown' });
    assert.equal(f.verdict, 'mismatch');
    assert.match(f.message, /about 1,200 residents, not 2,100/);
  });
});
