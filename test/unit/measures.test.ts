import assert from 'node:assert/strict';
import { typedFigures } from '../../server/src/engine/corpusIndex';
import { bundledTopic } from '../bundledTopic';

/** The measure (or undefined) of each figure of a passage, by its text. */
function measures(text: string): Record<string, string | undefined> {
  return Object.fromEntries(typedFigures(bundledTopic, text, 'markdown').map((f) => [f.text, f.measure]));
}

// passage, figure, measure (undefined: measures nothing the sources know)
const CASES: [string, string, string | undefined][] = [
  ['North Korea has sent over 11,000 troops to join Russian forces.', '11,000', 'troops.sent'],
  ['These troops could eventually be a force of 12,000 North Korean soldiers.', '12,000', 'troops.sent'],
  ['Seoul says North Korea will send about 12,000 soldiers in total.', '12,000', 'troops.sent'],
  ['The first 1,500 North Korean special forces had arrived in Russia’s Far East.', '1,500', 'troops.firstWave'],
  ['About 1,500 North Korean special forces were sent to Russia for training.', '1,500', 'troops.firstWave'],
  ['An extra 10,500 soldiers are due to follow the first group.', '10,500', 'troops.additional'],
  ['1,500 troops arrived, with plans to deploy an additional 10,500 soldiers.', '1,500', 'troops.firstWave'],
  ['The elite unit consists of approximately 40,000 to 80,000 soldiers.', '40,000 to 80,000', 'corps.size'],
  ['The Storm Corps is an elite force. It is thought to have about 20,000 members.', '20,000', 'corps.size'],
  ["North Korea's deployment of 10,000 troops from its elite Storm Corps.", '10,000', 'troops.sent'],
  ['Up to thirty percent of the Storm Corps is being deployed.', 'thirty percent', 'corps.shareDeployed'],
  ['The soldiers sent make up 30% of the troops fighting in Kursk.', '30%', undefined],
  ['A 30 percent share of the Storm Corps has been deployed.', '30 percent', 'corps.shareDeployed'],
  ["The soldiers belong to North Korea's 11th Corps.", '11th', 'corps.number'],
  ["Russia's 3rd Army Corps holds the line.", '3rd', undefined],
  ['Reports indicate over 100 fatalities shortly after the troops arrived.', '100', 'nk.killed'],
  ['Roughly 1,000 North Korean soldiers were injured shortly after arriving.', '1,000', 'nk.injured'],
  ['Kyiv says 6,000 North Korean soldiers have been killed or wounded in Kursk.', '6,000', 'nk.casualties'],
  ['Washington says Russia has lost at least 60k soldiers, killed or wounded, since February 2022.', '60k', 'ru.casualties'],
  ['Washington says Russia has lost at least 60k soldiers, killed or wounded, since February 2022.', 'February 2022', 'invasion.start'],
  ['With Russia reportedly suffering over 1,000 casualties, Putin needs help.', '1,000', 'ru.casualties'],
  ['Ukraine has lost more than 20,000 soldiers.', '20,000', undefined],
  ['North Korea supplied around eight million artillery shells.', 'eight million', 'shells.supplied'],
  ['Russia fires 10,000 shells a day.', '10,000', undefined],
  ['Russia is suffering over 1,000 casualties a day.', '1,000', undefined],
  ['The Kremlin pays each North Korean soldier $2,000 per month.', '$2,000', undefined],
  ["Pyongyang's arms shipments are said to be worth 5.5 billion dollars.", '5.5 billion dollars', 'arms.value'],
  ['The U.S. has provided $60 billion in weapons to Ukraine.', '$60 billion', undefined],
  ["North Korea's military counts over a million soldiers.", 'a million', 'nk.militarySize'],
  ['South Korea has about 500,000 active-duty soldiers.', '500,000', undefined],
  ['The pact between Moscow and Pyongyang was signed in June.', 'June', 'pact.signed'],
  ['The Soviet Union stopped providing economic assistance in 1990.', '1990', 'sovietAid.ended'],
  ['Moscow cut off economic assistance in 1995.', '1995', 'sovietAid.ended'],
  ['Russia pledged economic aid to Pyongyang in 2024.', '2024', undefined],
  ['The first involvement since the Korean War armistice nearly seven decades ago.', 'seven decades', 'armistice.yearsSince'],
  ['A significant escalation in the nearly three-year-old conflict.', 'three-year-old', 'war.age'],
  ['Samsung hired 10,500 engineers in Seoul this year.', '10,500', undefined],
  ['Samsung sold 12,000 phones in Seoul last week.', '12,000', undefined],
  ['See page 11 of the report.', '11', undefined],
  ['North Korean troops moved out at 10:30 on Tuesday.', '10:30', undefined],
  ['Section 4 covers the 2 main scenarios in 3 pages.', '3', undefined],
  ['Ukraine says it captured 2 North Korean soldiers.', '2', undefined],
  ['The Storm Corp is elite. It has about 20,000 members.', '20,000', 'corps.size'],
];

describe('measure typing', () => {
  for (const [text, figure, measure] of CASES) {
    it(`"${figure}" in "${text}" → ${measure ?? 'nothing known'}`, () => {
      const got = measures(text);
      assert.ok(figure in got, `figure not found; found ${Object.keys(got).join(', ')}`);
      assert.equal(got[figure], measure);
    });
  }
  it('says why a figure measures nothing known', () => {
    const [f] = typedFigures(bundledTopic, 'Samsung hired 10,500 engineers.', 'markdown');
    assert.match(f.untypedReason ?? '', /engineers/);
  });
  it('offers the other waves for a count that names none', () => {
    const [f] = typedFigures(bundledTopic, 'North Korea sent 1,500 troops to Russia.', 'markdown');
    assert.equal(f.measure, 'troops.sent');
    assert.deepEqual(f.alternates, ['troops.firstWave', 'troops.additional']);
  });
});
