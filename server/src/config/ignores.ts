// .gitignore-style rules in layers: the config's `ignores` (and --ignore-pattern or the editor's
// `factlint.exclude`), each relative to the folder of the file that names it (the working directory
// for the flag, the workspace folder for the setting), and Git's own ignore files (cli/gitignore.ts).
// Layers combine as Git combines its files.
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { ResolvedConfig } from './settings';

/** Rules and the folder their patterns are relative to. */
export interface IgnoreLayer {
  rules: Ignore;
  base: string;
}

/** Compiled rules per pattern list; configs are few, so this stays small. */
const compiled = new Map<string, Ignore>();

/** The rules of a list of patterns, compiled once. */
export function compileIgnores(patterns: string[]): Ignore {
  const key = patterns.join('\n');
  let rules = compiled.get(key);
  if (!rules) compiled.set(key, (rules = ignore().add(patterns)));
  return rules;
}

/** Whether the config's ignores leave this path (absolute) out; `dir` tests it as a folder, which patterns ending in "/" match. */
export function isIgnoredByConfig(config: ResolvedConfig, file: string, dir = false): boolean {
  return cascadeIgnores(
    config.ignores.map(({ patterns, baseDir }) => ({ rules: compileIgnores(patterns), base: baseDir })),
    file,
    dir,
  );
}

/**
 * Whether layers of rules, lowest precedence first, leave out this path (absolute), as Git decides: a
 * path in a left-out folder is out; otherwise the last layer whose rules match the path itself decides,
 * so a later `!pattern` takes it back. Rules never reach a path outside their folder.
 */
export function cascadeIgnores(layers: IgnoreLayer[], p: string, dir: boolean): boolean {
  const applicable = layers.flatMap(({ rules, base }) => {
    const rel = path.relative(base, p);
    return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? [{ rules, rel: rel.split(path.sep).join('/') }] : [];
  });
  if (!applicable.length) return false;
  const parent = path.dirname(p);
  if (parent !== p && cascadeIgnores(layers, parent, true)) return true;
  let ignored = false;
  for (const { rules, rel } of applicable) {
    // A layer that leaves out the parent folder speaks for the folder, which the check above settled.
    const slash = rel.lastIndexOf('/');
    if (slash > 0 && rules.test(rel.slice(0, slash + 1)).ignored) continue;
    const verdict = rules.test(rel + (dir ? '/' : ''));
    if (verdict.ignored) ignored = true;
    else if (verdict.unignored) ignored = false;
  }
  return ignored;
}
