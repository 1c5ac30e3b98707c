// Issue 4's whole-repository run: a generated tree of drafts (with .gitignore'd and config-ignored
// ones that must not count), checked by the CLI core; prints the time and whether the summary is right.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { formatJson } from '../../server/src/cli/format/json';
import { lintDrafts } from '../../server/src/cli/lint';
import { summarize, type Summary } from '../../server/src/cli/report';

// Sentences whose verdicts are robust against the bundled corpus.
const SUPPORTED = 'About 1,500 North Korean special forces were sent to Russia for training.';
const MISMATCH = 'About 3,500 North Korean special forces were sent to Russia for training.';
const UNVERIFIED = 'Samsung hired 10,500 engineers in Seoul this year.';
const FILLER = [
  'Analysts in Seoul and Kyiv continue to debate what the deployment means for the region.',
  'Officials declined to comment on the record, citing the sensitivity of the intelligence.',
  'The move marks a sharp change in how Pyongyang projects power beyond the peninsula.',
  'Diplomats said the talks would resume once both sides had studied the proposals.',
];

export interface DraftTree {
  root: string;
  /** Drafts that count; ignored ones come on top. */
  drafts: number;
  /** The summary a correct run prints. */
  expected: Summary;
}

/** Writes `count` drafts in ten folders under a new temporary directory. */
export function generateDraftTree(count = 1000): DraftTree {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'factlint-tree-'));
  const expected: Summary = { files: count, figures: 0, mismatch: 0, supported: 0, unverified: 0 };
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  };
  for (let i = 0; i < count; i++) {
    const paragraphs = [SUPPORTED, FILLER.join(' ')];
    expected.supported++;
    if (i % 3 === 0) {
      paragraphs.push(`${FILLER[i % FILLER.length]} ${MISMATCH}`);
      expected.mismatch++;
    }
    if (i % 2 === 0) {
      paragraphs.push(UNVERIFIED);
      expected.unverified++;
    }
    if (i % 10 === 0) paragraphs.push(`<!-- factlint-disable-next-line -->\n${MISMATCH}`); // a figure, but suppressed
    expected.figures += 1 + (i % 3 === 0 ? 1 : 0) + (i % 2 === 0 ? 1 : 0) + (i % 10 === 0 ? 1 : 0);
    // One draft in ten is plain text; never one with a suppression comment (i % 10 === 0).
    const ext = i % 10 === 9 ? 'txt' : 'md';
    const body = ext === 'md' ? `# Dispatch from Seoul\n\n${paragraphs.join('\n\n')}\n` : `${paragraphs.join('\n\n')}\n`;
    write(`section-${String(i % 10).padStart(2, '0')}/part-${Math.floor(i / 100)}/draft-${i}.${ext}`, body);
  }
  // Ignored by .gitignore and by the config's ignores: a correct run never counts these.
  write('.git/HEAD', 'ref: refs/heads/main\n');
  write('.gitignore', 'archive/\n');
  write('.factlintrc.json', JSON.stringify({ ignores: ['**/*.wip.md'] }));
  for (let i = 0; i < 50; i++) write(`archive/old-${i}.md`, `${MISMATCH}\n`);
  for (let i = 0; i < 20; i++) write(`section-00/draft-${i}.wip.md`, `${MISMATCH}\n`);
  return { root, drafts: count, expected };
}

export interface TreeTiming {
  /** Finding, reading, checking and suppressing every draft. */
  lintMs: number;
  /** Rendering the JSON report. */
  reportMs: number;
  summary: Summary;
  correct: boolean;
}

/** Runs the CLI core over the tree the way `factlint .` would from its root. */
export async function timeDraftTree(tree: DraftTree): Promise<TreeTiming> {
  const t0 = performance.now();
  const result = await lintDrafts({ inputs: ['.'], cwd: tree.root, overrides: {} });
  const t1 = performance.now();
  [...formatJson(result, { quiet: false, failOn: 'mismatch', unusedDirectives: 'off' })].join('');
  const t2 = performance.now();
  const summary = summarize(result.files);
  const correct = result.problems.length === 0 && JSON.stringify(summary) === JSON.stringify(tree.expected);
  return { lintMs: t1 - t0, reportMs: t2 - t1, summary, correct };
}

/** Generates, times and removes a tree; returns the lines to print. */
export async function benchDraftTree(count = 1000): Promise<string[]> {
  const tree = generateDraftTree(count);
  try {
    const t = await timeDraftTree(tree);
    const fmt = (s: Summary) => `${s.files} files, ${s.figures} figures: ${s.mismatch} mismatch, ${s.supported} supported, ${s.unverified} unverified`;
    return [
      `tree of ${count.toLocaleString('en-US')} drafts (+70 ignored): check ${t.lintMs.toFixed(0)} ms (${(t.lintMs / count).toFixed(2)} ms/draft), JSON report ${t.reportMs.toFixed(0)} ms`,
      `  summary ${fmt(t.summary)} — ${t.correct ? 'correct' : `WRONG, expected ${fmt(tree.expected)}`}`,
    ];
  } finally {
    fs.rmSync(tree.root, { recursive: true, force: true });
  }
}
