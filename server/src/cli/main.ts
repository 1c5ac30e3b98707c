// factlint's headless CLI entry (dist/cli.js): `factlint [options] <files|dirs|globs...>`.
import { printable } from './printable';
import { runCli } from './run';

// The report could not be written. A reader that went away (`factlint … | head -1`) is not an error
// worth a word, as with other command-line tools; anything else (a full disk) fails the run with exit 2.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit();
  process.stderr.write(`factlint: cannot write the report: ${printable(e.message)}\n`);
  process.exit(2);
});
process.stderr.on('error', () => undefined); // nowhere left to say anything

// exitCode rather than exit(): a large report piped to another program must be written out in full.
runCli(process.argv.slice(2), { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr }).then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    // A bug, not bad input: say so, and keep exit code 1 for "findings fail the run". The message may
    // name a file, so it is printable; the stack frames are factlint's own.
    const error = e instanceof Error ? e : new Error(String(e));
    const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
    process.stderr.write(`factlint: internal error: ${printable(`${error.name}: ${error.message}`)}\n${frames.map((f) => `${printable(f)}\n`).join('')}`);
    process.exitCode = 2;
  },
);
