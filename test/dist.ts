// The CLI and language-server tests run the bundles in dist/, which `npm test` builds first. After an
// edit, a bare `npx mocha` would test the code as it was: these tests refuse a bundle older than its sources.
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const SOURCES = ['server/src', 'package.json'].map((p) => path.join(ROOT, p));

function newest(file: string): { file: string; mtime: number } {
  const stat = fs.statSync(file);
  if (!stat.isDirectory()) return { file, mtime: stat.mtimeMs };
  return fs
    .readdirSync(file)
    .map((name) => newest(path.join(file, name)))
    .reduce((a, b) => (b.mtime > a.mtime ? b : a), { file, mtime: 0 });
}

/** The path of a bundle in dist/ (`cli.js`, `server.js`), once it is known to be built from the current sources. */
export function builtBundle(name: string): string {
  const bundle = path.join(ROOT, 'dist', name);
  if (!fs.existsSync(bundle)) throw new Error(`dist/${name} is missing: run npm run build (npm test does) first`);
  const source = SOURCES.map(newest).reduce((a, b) => (b.mtime > a.mtime ? b : a));
  if (source.mtime > fs.statSync(bundle).mtimeMs)
    throw new Error(`dist/${name} is older than ${path.relative(ROOT, source.file)}: run npm run build (npm test does) first`);
  return bundle;
}
