// The figures injection grammar, loaded the way VS Code loads it: from package.json's
// `contributes.grammars`, injected into VS Code's own Markdown grammar and into plain text.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const root = path.resolve(__dirname, '../..');
const require = createRequire(__filename);
const FIGURE = 'constant.numeric.figure.factlint';

interface GrammarContribution {
  scopeName: string;
  path: string;
  language?: string;
  injectTo?: string[];
}

async function loadRegistry(): Promise<textmate.Registry> {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const contributed: GrammarContribution[] = manifest.contributes.grammars;
  const files = new Map<string, string>(contributed.map((g) => [g.scopeName, path.join(root, g.path)]));
  // VS Code's Markdown grammar, as shipped in its markdown-basics extension.
  files.set('text.html.markdown', require.resolve('tm-grammars/grammars/markdown.json'));
  return new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => oniguruma.createOnigScanner(sources),
      createOnigString: (text: string) => oniguruma.createOnigString(text),
    }),
    loadGrammar: async (scopeName) => {
      const file = files.get(scopeName);
      return file ? textmate.parseRawGrammar(readFileSync(file, 'utf8'), file) : null;
    },
    getInjections: (scopeName) => contributed.filter((g) => g.injectTo?.includes(scopeName)).map((g) => g.scopeName),
  });
}

let registry: textmate.Registry;

/** The text of every token scoped as a figure, line by line. */
async function figures(scopeName: string, text: string): Promise<string[]> {
  const grammar = await registry.loadGrammar(scopeName);
  assert.ok(grammar, `no grammar for ${scopeName}`);
  const found: string[] = [];
  let state = textmate.INITIAL;
  for (const line of text.split('\n')) {
    const result = grammar.tokenizeLine(line, state);
    for (const token of result.tokens) {
      if (token.scopes.includes(FIGURE)) found.push(line.slice(token.startIndex, token.endIndex));
    }
    state = result.ruleStack;
  }
  return found;
}

describe('figures grammar', () => {
  before(async () => {
    registry = await loadRegistry();
  });

  const markdown: [string, string, string[]][] = [
    ['a grouped number', 'About 3,500 North Korean special forces were sent to Russia.', ['3,500']],
    ['a range, a percentage and money', 'Seoul says 10,000–12,000 troops, or 2.5% of the army, cost $5.5 billion.', ['10,000–12,000', '2.5%', '$5.5 billion']],
    ['a range with "to"', 'Estimates run from 40,000 to 80,000 soldiers.', ['40,000 to 80,000']],
    ['percent words, number words, ordinals', 'Over 40 percent of the corps; ten thousand more came in the 11th month.', ['40 percent', 'ten thousand', '11th']],
    ['scale suffixes', 'Worth $5.5bn, or 10k shells a day.', ['$5.5bn', '10k']],
    ['a year in a heading', '## Losses in 2024', ['2024']],
    ['an ordered-list marker is not a figure', '1. Around 12,000 soldiers', ['12,000']],
    ['not inside an inline code span', 'Inline `3,000 troops` is code, but 1,500 is prose.', ['1,500']],
    ['not inside a fenced code block', '```\n2,500 troops\n```\nAfter that, 1,500 arrived.', ['1,500']],
    ['not inside an indented code block', 'Prose.\n\n    2,500 troops\n\nThen 1,500.', ['1,500']],
    ['not inside a link URL, but in its text', '[the 2024 report](https://example.com/2024/10/500)', ['2024']],
    ['not inside an HTML comment', '<!-- 2,000 troops --> and 1,500', ['1,500']],
    ['not part of a word', 'COVID-19, A4 paper, an mp3 and 3D maps.', []],
  ];
  for (const [name, text, expected] of markdown) {
    it(`Markdown: ${name}`, async () => {
      assert.deepEqual(await figures('text.html.markdown', text), expected);
    });
  }

  it('plain text: figures anywhere, backticks are just characters', async () => {
    assert.deepEqual(
      await figures('text.plain', 'About 3,500 troops; `3,000` in backticks; 40,000-80,000 in all.'),
      ['3,500', '3,000', '40,000-80,000'],
    );
  });
});
