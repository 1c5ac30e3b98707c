// .gitignore rules for files found by expanding folders and globs: every .gitignore from the
// repository root (the nearest folder holding .git, else the filesystem root) down to the file's
// folder applies, deeper files overriding shallower ones as in Git.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { readTextFile } from '../engine/readText';

export class GitignoreRules {
  private readonly rules = new Map<string, Ignore | null>();
  private readonly roots = new Map<string, string>();

  ignores(file: string): boolean {
    const dir = path.dirname(file);
    const root = this.repositoryRoot(dir);
    const chain: string[] = [];
    for (let d = dir; ; d = path.dirname(d)) {
      chain.unshift(d);
      if (d === root || path.dirname(d) === d) break;
    }
    let ignored = false;
    for (const d of chain) {
      const rules = this.rulesIn(d);
      if (!rules) continue;
      const verdict = rules.test(toPosix(path.relative(d, file)));
      if (verdict.ignored) ignored = true;
      else if (verdict.unignored) ignored = false;
    }
    return ignored;
  }

  /** The nearest folder at or above `dir` that holds .git, else the filesystem root. */
  repositoryRoot(dir: string): string {
    const cached = this.roots.get(dir);
    if (cached !== undefined) return cached;
    const parent = path.dirname(dir);
    const root = fs.existsSync(path.join(dir, '.git')) || parent === dir ? dir : this.repositoryRoot(parent);
    this.roots.set(dir, root);
    return root;
  }

  private rulesIn(dir: string): Ignore | null {
    let rules = this.rules.get(dir);
    if (rules === undefined) {
      // No .gitignore here, or one that cannot be read (Git skips those too).
      const read = readTextFile(path.join(dir, '.gitignore'));
      rules = 'problem' in read ? null : ignore().add(read.text);
      this.rules.set(dir, rules);
    }
    return rules;
  }
}

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
