// `npm run test:mutation [-- --mutate GLOB] [-- --spec FILE]`: Stryker (stryker.config.mjs) over the
// engine, CLI, language server and config, then the mutation score of each folder. Stryker's `break`
// threshold fails a run below 70% overall; this script also fails it when the engine is below 80%.
// --mutate (repeatable, Stryker's own) limits the mutants to some modules; --spec (repeatable) runs
// only those test files, for a quick look at one module.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const REPORT = 'reports/mutation/mutation.json';
const FLOORS = { 'server/src/engine': 80 };
const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

const stryker = [];
const specs = [];
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--spec') specs.push(args[++i]);
  else stryker.push(args[i]);
}
rmSync(REPORT, { force: true });
const env = specs.length ? { ...process.env, FACTLINT_MUTATION_SPECS: specs.join(',') } : process.env;
const run = spawnSync('npx', ['stryker', 'run', ...stryker], { stdio: 'inherit', env });
if (!existsSync(REPORT)) process.exit(run.status ?? 2);

// Stryker's score: detected / (detected + undetected); mutants that do not compile are not counted.
const folders = new Map();
for (const [file, { mutants }] of Object.entries(JSON.parse(readFileSync(REPORT, 'utf8')).files)) {
  const folder = file.split('/').slice(0, 3).join('/');
  const count = folders.get(folder) ?? { detected: 0, undetected: 0 };
  for (const m of mutants) {
    if (DETECTED.has(m.status)) count.detected++;
    else if (UNDETECTED.has(m.status)) count.undetected++;
  }
  folders.set(folder, count);
}
let failed = false;
console.log('\nMutation score per folder:');
for (const [folder, { detected, undetected }] of [...folders].sort()) {
  const score = (100 * detected) / Math.max(1, detected + undetected);
  const floor = FLOORS[folder];
  const low = floor !== undefined && score < floor;
  failed ||= low;
  console.log(`  ${folder.padEnd(20)} ${score.toFixed(1).padStart(5)}%  (${detected} of ${detected + undetected} mutants detected)${low ? `  below ${floor}%` : ''}`);
}
process.exit(run.status || (failed ? 1 : 0));
