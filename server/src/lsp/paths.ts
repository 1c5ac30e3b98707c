// Corpus folder paths from settings, shared by the server (which resolves them) and the VS Code
// client (which drops, in an untrusted workspace, the ones workspace settings add outside it).
import * as os from 'node:os';
import * as path from 'node:path';

/** An absolute folder for a settings entry: `~` is the home folder, `${workspaceFolder}` and relative paths start at `base`. */
export function resolveFolder(folder: string, base: string): string {
  const expanded = folder
    .replace(/^~(?=$|[\\/])/, os.homedir())
    .replace(/\$\{workspaceFolder\}/g, base);
  return path.resolve(base, expanded);
}

export { isInside, isReallyInside } from '../engine/realPath';
