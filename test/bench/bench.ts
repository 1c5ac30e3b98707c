// `npm run bench`: prints how long the engine takes on generated drafts. Figures only; nothing is asserted.
// `npm run bench -- --scale`: the corpus scale curve (scale.ts).
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Engine } from '../../server/src/engine';
import { generateCorpus } from './corpus';
import { generateDraft } from './draft';
import { benchEditor } from './editor';
import { benchScale } from './scale';
import { benchDraftTree } from './tree';

function time<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const out = fn();
  return [out, performance.now() - t0];
}

/** Median of `runs` timings, after one warm-up. */
function median(runs: number, fn: () => unknown): number {
  fn();
  const ts = Array.from({ length: runs }, () => time(fn)[1]).sort((a, b) => a - b);
  return ts[Math.floor(ts.length / 2)];
}

/** The engine's own figures: corpus load, drafts of three sizes and two densities, a user corpus, a tree of drafts. */
async function benchEngine(): Promise<void> {
  const [engine, loadMs] = time(() => Engine.load({}));
  console.log(`corpus: ${engine.documents.length} documents loaded and indexed in ${loadMs.toFixed(1)} ms (once per engine)`);
  // Fact-dense drafts (every sentence a figure or two) and typical reporting (two sentences in three
  // without a figure), so the cost per figure and the cost per word both show.
  for (const [kind, proseShare] of [['dense', 0], ['typical', 2 / 3]] as const) {
    for (const words of [1_000, 10_000, 100_000]) {
      const draft = generateDraft(words, 1, proseShare);
      const ms = median(words >= 100_000 ? 5 : 15, () => engine.check(draft, { format: 'markdown' }));
      const figures = engine.check(draft, { format: 'markdown' }).length;
      console.log(`check ${String(words).padStart(7)}-word ${kind.padEnd(7)} draft: ${ms.toFixed(1).padStart(7)} ms  (${figures} figures, ${(ms / (words / 1000)).toFixed(2)} ms per 1k words)`);
    }
  }

  // A user's own corpus of 1,000 documents (read by frame alone): how long it takes to index, and to
  // check a 10k-word draft against it.
  {
    const dir = generateCorpus(1000);
    const [big, indexMs] = time(() => Engine.load({ corpusDirs: [dir], bundledCorpus: false }));
    const draft = generateDraft(10_000, 1, 2 / 3);
    const ms = median(3, () => big.check(draft, { format: 'markdown' }));
    console.log(`corpus of 1,000 generated documents: indexed in ${indexMs.toFixed(0)} ms; 10000-word typical draft checked in ${ms.toFixed(0)} ms`);
    fs.rmSync(dir, { recursive: true, force: true });
  }

  // Issue 4's whole-repository run: 1,000 drafts through the CLI core, summary checked.
  for (const line of await benchDraftTree(1000)) console.log(line);

  // Issue 11's editor figures: one edit's compute against a full check, and the language server's latency.
  for (const line of await benchEditor(engine)) console.log(line);
}

// `--scale` (and the per-measurement child processes it starts) prints the scale curve instead.
void (process.argv.some((a) => a.startsWith('--scale')) ? benchScale(process.argv.slice(2)) : benchEngine());
