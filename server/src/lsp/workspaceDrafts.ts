// The drafts in the workspace folders, found exactly as the CLI finds the drafts in a folder it is
// given (cli/inputs.ts): .md, .markdown and .txt files outside node_modules and .git that .gitignore
// does not ignore. The config's ignores and languages then apply when each one is checked.
import { GitignoreRules } from '../cli/gitignore';
import { collectDrafts } from '../cli/inputs';

/** Absolute paths. A folder without drafts is no problem here, so the CLI's complaints about one are not passed on. */
export function workspaceDrafts(folders: string[]): string[] {
  const gitignore = new GitignoreRules();
  const cwd = folders[0] ?? process.cwd();
  return collectDrafts(folders, cwd, (file) => !gitignore.ignores(file)).drafts.map((d) => d.file);
}
