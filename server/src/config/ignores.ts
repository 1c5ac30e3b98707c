// The config's `ignores` and the editor's `factlint.exclude`: .gitignore-style patterns relative to a folder.
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { ResolvedConfig } from './settings';

/** Compiled rules per pattern list; configs are few, so this stays small. */
const compiled = new Map<string, Ignore>();

/** Whether the config's ignores leave this file (absolute path) out. Files outside the config's folder never are. */
export function isIgnoredByConfig(config: ResolvedConfig, file: string): boolean {
  return isIgnoredBy(config.ignores.patterns, config.ignores.baseDir, file);
}

/** Whether .gitignore-style patterns relative to `baseDir` leave this file (absolute path) out. Files outside `baseDir` never are. */
export function isIgnoredBy(patterns: string[], baseDir: string, file: string): boolean {
  const rel = path.relative(baseDir, file);
  if (!patterns.length || !rel || rel.startsWith('..') || path.isAbsolute(rel)) return false;
  const key = patterns.join('\n');
  let rules = compiled.get(key);
  if (!rules) compiled.set(key, (rules = ignore().add(patterns)));
  return rules.ignores(rel.split(path.sep).join('/'));
}
