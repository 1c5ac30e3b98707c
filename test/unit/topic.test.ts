import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from '../../server/src/engine';
import { FactlintError } from '../../server/src/engine/errors';
import { readTopic, repeatsARepeat } from '../../server/src/engine/topic';

// Another story's topic, written the way a newsroom would: a grocer and a rival, and the one measure
// the grocer's reports give in many wordings, its staff.
const GROCER = {
  parties: [
    { id: 'northwind', label: "Northwind's", names: ['northwind(?: foods)?(?:[\'’]s)?', 'the grocer'] },
    { id: 'southgate', label: "Southgate's", names: ['southgate(?:[\'’]s)?'] },
  ],
  actor: 'northwind',
  nounClasses: [{ class: 'personnel', nouns: ['people', 'staff', 'employees', 'workers'] }],
  cues: { possession: ['employs', 'has'], size: ['workforce', 'headcount'] },
  measures: [{ id: 'staff', label: "Northwind's staff", noun: 'people', kind: 'count', phrase: 'Northwind employs {} people' }],
  rules: { personnel: { forcesSize: 'staff' } },
};

function corpusWith(topic: unknown, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'factlint-topic-'));
  writeFileSync(join(dir, 'results.txt'), text);
  writeFileSync(join(dir, 'corpus.json'), JSON.stringify({ documents: [{ id: 'results', title: 'Results' }], topic }));
  return dir;
}

describe('a corpus topic (corpus.json "topic")', () => {
  const dirs: string[] = [];
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it("types another story's figures by its own measures, and states the sources in the measure's words", () => {
    const dir = corpusWith(GROCER, 'Northwind Foods opened 35 stores in 2024. The grocer now employs about 18,000 people across five states.');
    dirs.push(dir);
    const engine = Engine.load({ corpusDirs: [dir], bundledCorpus: false });
    const [claim] = engine.check('Northwind keeps growing. It employs about 25,000 people.', { format: 'markdown' });
    assert.equal(claim.verdict, 'mismatch');
    assert.equal(claim.measure, "Northwind's staff");
    assert.match(claim.message, /^Sources say Northwind employs about 18,000 people, not 25,000 \(/);
    const [support] = engine.check('Northwind has roughly 18,000 employees.', { format: 'markdown' });
    assert.equal(support.verdict, 'supported');
    assert.equal(support.measure, "Northwind's staff");
    // The rival's staff are not the grocer's: the topic's measure does not take them.
    const [rival] = engine.check('Southgate employs about 25,000 people.', { format: 'markdown' });
    assert.notEqual(rival.measure, "Northwind's staff");
  });

  it('names the file and the place of what is wrong in a topic', () => {
    const wrong: [unknown, RegExp][] = [
      [{ ...GROCER, actor: 'eastfield' }, /topic\.actor names no party \(northwind, southgate\)/],
      [{ ...GROCER, parties: [{ ...GROCER.parties[0], names: ['north(wind'] }, GROCER.parties[1]] }, /topic\.parties\[0\]\.names\[0\] is not a valid pattern/],
      [{ ...GROCER, parties: [{ ...GROCER.parties[0], names: ['(north\\w+)+'] }, GROCER.parties[1]] }, /topic\.parties\[0\]\.names\[0\] repeats a group/],
      [{ ...GROCER, rules: { personnel: { forcesSize: 'stores' } } }, /topic\.rules\.personnel\.forcesSize names no measure/],
      [{ ...GROCER, cues: { staffing: ['hires'] } }, /topic\.cues\.staffing is not a cue class/],
      [{ ...GROCER, measures: [{ ...GROCER.measures[0], phrase: 'Northwind employs people' }] }, /topic\.measures\[0\]\.phrase must hold \{\}/],
      [{ ...GROCER, nounClasses: 'people' }, /topic\.nounClasses must be a list/],
      [{ aliases: [['Copper Ridge Fire']] }, /topic\.aliases\[0\] must be a list of two or more names/],
      [{ measures: GROCER.measures }, /topic\.actor is needed with measures/],
      [{ actor: 'northwind' }, /topic\.actor names no party \(there are none\)/],
    ];
    for (const [topic, message] of wrong) {
      const dir = corpusWith(topic, 'Northwind employs 18,000 people.');
      dirs.push(dir);
      assert.throws(
        () => Engine.load({ corpusDirs: [dir], bundledCorpus: false }),
        (e: unknown) => e instanceof FactlintError && e.message.includes(join(dir, 'corpus.json')) && message.test(e.message),
        String(message),
      );
    }
  });

  it('reads a topic as written, and keeps it with its documents', () => {
    assert.deepEqual(readTopic(GROCER, 'corpus.json'), GROCER);
    const dir = corpusWith(GROCER, 'Northwind employs 18,000 people.');
    dirs.push(dir);
    const [doc] = Engine.load({ corpusDirs: [dir], bundledCorpus: false }).documents;
    assert.deepEqual(doc.topic, GROCER);
  });

  it("reads a story's aliases as one name, in a topic that gives nothing else", () => {
    const sources = 'The Copper Ridge Fire had burned 12,400 acres by Tuesday, fire officials said. Farther south, the Ashby Fire had burned 3,100 acres.';
    const claim = 'Crews said the Hollister blaze covered 3,100 acres.';
    const verdict = (topic: unknown) => {
      const dir = corpusWith(topic, sources);
      dirs.push(dir);
      return Engine.load({ corpusDirs: [dir], bundledCorpus: false }).check(claim, { format: 'markdown' })[0];
    };
    // Without the alias the blaze may be either fire, and the Ashby Fire's 3,100 acres agree.
    assert.equal(verdict({}).verdict, 'supported');
    const named = verdict({ aliases: [['Copper Ridge Fire', 'the Hollister blaze']] });
    assert.equal(named.verdict, 'mismatch');
    assert.match(named.message, /^Sources say 12,400 acres, not 3,100/);
  });

  it('refuses patterns that repeat a repeat or alternatives, and only those', () => {
    for (const p of ['(a+)+', '(?:a|ab)*', '(\\w+\\s?)+x', '(?:x(?:y+))+', '(a+){2,}']) assert.equal(repeatsARepeat(p), true, p);
    for (const p of ['north korean?s?', '(?:[a-z-]+\\s+){0,2}', '[a+]+', '(ab)+', '\\(a+\\)+', 'kim jong[- ]?un', '(?:a|b)?']) assert.equal(repeatsARepeat(p), false, p);
  });
});
