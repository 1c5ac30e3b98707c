// Robustness properties of the engine, shared by `npm test` (a few thousand cases) and `npm run fuzz`
// (a hundred thousand): random Markdown and prose drafts, random corpora in a temporary folder and
// random config files. Whatever the input, checking never throws, every finding's text is the draft's
// text at its range, claims are finite, and the time stays under a bound relative to the input's size.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { ConfigError, engineOptions, expandExtends, readConfigFile, resolveConfig } from '../../server/src/config';
import { Engine, FactlintError, type DocumentFormat, type EngineOptions } from '../../server/src/engine';
import { applySuppressions } from '../../server/src/engine/suppress';

// Pieces that stress the figure grammar, the sentence splitter and the Markdown parser.
const PIECES = [
  '1', '2', '0', '9', '1,500', '12,000', '3.5', '2024', '1e5', ',', '.', '-', '–', '—', ' ', '  ', '\n', '\n\n', '\r\n', '\r',
  '\t', '\u00A0', '$', '€', '%', '+', '~', 'k', 'm', 'bn', 'th', 'st', 'over ', 'up to ', 'about ', 'nearly ', 'between ',
  ' and ', ' to ', ' or more', 'more than ', 'troops', 'soldiers', 'killed', 'injured', 'wounded', 'sent ', 'deployed ',
  'North Korea', "North Korea's ", 'Russia', 'Ukraine', 'Storm Corps', 'the 11th Corps', 'Pyongyang', 'Kim', 'June',
  'May', 'spring', 'a ', 'an ', 'half', 'third', 'two-thirds', 'thousand', 'million', 'billion', 'dozens of ',
  'thousands of ', 'hundred', 'one', 'twelve', 'per cent', 'percent', 'dollars', 'a day', 'years', 'decades', 'It ',
  'They ', 'which ', ', which ', ', and ', ', while ', '; ', ': ', 'said ', 'according to ', 'Seoul says ', 'respectively',
  'Far East', 'in ', 'of the ', 'not ', 'rather than ', 'U.S.', 'Mr. ', 'e.g. ', '!', '?', '!!!', '...', '"', '“', '”',
  "'", '’', '(', ')', '[', ']', '[^1]', '[^', '[2]', '`', '```', '~~~', '<!--', '-->', '<!-- factlint-disable-line -->',
  '<!-- factlint-disable -->', '<!-- factlint-enable -->', '<b>', '</b>', '<script>', '&amp;', '&#49;', '<',
  '>', '> ', '- ', '* ', '+ ', '1. ', '2) ', '#', '## ', '---', '***', '|', '| a | b |\n|---|---|\n', '    ', '*', '**',
  '_', 'http://x.org/1500', 'www.x.org', 'a@b.c', '[link](http://x/2)', '![img](x.png)', '🇰🇵', '😀', '\u0000', '\uFFFD',
  '\uD800', 'é', 'İ', '١٢٣', '１２', '\u200B', '\u2028',
];

const piece = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...PIECES) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double({ noNaN: true }), fc.bigInt()).map(String) },
  // A run of one piece: long runs are where backtracking and nesting costs show.
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...PIECES), fc.integer({ min: 2, max: 300 })).map(([p, n]) => p.repeat(n)) },
);

/** A draft: pieces of figures, prose and markup in any order. */
export const draft = fc.array(piece, { maxLength: 60 }).map((ps) => ps.join(''));
export const format = fc.constantFrom<DocumentFormat>('markdown', 'plaintext');

// Base milliseconds and milliseconds per character a check may take: generous, so a loaded machine
// passes, while a cost that grows with the square of the input does not. A check over the bound is
// timed again, so one garbage collection or a busy machine does not fail it.
const BASE_MS = 500;
const MS_PER_CHAR = 0.2;

/** Checks a draft and asserts every robustness invariant of the result. */
export function checkDraft(engine: Engine, text: string, fmt: DocumentFormat): void {
  const bound = BASE_MS + MS_PER_CHAR * text.length;
  const run = () => {
    const start = performance.now();
    const findings = engine.check(text, { format: fmt });
    return { findings, marked: applySuppressions(text, findings, fmt).findings, ms: performance.now() - start };
  };
  let result = run();
  if (result.ms >= bound) result = run();
  const { findings, marked, ms } = result;
  assert.ok(ms < bound, `${Math.round(ms)} ms for ${text.length} characters`);
  assert.equal(marked.length, findings.length);
  const ids = new Set(engine.documents.map((d) => d.id));
  for (const f of findings) {
    assert.ok(f.start >= 0 && f.start < f.end && f.end <= text.length, `range ${f.start}–${f.end} of ${text.length}`);
    assert.equal(text.slice(f.start, f.end), f.text);
    assert.ok(Number.isFinite(f.claim.low) && Number.isFinite(f.claim.high), `claim of ${f.text}: ${JSON.stringify(f.claim)}`);
    assert.ok(f.message.length > 0);
    for (const e of f.evidence) assert.ok(ids.has(e.document), `evidence from unknown document ${e.document}`);
  }
}

