// What the bundles in dist/ carry: the VS Code client starts the language server and must not bundle
// the engine (its parser, fuzzy matcher and lexicon run in the server only).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { LANGUAGE_EXTENSIONS } from '../../server/src/config/languages';
import { MARKDOWN_EXTENSIONS } from '../../server/src/engine/corpusIndex';
import { builtBundle } from '../dist';

describe('bundles', () => {
  it('dist/extension.js carries no engine: no @lezer, no fuse.js, no engine module', () => {
    const bundle = builtBundle('extension.js');
    assert.doesNotMatch(fs.readFileSync(bundle, 'utf8'), /@lezer|fuse/i);
    // Minified code keeps few names, so the source map says which files went in.
    const sources: string[] = JSON.parse(fs.readFileSync(`${bundle}.map`, 'utf8')).sources;
    assert.deepEqual(
      sources.filter((s) => /node_modules\/(@lezer|fuse\.js|yaml|ajv)\/|server\/src\/(engine|config)\/(?!languages\.ts$|realPath\.ts$)/.test(s)),
      [],
      // realPath.ts (node:fs and node:path only) is shared with the workspace-trust filter.
    );
  });

  it('the client knows the same Markdown extensions as the engine', () => {
    assert.deepEqual(LANGUAGE_EXTENSIONS.markdown, MARKDOWN_EXTENSIONS);
  });

  it('the bins are minified and carry the version without package.json', () => {
    const cli = fs.readFileSync(builtBundle('cli.js'), 'utf8');
    // Unminified, esbuild heads each module's code with a `// path` comment.
    assert.doesNotMatch(cli, /^\/\/ server\/src\//m, 'cli.js is not minified');
    assert.doesNotMatch(cli, /"devDependencies"/);
  });
});
