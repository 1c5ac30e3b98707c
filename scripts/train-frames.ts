// Learns how much each kind of frame evidence (match.ts pairFeatures) tells that a draft figure and a
// source figure are one fact, from the labelled sets in test/fixtures/sets/, and writes the logistic
// model the engine uses (server/src/engine/frames/frameModel.json).
//
//   npx tsx scripts/train-frames.ts [--check]     (--check: leave-one-set-out ranking accuracy only)
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Engine } from '../server/src/engine';
import { compareFigures } from '../server/src/engine/compare';
import { typedFigures } from '../server/src/engine/corpusIndex';
import { FEATURES, comparable, pairFeatures } from '../server/src/engine/frames/match';
import type { Fact } from '../server/src/engine/types';
import type { Topic } from '../server/src/engine/topic';

interface Expect {
  figure: string;
  label: string;
  nth?: number;
  docs?: string[];
  correct?: (string | number)[];
}

const SETS = join(__dirname, '../test/fixtures/sets');
const MODEL = join(__dirname, '../server/src/engine/frames/frameModel.json');

/** The corpus a set is judged against: its own folder, with the bundled corpus unless it brings a topic of its own. */
function setEngine(name: string): Engine {
  const dir = join(SETS, name, 'corpus');
  if (!existsSync(dir)) return Engine.load({});
  const bundled = JSON.parse(readFileSync(join(SETS, name, 'cases.json'), 'utf8')).bundledCorpus === true;
  return Engine.load({ corpusDirs: [dir], bundledCorpus: bundled });
}

/** Whether a fact is the one a labelled figure is about: the source it cites agreeing, or the value it should have. */
function isReferent(x: Expect, fact: Fact, agrees: boolean): boolean {
  if (x.label === 'S') return agrees && (x.docs ?? []).some((d) => fact.document.id.startsWith(d));
  if (x.label !== 'M') return false;
  const values = (x.correct ?? []).filter((v): v is number => typeof v === 'number');
  const f = fact.figure;
  return values.some((v) => [1, 1e3, 1e6, 1e9].some((scale) => [f.low, f.high].some((fv) => Math.abs(fv / scale - v) < 1e-6 * Math.max(1, v))));
}

/** One labelled figure: the features of every source fact it could be about, and which of them it is about (none for U). */
interface Group {
  set: string;
  xs: number[][];
  ys: number[];
}

function groups(): Group[] {
  const out: Group[] = [];
  for (const set of readdirSync(SETS)) {
    const engine = setEngine(set);
    const index = (engine as unknown as { index: { framed: { facts: Fact[] }; weights: never; facts(m: string): Fact[]; topic?: Topic } }).index;
    const { cases } = JSON.parse(readFileSync(join(SETS, set, 'cases.json'), 'utf8')) as { cases: { text: string; expect: Expect[] }[] };
    for (const c of cases) {
      const figures = typedFigures(index.topic, c.text, 'markdown');
      for (const x of c.expect) {
        if (!'SMU'.includes(x.label)) continue;
        let pos = -1;
        for (let k = 0; k < (x.nth ?? 1); k++) pos = c.text.indexOf(x.figure, pos + 1);
        const f = figures.find((g) => g.start < pos + x.figure.length && g.end > pos);
        // Figures the measure rules or the grammar decide are not the frame model's to learn from.
        if (!f || f.notAClaim || f.vague || (f.measure && index.facts(f.measure).length)) continue;
        const pairs = index.framed.facts.filter((fact) => comparable(f.frame, fact.figure.frame));
        const ys = pairs.map((fact) => (isReferent(x, fact, compareFigures(f, fact.figure, 0.1) === 'agree') ? 1 : 0));
        if (x.label !== 'U' && !ys.some((y) => y)) continue;
        out.push({ set, xs: pairs.map((fact) => pairFeatures(f.frame, fact.figure.frame, index.weights)), ys });
      }
    }
  }
  return out;
}

/**
 * A conditional logit over each figure's candidate facts plus "none of them": the weights that make
 * the facts a figure is about outscore the rest. L2-regularised, by gradient descent. A fact's score
 * against "none" (the bias) is what the engine reads as its similarity.
 */
function fit(data: Group[]): { bias: number; weights: number[] } {
  const n = FEATURES.length;
  const w = new Array(n).fill(0);
  let none = 0;
  for (let epoch = 0; epoch < 1500; epoch++) {
    const gw = new Array(n).fill(0);
    let gn = 0;
    for (const g of data) {
      const scores = g.xs.map((x) => x.reduce((z, v, k) => z + w[k] * v, 0));
      const max = Math.max(none, ...scores);
      const e = scores.map((z) => Math.exp(z - max));
      const eNone = Math.exp(none - max);
      const total = eNone + e.reduce((a, b) => a + b, 0);
      const target = g.ys.some((y) => y) ? e.reduce((a, v, j) => a + (g.ys[j] ? v : 0), 0) : eNone;
      // Gradient of -log P(target): model probability minus the target's share of it.
      g.xs.forEach((x, j) => {
        const p = e[j] / total;
        const q = g.ys[j] ? e[j] / target : 0;
        for (let k = 0; k < n; k++) gw[k] += (p - q) * x[k];
      });
      gn += eNone / total - (g.ys.some((y) => y) ? 0 : 1);
    }
    for (let k = 0; k < n; k++) w[k] -= 0.2 * (gw[k] / data.length + 0.01 * w[k]);
    none -= 0.2 * (gn / data.length);
  }
  const round = (v: number) => Math.round(v * 1000) / 1000;
  return { bias: round(-none), weights: w.map(round) };
}

const data = groups();
const sets = [...new Set(data.map((g) => g.set))];
console.log(`${data.length} labelled figures, ${data.reduce((a, g) => a + g.xs.length, 0)} pairs, from ${sets.join(', ')}`);
// Held-out check: trained without a set, how often is that set's top-scoring fact one the figure is about (or "none" for U)?
for (const held of sets) {
  const model = fit(data.filter((g) => g.set !== held));
  const test = data.filter((g) => g.set === held);
  let right = 0;
  for (const g of test) {
    const scores = g.xs.map((x) => x.reduce((z, v, k) => z + model.weights[k] * v, model.bias));
    const top = scores.length ? scores.indexOf(Math.max(...scores)) : -1;
    const picked = top >= 0 && scores[top] > 0 ? top : -1;
    if (picked >= 0 ? g.ys[picked] === 1 : !g.ys.some((y) => y)) right++;
  }
  console.log(`held out ${held.padEnd(11)} right referent for ${((100 * right) / Math.max(1, test.length)).toFixed(0)}% of ${test.length} figures`);
}
if (!process.argv.includes('--check')) {
  const model = fit(data);
  writeFileSync(MODEL, JSON.stringify({ features: FEATURES, ...model }, null, 2) + '\n');
  console.log(FEATURES.map((f, k) => `${f} ${model.weights[k]}`).join(', '), `bias ${model.bias}`);
}
