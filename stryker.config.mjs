// Mutation testing (`npm run test:mutation`, through scripts/mutation.mjs; too slow for every CI run,
// so not in .ci/run). Stryker plants small bugs in the engine, CLI, language server and config and runs
// the tests; a bug no test notices is a hole in the suite.
//
// The command runner, not the mocha runner: @stryker-mutator/mocha-runner does not load Mocha 12, and
// Stryker 10 needs Node 22. It has a bonus: dist/ is bundled from the mutated sources (buildCommand),
// and the active mutant reaches the CLI and language server the tests spawn through the environment,
// so the CLI and LSP protocol tests count too.

/** Fast specs first: with --bail the run stops at the first failing test. */
export const SPECS = [
  'test/unit/compare.test.ts',
  'test/unit/figures.test.ts',
  'test/unit/measures.test.ts',
  'test/unit/present.test.ts',
  'test/unit/segment.test.ts',
  'test/unit/corpus.test.ts',
  'test/unit/frames.test.ts',
  'test/unit/check.test.ts',
  'test/unit/hover.test.ts',
  'test/unit/definition.test.ts',
  'test/grammar/figures.test.ts',
  'test/cli/format.test.ts',
  'test/cli/progress.test.ts',
  'test/cli/suppress.test.ts',
  'test/cli/config.test.ts',
  'test/lsp/settings.test.ts',
  'test/cli/cli.test.ts',
  'test/lsp/markdown.test.ts',
  'test/lsp/server.test.ts',
  'test/unit/robustness.test.ts',
  'test/unit/labelled.test.ts',
];

/** scripts/mutation.mjs narrows the specs for a quick run (--spec). */
const specs = process.env.FACTLINT_MUTATION_SPECS?.split(',') ?? SPECS;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: ['server/src/{engine,cli,lsp,config}/**/*.ts'],
  testRunner: 'command',
  // Mocha in one process with tsx loaded (npx and --node-option would start two per mutant).
  commandRunner: { command: `node --import tsx node_modules/mocha/bin/mocha.js --no-config --bail --timeout 120000 ${specs.join(' ')}` },
  buildCommand: 'node scripts/build.mjs',
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  // The machine is shared; raise it with --concurrency where there are cores to spare.
  concurrency: 1,
  thresholds: { high: 85, low: 70, break: 70 },
  reporters: ['progress', 'clear-text', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  ignorePatterns: ['dist', 'out', 'reports', '.vscode-test', '*.vsix', '.factlint-cache'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
