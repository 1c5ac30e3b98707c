// Git's ignore rules for files found by expanding folders and globs, lowest precedence first: the
// user's core.excludesFile, the repository's .git/info/exclude (both only inside a repository), then
// every .gitignore from the repository root (the nearest folder holding .git, else the filesystem
// root) down to the file's folder, deeper files overriding shallower ones as in Git.
//
// Why not `git ls-files --others --cached --exclude-standard`: it needs git installed and a repository,
// lists tracked files that .gitignore names (Git never ignores a tracked file, but a linter run should),
// and cannot skip folders that the config's ignores or --ignore-pattern leave out. One walker with these
// rules behaves the same inside and outside a repository.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { cascadeIgnores, type IgnoreLayer } from '../config/ignores';
import { readTextFile } from '../engine/readText';

export class GitignoreRules {
  private readonly rules = new Map<string, Ignore | null>();
  private readonly roots = new Map<string, string>();
  private readonly repositoryRules = new Map<string, Ignore[]>();

  /** Whether Git would ignore this path (absolute); `dir` tests it as a folder, which patterns ending in "/" match. */
  ignores(file: string, dir = false): boolean {
    const root = this.repositoryRoot(path.dirname(file));
    const layers: IgnoreLayer[] = this.repositoryLevel(root).map((rules) => ({ rules, base: root }));
    const chain: IgnoreLayer[] = [];
    for (let d = path.dirname(file); ; d = path.dirname(d)) {
      const rules = this.rulesIn(d);
      if (rules) chain.unshift({ rules, base: d });
      if (d === root || path.dirname(d) === d) break;
    }
    return cascadeIgnores([...layers, ...chain], file, dir);
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
      rules = rulesFrom(path.join(dir, '.gitignore'));
      this.rules.set(dir, rules);
    }
    return rules;
  }

  /** core.excludesFile and .git/info/exclude, for the repository at `root` (none outside a repository). */
  private repositoryLevel(root: string): Ignore[] {
    let rules = this.repositoryRules.get(root);
    if (!rules) {
      const gitDir = commonGitDir(root);
      const files = gitDir ? [excludesFile(root), path.join(gitDir, 'info', 'exclude')] : [];
      rules = files.map(rulesFrom).filter((r): r is Ignore => r !== null);
      this.repositoryRules.set(root, rules);
    }
    return rules;
  }
}

/** The rules in an ignore file; null when there is none or it cannot be read (Git skips those too). */
function rulesFrom(file: string): Ignore | null {
  const read = readTextFile(file);
  return 'problem' in read ? null : ignore().add(read.text);
}

/**
 * The folder holding the repository's shared files (info/exclude): `.git` itself, or for a linked
 * worktree or submodule, where its `.git` file points (and that folder's `commondir`).
 */
function commonGitDir(root: string): string | undefined {
  const dotGit = path.join(root, '.git');
  let gitDir = dotGit;
  if (!isDirectory(dotGit)) {
    const read = readTextFile(dotGit);
    const pointer = 'text' in read ? /^gitdir:\s*(.+?)\s*$/m.exec(read.text) : null;
    if (!pointer) return undefined;
    gitDir = path.resolve(root, pointer[1]);
  }
  const common = readTextFile(path.join(gitDir, 'commondir'));
  return 'text' in common ? path.resolve(gitDir, common.text.trim()) : gitDir;
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The user's global ignore file: core.excludesFile as Git reads it (asking git, which knows every
 * config file and expands `~`), else Git's default, $XDG_CONFIG_HOME/git/ignore or ~/.config/git/ignore.
 */
function excludesFile(root: string): string {
  try {
    const out = execFileSync('git', ['config', '--type=path', '--get', 'core.excludesFile'], { cwd: root, encoding: 'utf8', timeout: 5000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (out) return path.resolve(root, out);
  } catch {
    // git is missing, or the key is unset (exit 1): Git's default applies.
  }
  const config = process.env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config');
  return path.join(config, 'git', 'ignore');
}

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
