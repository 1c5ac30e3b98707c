// Which files found by expanding folders and globs are checked, and which folders are never entered:
// Git's ignore files, then the config's ignores (with --ignore-pattern, or the editor's
// factlint.exclude), and for files the config's languages. The CLI and the editor's "Check Whole
// Workspace" both select with this, so they check the same files.
import { formatOf, isIgnoredByConfig, type ResolvedConfig } from '../config';
import type { GitignoreRules } from './gitignore';
import type { CollectOptions } from './inputs';

/**
 * `configOf` gives the configuration at a path (absolute); a folder is judged by the config of the
 * folder holding it. Undefined (a broken config file) lets everything through: the CLI reports it when
 * a draft under it is checked. Without `gitignore` (--no-gitignore) Git's ignore files do not apply.
 */
export function draftSelection(configOf: (p: string) => ResolvedConfig | undefined, gitignore?: GitignoreRules): Pick<CollectOptions, 'accept' | 'skipDir'> {
  return {
    accept: (file) => {
      if (gitignore?.ignores(file)) return false;
      const config = configOf(file);
      return !config || (config.languages.includes(formatOf(file)) && !isIgnoredByConfig(config, file));
    },
    skipDir: (dir) => {
      if (gitignore?.ignores(dir, true)) return true;
      const config = configOf(dir);
      return config !== undefined && isIgnoredByConfig(config, dir, true);
    },
  };
}
