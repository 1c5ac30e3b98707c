// `npm run bench -- --scale`: index time, check time and peak memory for a 10k-word draft against
// 100 to 100,000 generated documents, in memory (cold, then with the index cache warm) and, given
// FACTLINT_STORE or --store <url>, in PostgreSQL. Each measurement runs in a process of its own, so
// its peak memory is its own. Figures only; nothing is asserted.
//   npm run bench -- --scale [--sizes 100,1000] [--store postgres://…]
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Engine } from '../../server/src/engine';
import { loadCorpus } from '../../server/src/engine/corpus';
import { PgStore } from '../../server/src/store/pgStore';
import { generateCorpus } from './corpus';
import { generateDraft } from './draft';

/** Distinct texts at most; a larger archive files each of them again (syndicated copy), as real archives do. */
const MAX_DISTINCT = 10_000;

interface Measure {
  indexMs: number;
  checkMs: number;
  peakMiB: number;
  findings: number;
}

/** One measurement, in this process: `mode` is memory (with `cache`) or store (with its URL). */
async function measureOne(mode: string, dir: string, draftFile: string, where: string): Promise<Measure> {
  const draft = fs.readFileSync(draftFile, 'utf8');
  const t0 = performance.now();
  let check: () => Promise<unknown[]>;
  let close = async () => undefined as unknown;
  if (mode === 'memory') {
    const engine = Engine.load({ corpusDirs: [dir], bundledCorpus: false, cacheDir: where });
    check = async () => engine.check(draft, { format: 'markdown' });
  } else {
    const store = new PgStore(where);
    await store.index(loadCorpus({ corpusDirs: [dir], bundledCorpus: false }), [dir]);
    const engine = Engine.load({ bundledCorpus: false });
    check = () => engine.checkWithStore(draft, { format: 'markdown' }, store);
    close = () => store.close();
  }
  const t1 = performance.now();
  const findings = await check();
  const t2 = performance.now();
  await close();
  return { indexMs: t1 - t0, checkMs: t2 - t1, peakMiB: process.resourceUsage().maxRSS / 1024, findings: findings.length };
}

function corpusOf(size: number, root: string): string {
  const texts = generateCorpus(Math.min(size, MAX_DISTINCT));
  const dir = path.join(root, `corpus-${size}`);
  fs.mkdirSync(dir);
  const names = fs.readdirSync(texts).sort();
  for (let i = 0; i < size; i++) fs.copyFileSync(path.join(texts, names[i % names.length]), path.join(dir, `doc-${String(i).padStart(6, '0')}.txt`));
  fs.rmSync(texts, { recursive: true, force: true });
  return dir;
}

/** Empties the store's tables, so each size is loaded from nothing. */
async function emptyStore(url: string): Promise<void> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ name: string }>(`select tablename as name from pg_tables where tablename like 'factlint\\_%'`);
  if (rows.length) await client.query(`drop table ${rows.map((r) => r.name).join(', ')} cascade`);
  await client.end();
}

export async function benchScale(args: string[]): Promise<void> {
  const one = args.indexOf('--scale-one');
  if (one >= 0) {
    const [mode, dir, draft, where] = args.slice(one + 1);
    process.stdout.write(JSON.stringify(await measureOne(mode, dir, draft, where)));
    return;
  }
  const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const sizes = (opt('--sizes') ?? '100,1000,10000,100000').split(',').map(Number);
  const store = opt('--store') ?? process.env.FACTLINT_STORE;
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'factlint-scale-'));
  const draft = path.join(root, 'draft.md');
  fs.writeFileSync(draft, generateDraft(10_000, 1, 2 / 3));
  const run = (mode: string, dir: string, where: string): Measure =>
    JSON.parse(execFileSync(process.execPath, ['--max-old-space-size=12000', __filename, '--scale-one', mode, dir, draft, where], { encoding: 'utf8', maxBuffer: 1 << 24 }));
  const row = (label: string, m: Measure) =>
    console.log(`${label.padEnd(34)} index ${m.indexMs.toFixed(0).padStart(8)} ms  check ${m.checkMs.toFixed(0).padStart(7)} ms  peak ${m.peakMiB.toFixed(0).padStart(6)} MiB  (${m.findings} figures)`);
  console.log(`10k-word draft; corpora of generated ~600-word documents (at most ${MAX_DISTINCT.toLocaleString('en-US')} distinct texts, then filed again)`);
  try {
    for (const size of sizes) {
      const dir = corpusOf(size, root);
      const n = size.toLocaleString('en-US');
      const cache = path.join(root, `cache-${size}`);
      row(`${n} docs, in memory, cold`, run('memory', dir, cache));
      row(`${n} docs, in memory, cache warm`, run('memory', dir, cache));
      if (store) {
        await emptyStore(store);
        row(`${n} docs, PostgreSQL (load + check)`, run('store', dir, store));
      }
      fs.rmSync(dir, { recursive: true, force: true });
    }
    if (!store) console.log('(set FACTLINT_STORE or pass --store postgres://… for the PostgreSQL rows)');
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}
