import fc from 'fast-check';
import { Engine } from '../../server/src/engine';
import { properties } from '../robustness/properties';

// A few thousand random cases on every run; `npm run fuzz` runs a hundred thousand.
const RUNS = { drafts: 2500, corpora: 150, configs: 250 };

describe('robustness properties (fast-check)', () => {
  const props = properties(Engine.load({}));
  for (const [name, runs] of Object.entries(RUNS) as [keyof typeof RUNS, number][])
    it(`${name}: ${runs} random cases never throw, keep every finding at its text, and take time in proportion to size`, function () {
      this.timeout(240_000);
      fc.assert(props[name], { numRuns: runs, seed: Number(process.env.SEED ?? 9) });
    });
});
