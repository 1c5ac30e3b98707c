// Lists the files below a folder. A folder that `skipDir` rejects (ignored by .gitignore, the config
// or --ignore-pattern) is never read, so nothing inside it, however large or unreadable, costs anything.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { realPath } from '../engine/realPath';

/** Folders never searched for drafts. */
const ALWAYS_SKIPPED = new Set(['node_modules', '.git']);

export interface WalkOptions {
  /** Whether to leave this folder (absolute path) out, unread. */
  skipDir(dir: string): boolean;
  /** Also list dot files and enter dot folders. */
  dot: boolean;
}

/**
 * Every non-folder entry below `root` (files, and devices or FIFOs, which the reader then refuses), as
 * absolute paths. Links are followed; each real folder is read once, and folders reached through a
 * link only after every folder reached without one, so a file keeps its own name where it has one.
 */
export function walkFiles(root: string, options: WalkOptions): { files: string[]; unreadable: Array<{ dir: string; message: string }> } {
  const files: string[] = [];
  const unreadable: Array<{ dir: string; message: string }> = [];
  const read = new Set<string>();
  const direct = [root];
  const linked: string[] = [];
  for (let dir = direct.pop(); dir !== undefined; dir = direct.pop() ?? linked.shift()) {
    const real = realPath(dir);
    if (read.has(real)) continue;
    read.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      unreadable.push({ dir, message: (e as Error).message });
      continue;
    }
    // In name order, so that which name a file reached by several links is shown under does not depend on the file system.
    entries.sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
    for (const entry of entries) {
      if (!options.dot && entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      const link = entry.isSymbolicLink();
      let isDir = entry.isDirectory();
      if (link)
        try {
          isDir = fs.statSync(full).isDirectory();
        } catch {
          isDir = false; // a broken link: listed, and the reader says why it cannot be read
        }
      if (!isDir) files.push(full);
      else if (!ALWAYS_SKIPPED.has(entry.name) && !options.skipDir(full)) (link ? linked : direct).push(full);
    }
  }
  return { files, unreadable };
}
