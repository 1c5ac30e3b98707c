// Bundles every entry point with esbuild into dist/ (CommonJS, Node 20). `--watch` rebuilds on change.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { writeConfigValidator } from './configValidator.mjs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

/** Options every bundle shares (scripts/e2e/build.mjs bundles the e2e suite with them too). */
export const common = {
  outdir: 'dist',
  // FACTLINT_VERSION: server/src/cli/version.ts, without bundling all of package.json.
  define: { FACTLINT_VERSION: JSON.stringify(version) },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // Minified, with source maps (not packaged) for stack traces.
  minify: true,
  sourcemap: true,
  // pg loads pg-native only when asked for it (never here).
  external: ['vscode', 'pg-native'],
  logLevel: 'warning',
};

const ENGLISH_TABLE = 'server/generated/english.tsv';

/**
 * The engine's sources, frame model and English table, hashed: a persisted corpus index
 * (server/src/engine/fingerprint.ts) written by any other engine is not read.
 */
function engineHash() {
  const hash = createHash('sha256');
  const files = readdirSync('server/src/engine', { recursive: true }).map(String).filter((f) => /\.(ts|json)$/.test(f)).sort();
  for (const f of files) hash.update(`${f}\0`).update(readFileSync(`server/src/engine/${f}`));
  return hash.update(readFileSync(ENGLISH_TABLE)).digest('hex');
}

const builds = [
  // The two bins run straight from a shell.
  {
    ...common,
    entryPoints: { cli: 'server/src/cli/main.ts', server: 'server/src/server.ts' },
    banner: { js: '#!/usr/bin/env node' },
    // esbuild writes files without the execute bit; `npx factlint` needs it after every rebuild.
    plugins: [{ name: 'executable', setup: (b) => b.onEnd(() => ['dist/cli.js', 'dist/server.js'].forEach((f) => chmodSync(f, 0o755))) }],
  },
  // checkWorker: the server's worker thread, which runs the engine off its message loop.
  { ...common, entryPoints: { extension: 'client/src/extension.ts', checkWorker: 'server/src/lsp/checkWorker.ts', bench: 'test/bench/bench.ts' } },
];

// Builds only when run, not when imported for `common`.
if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  // The English word table the engine reads (scripts/english.mjs), derived once from WordNet and shipped beside the bundle.
  if (!existsSync(ENGLISH_TABLE)) execFileSync(process.execPath, ['scripts/english.mjs', ENGLISH_TABLE], { stdio: 'inherit' });
  mkdirSync('dist', { recursive: true });
  copyFileSync(ENGLISH_TABLE, 'dist/english.tsv');
  writeConfigValidator('server/generated/configValidator.js');
  const define = { ...common.define, FACTLINT_ENGINE_HASH: JSON.stringify(engineHash()) };
  for (const b of builds) b.define = define;
  if (process.argv.includes('--watch')) {
    for (const b of builds) await (await esbuild.context(b)).watch();
  } else {
    await Promise.all(builds.map((b) => esbuild.build(b)));
  }
}
