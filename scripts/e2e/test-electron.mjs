// `npm run test:vscode`: the end-to-end suite with @vscode/test-electron, the standard runner, for
// machines that can download VS Code (or have one: VSCODE_EXECUTABLE_PATH). Where the download
// fails for lack of network it says so in one line and exits 0; any other failure exits non-zero.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { buildE2e, E2E_BUNDLE } from './build.mjs';
import { printResult } from './result.mjs';
import { prepareWorkspace } from './workspace.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
process.chdir(ROOT);
const RUN = '.factlint-cache/e2e/electron';
const NETWORK_ERRORS = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENETUNREACH', 'EHOSTUNREACH']);

/** The network error code behind a failed download, if that is what it was. */
function networkError(error) {
  for (let e = error; e; e = e.cause) if (NETWORK_ERRORS.has(e.code)) return `${e.code}${e.hostname ? ` ${e.hostname}` : ''}`;
  return undefined;
}

async function vscodeExecutable() {
  if (process.env.VSCODE_EXECUTABLE_PATH) return process.env.VSCODE_EXECUTABLE_PATH;
  try {
    return await downloadAndUnzipVSCode({ version: process.env.VSCODE_TEST_VERSION ?? 'stable', cachePath: path.join(ROOT, '.vscode-test') });
  } catch (e) {
    const cause = networkError(e);
    if (!cause) throw e;
    console.log(
      `[test:vscode] cannot download VS Code (${cause}): no network access to it here, so nothing was tested. ` +
        'Run `npm run test:e2e` (code-server + Chromium, works offline) instead, or set VSCODE_EXECUTABLE_PATH to a local VS Code.',
    );
    return undefined;
  }
}

async function main() {
  const executable = await vscodeExecutable();
  if (!executable) return 0;
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build failed');
  await buildE2e();

  fs.rmSync(RUN, { recursive: true, force: true });
  const workspace = prepareWorkspace(path.join(RUN, 'workspace'));
  const resultFile = path.resolve(RUN, 'result.json');
  let failure;
  try {
    await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.resolve(E2E_BUNDLE),
      extensionTestsEnv: { FACTLINT_E2E_RESULT: resultFile },
      launchArgs: [
        workspace,
        // Other installed extensions stay out; the built-in ones (Markdown among them) stay in.
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--user-data-dir',
        path.resolve(RUN, 'user-data'),
        '--extensions-dir',
        path.resolve(RUN, 'extensions'),
      ],
    });
  } catch (e) {
    failure = e;
  }
  if (!fs.existsSync(resultFile)) {
    console.error(`[test:vscode] FAILED: the suite wrote no result to ${resultFile}${failure ? ` (${failure.message ?? failure})` : ''}`);
    return 1;
  }
  const passed = printResult(JSON.parse(fs.readFileSync(resultFile, 'utf8')));
  console.log(`[test:vscode] ${passed && !failure ? 'passed' : 'FAILED'}`);
  return passed && !failure ? 0 : 1;
}

try {
  process.exitCode = await main();
} catch (e) {
  console.error(`[test:vscode] FAILED: ${e.stack ?? e}`);
  process.exitCode = 1;
}