/** A temporary folder, removed after `use`. */
function inTempDir<T>(use: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'factlint-prop-'));
  try {
    return use(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const documentName = fc.stringMatching(/^[a-z0-9_-]{1,12}$/);
/** A corpus: a few documents with distinct names, as Markdown or text files. */
const corpus = fc.uniqueArray(fc.record({ name: documentName, ext: fc.constantFrom('.md', '.txt'), text: draft }), { maxLength: 5, selector: (d) => d.name });

// Config values: mostly well-formed keys with values right or wrong in kind, so validation is reached.
const configValue = fc.oneof(
  fc.record(
    {
      corpus: fc.array(fc.constantFrom('sources', 'missing', '../x', '', '.'), { maxLength: 3 }),
      bundledCorpus: fc.constant(false),
      tolerance: fc.constantFrom(0, 0.1, 0.5, 1, -1, 2, 'x'),
      severity: fc.dictionary(fc.constantFrom('mismatch', 'supported', 'unverified', 'other'), fc.constantFrom('error', 'warning', 'info', 'hint', 'off', 'loud')),
      ignores: fc.array(fc.constantFrom('*.md', '**/x', '!a', '[', ''), { maxLength: 3 }),
      languages: fc.array(fc.constantFrom('markdown', 'plaintext', 'html'), { maxLength: 2 }),
      // The config file itself (a cycle), a file that is not there, a folder, one that is there.
      extends: fc.constantFrom('.factlintrc.json', '.factlintrc.yaml', 'missing.json', 'sources', ['sources/report.md'], [], 3),
      root: fc.constantFrom(true, 'yes'),
    },
    { requiredKeys: ['bundledCorpus'] },
  ),
  fc.jsonValue({ maxDepth: 3 }),
);
const configText = fc.oneof(
  configValue.map((v) => ({ name: '.factlintrc.json', text: JSON.stringify(v) })),
  configValue.map((v) => ({ name: '.factlintrc.yaml', text: JSON.stringify(v) })),
  fc.string({ maxLength: 200 }).map((text) => ({ name: '.factlintrc.yaml', text })),
  fc.string({ maxLength: 200 }).map((text) => ({ name: '.factlintrc.json', text })),
  fc.string({ maxLength: 200 }).map((text) => ({ name: '.factlintrc.jsonc', text })),
  configValue.map((v) => ({ name: '.factlintrc.jsonc', text: `// comment\n${JSON.stringify(v, null, 1).replace(/\n}$/, ',\n}')}` })),
);

/** An engine for the options, or undefined where loading fails with an error a user can act on. */
function loadOrRefuse(options: EngineOptions): Engine | undefined {
  try {
    return Engine.load(options);
  } catch (e) {
    if (e instanceof FactlintError) return undefined;
    throw e;
  }
}

/** The properties, by name; each is a fast-check property to run as many times as asked. */
export function properties(engine: Engine): Record<'drafts' | 'corpora' | 'configs', fc.IRawProperty<unknown[], false>> {
  // Engines by options, as the CLI keeps them: configs repeat the same few.
  const engines = new Map<string, Engine | undefined>();
  return {
    drafts: fc.property(draft, format, (text, fmt) => checkDraft(engine, text, fmt)),
    corpora: fc.property(corpus, draft, format, (docs, text, fmt) =>
      inTempDir((dir) => {
        for (const d of docs) writeFileSync(join(dir, d.name + d.ext), d.text);
        // A document the engine refuses (binary, say) is an error the user can act on, not a crash.
        const engine = loadOrRefuse({ bundledCorpus: false, corpusDirs: [dir] });
        if (engine) checkDraft(engine, text, fmt);
      }),
    ),
    configs: fc.property(configText, draft, (config, text) =>
      inTempDir((dir) => {
        mkdirSync(join(dir, 'sources'));
        writeFileSync(join(dir, 'sources', 'report.md'), 'North Korea sent 1,500 troops to Russia in October 2024.');
        writeFileSync(join(dir, config.name), config.text);
        let layers;
        try {
          const file = readConfigFile(join(dir, config.name));
          if (!file) return;
          layers = expandExtends(file);
        } catch (e) {
          if (e instanceof ConfigError) return;
          throw e;
        }
        const options = engineOptions(resolveConfig(layers));
        const key = JSON.stringify({ ...options, corpusDirs: options.corpusDirs?.map((d) => d.slice(dir.length)) });
        if (!engines.has(key)) engines.set(key, loadOrRefuse(options));
        const configured = engines.get(key);
        if (configured) checkDraft(configured, text, 'markdown');
      }),
    ),
  };
}
