// factlint's headless CLI entry (dist/cli.js): `factlint [options] <files|dirs|globs...>`.
import { runCli } from './run';

try {
  // exitCode rather than exit(): a large report piped to another program must be written out in full.
  process.exitCode = runCli(process.argv.slice(2), { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr });
} catch (e) {
  // A bug, not bad input: say so, and keep exit code 1 for "findings fail the run".
  process.stderr.write(`factlint: internal error: ${(e as Error).stack ?? e}\n`);
  process.exitCode = 2;
}
