// --fix-dry-run in the text format: what --fix would change, as a unified diff per draft (jsdiff),
// before the report of the fixed drafts. The diff is for reading: like the rest of the text report,
// draft text goes through printable(), so a draft cannot send escape codes or workflow commands to the
// terminal or CI log (a CRLF line shows no \r, its line end being the diff's own).
import { structuredPatch } from 'diff';
import type { LintResult } from '../lint';
import { linePath, printable } from '../printable';

export function formatFixDiffs(result: LintResult): string {
  const out: string[] = [];
  for (const file of result.files) {
    if (!file.fix) continue;
    const name = linePath(file.path);
    const patch = structuredPatch(file.path, file.path, file.fix.original, file.fix.output, undefined, undefined, { context: 3 });
    out.push(`--- ${name}`, `+++ ${name}`);
    for (const hunk of patch.hunks) {
      out.push(`@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`);
      for (const line of hunk.lines) {
        if (line.startsWith('\\')) out.push(line); // "\ No newline at end of file"
        else {
          const text = printable(line.slice(1).replace(/\r$/, ''));
          out.push(line[0] + (line[0] === ' ' ? guard(text) : text));
        }
      }
    }
  }
  return out.length ? out.join('\n') + '\n\n' : '';
}

/** A context line (which starts with a blank) is never read as a workflow command: the runner skips blanks before `::`. */
function guard(text: string): string {
  return text.replace(/^(\s*):/, '$1\\u003a');
}
