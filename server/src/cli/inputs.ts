// Turns the command line's files, folders and globs into the list of drafts to check.
// Named files are always checked; files found in folders or by globs are filtered by `accept`
// (.gitignore, the config's ignores and languages), and folders `skipDir` rejects are not entered.
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { LANGUAGE_EXTENSIONS } from '../config';
import { realPath } from '../engine/realPath';
import { toPosix } from './gitignore';
import { walkFiles } from './walk';

export interface Draft {
  /** Absolute path. */
  file: string;
  /** The path to show: as the user typed it for a named file, else relative to the working directory. */
  display: string;
  /** Read from standard input (`-`); `file` is then the --stdin-filename, or `<stdin>` in the working directory. */
  stdin?: boolean;
}

/** What a draft read from standard input is called without --stdin-filename. */
export const STDIN_NAME = '<stdin>';

/** An input that could not be used; `path` is shown as given. */
export interface InputProblem {
  path: string;
  message: string;
}

const DRAFT_EXTENSIONS: readonly string[] = Object.values(LANGUAGE_EXTENSIONS).flat();

export interface CollectOptions {
  cwd: string;
  /** Whether a file found in a folder or by a glob is checked. */
  accept: (file: string) => boolean;
  /** Whether a folder met while expanding a folder or glob is left out, unread. */
  skipDir: (dir: string) => boolean;
  stdinFilename?: string;
  /** False: a path, folder or glob that yields no draft is no error (--no-error-on-unmatched-pattern). */
  errorOnUnmatched: boolean;
}

export function collectDrafts(inputs: string[], options: CollectOptions): { drafts: Draft[]; problems: InputProblem[] } {
  const { cwd, accept, stdinFilename } = options;
  const drafts: Draft[] = [];
  const problems: InputProblem[] = [];
  // By real path: a file reached through symbolic links (or a link loop) under several names is checked
  // once, under its own name when that is one of them.
  const seen = new Map<string, Draft>();
  const add = (file: string, display: string) => {
    const real = realPath(file);
    const first = seen.get(real);
    if (!first) {
      const draft = { file, display };
      seen.set(real, draft);
      drafts.push(draft);
    } else if (file === real && first.file !== real) Object.assign(first, { file, display });
  };
  const found = (abs: string[]) => abs.sort().filter(accept);
  const unmatched = (p: InputProblem) => {
    if (options.errorOnUnmatched) problems.push(p);
  };
  const walk = (root: string, dot: boolean) => {
    const { files, unreadable } = walkFiles(root, { skipDir: options.skipDir, dot });
    for (const u of unreadable) problems.push({ path: relativeToCwd(u.dir, cwd), message: `folder not read: ${u.message}` });
    return files;
  };

  let stdinTaken = false;
  for (const input of inputs) {
    // Standard input is one more draft, checked as a named file is; it can be read only once.
    if (input === '-') {
      if (!stdinTaken) drafts.push({ file: path.resolve(cwd, stdinFilename ?? STDIN_NAME), display: stdinFilename ?? STDIN_NAME, stdin: true });
      stdinTaken = true;
      continue;
    }
    const abs = path.resolve(cwd, input);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(abs);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
        problems.push({ path: input, message: (e as Error).message });
        continue;
      }
    }
    const glob = stat ? undefined : picomatch.scan(toPosix(input));
    if (stat?.isFile()) add(abs, input);
    else if (stat?.isDirectory()) {
      const all = walk(abs, false).filter((f) => DRAFT_EXTENSIONS.includes(path.extname(f).toLowerCase()));
      const files = found(all);
      if (files.length === 0)
        unmatched({ path: input, message: all.length ? 'every draft in this folder is ignored' : `no drafts (${DRAFT_EXTENSIONS.join(', ')}) in this folder` });
      for (const f of files) add(f, relativeToCwd(f, cwd));
    } else if (stat) problems.push({ path: input, message: 'not a file or folder' });
    else if (glob?.isGlob) {
      // Walk from the pattern's fixed folder; dot folders only when the pattern names one.
      const base = path.resolve(cwd, glob.base);
      const matches = picomatch(glob.glob);
      const all = fs.existsSync(base) ? walk(base, /(^|\/)\./.test(glob.glob)).filter((f) => matches(toPosix(path.relative(base, f)))) : [];
      const files = found(all);
      if (files.length === 0) unmatched({ path: input, message: all.length ? 'every file this pattern matches is ignored' : 'no files match this pattern' });
      for (const f of files) add(f, relativeToCwd(f, cwd));
    } else unmatched({ path: input, message: 'no such file or folder' });
  }
  return { drafts, problems };
}

/**
 * A path relative to the working directory (with `..` when outside it), with forward slashes; absolute
 * only where no relative path exists (another drive on Windows). Reports never show more of the machine.
 */
export function relativeToCwd(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return toPosix(path.isAbsolute(rel) ? file : rel || '.');
}
