// The drafts in the workspace folders, selected exactly as the CLI selects the drafts in a folder it
// is given (cli/inputs.ts, cli/selection.ts): .md, .markdown and .txt files outside node_modules and
// .git that Git's ignore files and the config's ignores and languages leave in, with the editor's
// configuration (factlint.configFile, factlint.exclude) in the CLI's place. Ignored folders are never entered.
import { GitignoreRules } from '../cli/gitignore';
import { collectDrafts } from '../cli/inputs';
import { draftSelection } from '../cli/selection';
import { formatOf } from '../config';
import type { FactlintSettings } from '../protocol';
import type { DocumentConfigs } from './documentConfig';
import { isInside } from './paths';

export interface WorkspaceFolder {
  path: string;
  /** The folder's settings, read before the walk, which asks for configurations as it goes. */
  settings: FactlintSettings;
}

/** Absolute paths. A folder without drafts is no problem here, so the CLI's complaints about one are not passed on. */
export function workspaceDrafts(folders: WorkspaceFolder[], configs: DocumentConfigs): string[] {
  if (!folders.length) return [];
  const configOf = (p: string) => {
    const folder = folders.find((f) => isInside(p, f.path)) ?? folders[0];
    return configs.resolve({ file: p, languageId: formatOf(p) }, folder.settings).config;
  };
  const selection = draftSelection(configOf, new GitignoreRules());
  return collectDrafts(
    folders.map((f) => f.path),
    { cwd: folders[0].path, ...selection, errorOnUnmatched: false },
  ).drafts.map((d) => d.file);
}
