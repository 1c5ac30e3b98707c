// `npm run fuzz`: the robustness properties of test/robustness/properties.ts on 100,000 random cases,
// seeded. Not part of `npm test` or CI (it takes minutes). A failure prints its seed and the command
// that replays it.
//
//   npm run fuzz                                   a new seed, 100,000 cases
//   npm run fuzz -- --seed 42 --runs 1000          a given seed and number of cases
//   npm run fuzz -- --seed 42 --only drafts --path 3:1:0   replays one failure
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { Engine } from '../../server/src/engine';
import { properties } from '../robustness/properties';

// Shares of the cases: drafts are cheap; corpora and configs write files and load engines.
const SHARES = { drafts: 0.9, corpora: 0.05, configs: 0.05 };
type Name = keyof typeof SHARES;

const { values } = parseArgs({
  options: { seed: { type: 'string' }, runs: { type: 'string', default: '100000' }, only: { type: 'string' }, path: { type: 'string' } },
});
const seed = values.seed !== undefined ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31);
const runs = Number(values.runs);
const names = (values.only ? [values.only] : Object.keys(SHARES)) as Name[];
if (!Number.isInteger(seed) || !Number.isInteger(runs) || runs < 1 || names.some((n) => !(n in SHARES))) {
  console.error(`usage: npm run fuzz -- [--seed N] [--runs N] [--only ${Object.keys(SHARES).join('|')}] [--path P]`);
  process.exit(2);
}

console.log(`fuzz: seed ${seed}, ${runs.toLocaleString('en')} cases`);
const props = properties(Engine.load({}));
let cases = 0;
let failures = 0;
for (const name of names) {
  const numRuns = values.only ? runs : Math.round(runs * SHARES[name]);
  const started = Date.now();
  const details = fc.check(props[name], { seed, numRuns, path: values.path, endOnFailure: true });
  cases += details.numRuns;
  const took = `${((Date.now() - started) / 1000).toFixed(0)} s`;
  if (!details.failed) {
    console.log(`  ${name}: ${details.numRuns.toLocaleString('en')} cases, no failure (${took})`);
    continue;
  }
  failures++;
  console.log(`  ${name}: FAILED after ${details.numRuns.toLocaleString('en')} cases (${took}), seed ${seed}, path ${details.counterexamplePath}`);
  console.log(`    counterexample: ${fc.stringify(details.counterexample)}`);
  console.log(`    ${String(details.errorInstance).split('\n')[0]}`);
  console.log(`    replay: npm run fuzz -- --seed ${seed} --only ${name} --path ${details.counterexamplePath}`);
}
console.log(`fuzz: ${cases.toLocaleString('en')} cases, ${failures} failing propert${failures === 1 ? 'y' : 'ies'}`);
process.exit(failures ? 1 : 0);
