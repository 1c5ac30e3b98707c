// Where a path really leads. Boundaries (a workspace, a repository, a corpus folder) are compared on
// real paths, so a symbolic link inside a boundary cannot lead out of it.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The path with every symbolic link resolved; for a path that does not exist (yet), its nearest existing ancestor is resolved. */
export function realPath(p: string): string {
  const abs = path.resolve(p);
  try {
    return fs.realpathSync.native(abs);
  } catch {
    const parent = path.dirname(abs);
    return parent === abs ? abs : path.join(realPath(parent), path.basename(abs));
  }
}

/** Whether `file` is `folder` or lies below it, as written. */
export function isInside(file: string, folder: string): boolean {
  const rel = path.relative(folder, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Whether `file` really is `folder` or lies below it, once symbolic links are followed. */
export function isReallyInside(file: string, folder: string): boolean {
  return isInside(realPath(file), realPath(folder));
}
