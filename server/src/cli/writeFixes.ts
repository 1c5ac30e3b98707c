// --fix: the fixed drafts written back. Each file is replaced atomically (a temporary file in the same
// folder, then a rename), so a reader or a crash never sees half a draft, and the temporary file keeps
// the draft's permissions. Through a symbolic link the file it points to is replaced, not the link.
// A draft that changed on disk since it was read is left alone: its figures may have moved.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { encodeText } from '../engine/readText';
import type { InputProblem } from './inputs';
import type { LintResult } from './lint';

/** Writes every fixed draft; returns the drafts that could not be written. */
export function writeFixes(result: LintResult): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const file of result.files) {
    const fix = file.fix;
    if (!fix) continue;
    try {
      const target = fs.realpathSync(file.file);
      if (!fs.readFileSync(target).equals(encodeText(fix.original, fix.encoding))) {
        problems.push({ path: file.path, message: 'changed on disk while it was checked; not fixed (run factlint --fix again)' });
        continue;
      }
      replaceFile(target, encodeText(fix.output, fix.encoding));
      fix.written = true;
    } catch (e) {
      problems.push({ path: file.path, message: `cannot write the fixes: ${(e as Error).message}` });
    }
  }
  return problems;
}

function replaceFile(target: string, bytes: Buffer): void {
  const mode = fs.statSync(target).mode & 0o7777;
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.factlint-${randomBytes(6).toString('hex')}.tmp`);
  const fd = fs.openSync(temp, 'wx', mode);
  try {
    try {
      fs.writeFileSync(fd, bytes);
      // The umask may have taken bits from the mode asked for.
      fs.fchmodSync(fd, mode);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, target);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw e;
  }
}
