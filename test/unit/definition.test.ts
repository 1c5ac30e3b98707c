// Go to Definition on a figure: the corpus sentences that decided its verdict come first — the
// agreeing ones for a supported figure, the contradicting ones for a mismatch — whatever order the
// engine listed them in, and in that order among themselves.
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Location, LocationLink } from 'vscode-languageserver';
import { definition } from '../../server/src/lsp/definition';
import { evidence, finding } from '../cli/fixtures';

const DRAFT = 'About 3,500 special forces were sent.';
const doc = TextDocument.create('file:///drafts/a.md', 'markdown', 1, DRAFT);
const source = (name: string, agrees: boolean) => evidence({ document: name, path: `/corpus/${name}.txt`, agrees });
const files = (links: Array<Location | LocationLink>) => links.map((l) => ('uri' in l ? l.uri : l.targetUri).replace(/^.*\/|\.txt$/g, ''));

describe('Go to Definition', () => {
  const listed = [source('agrees-1', true), source('disagrees-1', false), source('agrees-2', true), source('disagrees-2', false)];

  it('puts the contradicting sources of a mismatch first', () => {
    const links = definition(doc, finding(DRAFT, '3,500', { verdict: 'mismatch', evidence: listed }), false);
    assert.deepEqual(files(links), ['disagrees-1', 'disagrees-2', 'agrees-1', 'agrees-2']);
  });

  it('puts the agreeing sources of a supported figure first', () => {
    const reversed = [...listed].reverse();
    const links = definition(doc, finding(DRAFT, '3,500', { verdict: 'supported', evidence: reversed }), false);
    assert.deepEqual(files(links), ['agrees-2', 'agrees-1', 'disagrees-2', 'disagrees-1']);
  });

  it('gives links from the figure to the source figure to clients that take them', () => {
    const [link] = definition(doc, finding(DRAFT, '3,500', { evidence: [source('a', false)] }), true) as LocationLink[];
    const figure = { start: { line: 8, character: 80 }, end: { line: 8, character: 85 } };
    assert.deepEqual(link, {
      originSelectionRange: { start: { line: 0, character: 6 }, end: { line: 0, character: 11 } },
      targetUri: 'file:///corpus/a.txt',
      targetRange: figure,
      targetSelectionRange: figure,
    });
  });
});
