import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../../server/src/engine/lineIndex';
import { applySuppressions } from '../../server/src/engine/suppress';
import type { Finding } from '../../server/src/engine/types';

describe('LineIndex', () => {
  it('ends lines at \\n, \\r\\n and a lone \\r, exactly as LSP TextDocument does', () => {
    const text = 'a\nbc\r\nd\re\r\r\nf\n\r';
    const lines = new LineIndex(text);
    const doc = TextDocument.create('file:///x', 'markdown', 1, text);
    for (let offset = 0; offset <= text.length; offset++) assert.deepEqual(lines.positionAt(offset), doc.positionAt(offset), `offset ${offset}`);
  });

  it('puts a disable-line comment on its own line in a CR-only draft', () => {
    const text = 'Intro.\r<!-- factlint-disable-line -->\rAbout 3,500 troops.\r';
    const start = text.indexOf('3,500');
    const finding = { start, end: start + 5 } as Finding;
    const { findings, unusedDisables } = applySuppressions(text, [finding], 'markdown');
    assert.equal(findings[0].suppressed, undefined, 'the figure two lines down is not suppressed');
    assert.equal(unusedDisables.length, 1);
  });
});
