// A `factlint` task type: runs the bundled CLI on a workspace folder (or the files a tasks.json entry
// names) in the compact format, which the `$factlint` problem matcher in package.json reads into the
// Problems panel. The CLI runs on the editor's own Node.js (ELECTRON_RUN_AS_NODE makes VS Code's
// executable behave as node), so nothing needs installing.
import * as vscode from 'vscode';

export const TASK_TYPE = 'factlint';

/** A `factlint` entry in tasks.json (package.json `taskDefinitions` describes it). */
interface FactlintTaskDefinition extends vscode.TaskDefinition {
  /** Files, folders or globs, relative to the workspace folder; default the whole folder. */
  files?: string[];
  /** More CLI options. */
  args?: string[];
}

export function registerTaskProvider(cli: string): vscode.Disposable {
  return vscode.tasks.registerTaskProvider(TASK_TYPE, {
    provideTasks: () => (vscode.workspace.workspaceFolders ?? []).map((folder) => factlintTask({ type: TASK_TYPE }, folder, cli)),
    resolveTask: (task) => {
      const folder = task.scope;
      if (task.definition.type !== TASK_TYPE || folder === undefined || typeof folder === 'number') return undefined;
      return factlintTask(task.definition as FactlintTaskDefinition, folder, cli, task.name);
    },
  });
}

function factlintTask(definition: FactlintTaskDefinition, folder: vscode.WorkspaceFolder, cli: string, name = 'check drafts'): vscode.Task {
  const args = [cli, '--format', 'compact', ...(definition.args ?? []), ...(definition.files?.length ? definition.files : ['.'])];
  const execution = new vscode.ProcessExecution(process.execPath, args, { cwd: folder.uri.fsPath, env: { ELECTRON_RUN_AS_NODE: '1' } });
  const task = new vscode.Task(definition, folder, name, 'factlint', execution, '$factlint');
  task.group = vscode.TaskGroup.Test;
  task.presentationOptions = { reveal: vscode.TaskRevealKind.Silent, clear: true };
  return task;
}
