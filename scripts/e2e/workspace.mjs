// The scratch workspace each e2e run opens: a fresh copy of test/e2e/fixtures/workspace with the
// README's sample draft (examples/draft.md) copied in as draft.md. The suite edits it, so it is
// rebuilt every run and never lives in the repository. It is a Git repository of its own: it lies
// in the git-ignored cache, and factlint (as Git) would otherwise apply the repository's .gitignore.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const FIXTURE = 'test/e2e/fixtures/workspace';
export const SAMPLE_DRAFT = 'examples/draft.md';

export function prepareWorkspace(dest) {
  fs.rmSync(dest, { recursive: true, force: true });
  fs.cpSync(FIXTURE, dest, { recursive: true });
  fs.copyFileSync(SAMPLE_DRAFT, path.join(dest, 'draft.md'));
  execFileSync('git', ['init', '--quiet', dest]);
  return path.resolve(dest);
}
