// Bundles the end-to-end suite (test/e2e/index.ts and what it imports, mocha and the engine included)
// into out/test/e2e/index.js, the extensionTestsPath that VS Code's extension host loads.
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { common } from '../build.mjs';

export const E2E_BUNDLE = 'out/test/e2e/index.js';

export async function buildE2e() {
  await esbuild.build({
    ...common,
    outdir: undefined,
    entryPoints: ['test/e2e/index.ts'],
    outfile: E2E_BUNDLE,
    // mocha is written as ES modules and reads import.meta.url (for createRequire), which a CommonJS
    // bundle lacks; the product bundles need no such shim.
    define: { ...common.define, 'import.meta.url': '__import_meta_url' },
    banner: { js: "var __import_meta_url = require('url').pathToFileURL(__filename).href;" },
    // mocha's parallel mode resolves worker files at run time; the suite runs serially and never loads them.
    logOverride: { 'require-resolve-not-external': 'silent' },
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await buildE2e();
