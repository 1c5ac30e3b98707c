// code-server (the real VS Code 1.100.3 workbench, served to a browser): installed on demand into the
// git-ignored cache, then started on a free loopback port with scratch folders and stopped afterwards.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

/** The newest code-server whose engines allow Node 20 (see docs/testing.md). */
export const CODE_SERVER_VERSION = '4.100.3';
/** The @vscode/ripgrep that code-server 4.100.3 installs, and the asset its postinstall would download from GitHub. */
const RIPGREP_CACHE = 'vscode-ripgrep-cache-1.15.11/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';
const INSTALL_TIMEOUT_MS = 10 * 60_000;
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;

export class E2eError extends Error {}

/** Installs code-server into `dir` unless that version is there already; returns its entry script. */
export function ensureCodeServer(dir) {
  const pkg = path.join(dir, 'node_modules/code-server');
  const entry = path.resolve(pkg, 'out/node/entry.js');
  // node_modules.asar is the last thing code-server's postinstall creates: its presence means a finished install.
  if (installedVersion(pkg) === CODE_SERVER_VERSION && fs.existsSync(path.join(pkg, 'lib/vscode/node_modules.asar'))) return { entry, installed: false };

  const rg = '/usr/bin/rg';
  if (!fs.existsSync(rg))
    throw new E2eError(`installing code-server needs Debian's ripgrep (${rg}), which is missing. Install it with: apt-get update && apt-get install -y ripgrep libkrb5-dev`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    `${JSON.stringify({ name: 'factlint-e2e-code-server', private: true, description: 'code-server for npm run test:e2e', dependencies: { 'code-server': CODE_SERVER_VERSION } }, null, 2)}\n`,
  );
  // @vscode/ripgrep's postinstall downloads rg from api.github.com, which is out of reach here; it
  // takes a tarball from its cache in os.tmpdir() first, so a private TMPDIR gets Debian's rg.
  const tmp = path.resolve(dir, 'tmp');
  const seed = path.join(tmp, RIPGREP_CACHE);
  fs.mkdirSync(path.dirname(seed), { recursive: true });
  run('tar', ['czf', seed, '-C', path.dirname(rg), path.basename(rg)], {}, 60_000, 'packing ripgrep');

  const log = path.join(dir, 'install.log');
  const env = {
    ...process.env,
    TMPDIR: tmp,
    // code-server's postinstall refuses to run as root without it.
    npm_config_unsafe_perm: 'true',
    // node-pty's postinstall runs `npx node-gyp`, which would otherwise ask before installing.
    npm_config_yes: 'true',
  };
  const result = run('npm', ['install', '--no-audit', '--no-fund'], { cwd: dir, env, log }, INSTALL_TIMEOUT_MS, `npm install code-server@${CODE_SERVER_VERSION}`);
  if (result.status !== 0 || installedVersion(pkg) !== CODE_SERVER_VERSION)
    throw new E2eError(`npm install code-server@${CODE_SERVER_VERSION} failed (exit ${result.status}); the end of ${log}:\n${tail(log, 30)}`);
  return { entry, installed: true };
}

function installedVersion(pkg) {
  try {
    return JSON.parse(fs.readFileSync(path.join(pkg, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

/** Runs a command to completion within a bound; output goes to `log` when given. */
function run(command, args, { cwd, env, log }, timeout, what) {
  const fd = log ? fs.openSync(log, 'w') : 'pipe';
  try {
    const result = spawnSync(command, args, { cwd, env, stdio: ['ignore', fd, fd], timeout, encoding: 'utf8' });
    if (result.error?.code === 'ETIMEDOUT') throw new E2eError(`${what} did not finish within ${timeout / 1000} s`);
    if (result.error) throw new E2eError(`${what} failed: ${result.error.message}`);
    if (!log && result.status !== 0) throw new E2eError(`${what} failed (exit ${result.status}): ${result.stderr}`);
    return result;
  } finally {
    if (log) fs.closeSync(fd);
  }
}

function tail(file, lines) {
  return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

/** The arguments every code-server invocation gets, so none of them touches ~/.config or ~/.local. */
function baseArgs({ configFile, userDataDir, extensionsDir }) {
  return ['--config', configFile, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--disable-telemetry', '--disable-update-check'];
}

/**
 * Scratch folders for one run: a config file (loopback, no auth), user data with quiet settings, an
 * empty extensions folder.
 */
export function scratchProfile(dir, port) {
  const profile = {
    configFile: path.resolve(dir, 'config.yaml'),
    userDataDir: path.resolve(dir, 'user-data'),
    extensionsDir: path.resolve(dir, 'extensions'),
  };
  fs.mkdirSync(path.join(profile.userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(profile.extensionsDir, { recursive: true });
  fs.writeFileSync(profile.configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    // The scratch workspaces sit inside the repository; the git extension would offer to open it.
    'git.enabled': false,
  };
  fs.writeFileSync(path.join(profile.userDataDir, 'User/settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
  return profile;
}

/** Installs a .vsix the way a user would; returns the folder it was unpacked into. */
export function installExtension(entry, profile, vsix, log) {
  run(process.execPath, [entry, ...baseArgs(profile), '--install-extension', path.resolve(vsix)], { log }, 120_000, 'code-server --install-extension');
  const manifest = JSON.parse(fs.readFileSync('package.json', 'utf8'));
  const id = `${manifest.publisher}.${manifest.name}`.toLowerCase();
  const folder = fs.readdirSync(profile.extensionsDir).find((d) => d.toLowerCase().startsWith(`${id}-`));
  if (!folder) throw new E2eError(`code-server did not install ${vsix} into ${profile.extensionsDir}; see ${log}:\n${tail(log, 20)}`);
  return path.join(profile.extensionsDir, folder);
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts code-server in its own process group (it forks the server, extension hosts and the language
 * server) and resolves once /healthz answers. `stop()` ends the whole group.
 */
export async function startCodeServer(entry, profile, port, { workspace, env, log }) {
  const out = fs.openSync(log, 'a');
  const child = spawn(process.execPath, [entry, ...baseArgs(profile), '--disable-workspace-trust', workspace], {
    env: { ...process.env, ...env },
    stdio: ['ignore', out, out],
    detached: true,
  });
  fs.closeSync(out);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const server = {
    url: `http://127.0.0.1:${port}`,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      signalGroup(child.pid, 'SIGTERM');
      if (!(await within(exited, STOP_TIMEOUT_MS))) signalGroup(child.pid, 'SIGKILL');
      // The group's other members (extension host, language server) may outlive the leader briefly.
      signalGroup(child.pid, 'SIGKILL');
    },
  };
  try {
    await waitForHealth(server, log);
  } catch (e) {
    await server.stop();
    throw e;
  }
  return server;
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch (e) {
    if (e.code !== 'ESRCH') throw e;
  }
}

async function waitForHealth(server, log) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let gone;
  server.exited.then((status) => (gone = status));
  while (Date.now() < deadline) {
    if (gone) throw new E2eError(`code-server exited while starting (${JSON.stringify(gone)}); the end of ${log}:\n${tail(log, 30)}`);
    try {
      const response = await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await delay(200);
  }
  throw new E2eError(`code-server did not answer ${server.url}/healthz within ${START_TIMEOUT_MS / 1000} s; the end of ${log}:\n${tail(log, 30)}`);
}

/** True when `promise` settles within `ms`; the timer never outlives the answer. */
export function within(promise, ms) {
  let timer;
  const timeout = new Promise((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  return Promise.race([promise.then(() => true), timeout]).finally(() => clearTimeout(timer));
}

export function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export { tail };
