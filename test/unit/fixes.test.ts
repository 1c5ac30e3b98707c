// The automatic fix: which mismatches have one, and what applying them leaves of the text.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyFixes, singleReplacement } from '../../server/src/engine/fixes';
import { encodeText, readTextFile } from '../../server/src/engine/readText';
import { finding, removeTemps, tempTree } from '../cli/fixtures';

describe('fixes', () => {
  after(removeTemps);
  const TEXT = 'First 3,500 here,\r\nthen 13,500 and 7 there.\n';

  it('a mismatch has a fix only when its sources give exactly one figure to put instead', () => {
    assert.equal(singleReplacement(finding(TEXT, '3,500', { replacements: ['1,500'] })), '1,500');
    assert.equal(singleReplacement(finding(TEXT, '3,500', { replacements: ['1,500', '1,500'] })), '1,500', 'the same figure twice is one');
    assert.equal(singleReplacement(finding(TEXT, '3,500', { replacements: ['1,500', '2,000'] })), undefined);
    assert.equal(singleReplacement(finding(TEXT, '3,500', { replacements: [] })), undefined);
    assert.equal(singleReplacement(finding(TEXT, '3,500', { suppressed: true })), undefined);
    assert.equal(singleReplacement(finding(TEXT, '3,500', { verdict: 'unverified' })), undefined);
  });

  it('replaces only the figures, whatever their lengths, and leaves every other character alone', () => {
    const findings = [finding(TEXT, '13,500', { replacements: ['1,500'] }), finding(TEXT, '3,500', { replacements: ['10,500'] }), finding(TEXT, '7', { replacements: ['8', '9'] })];
    assert.deepEqual(applyFixes(TEXT, findings), { text: 'First 10,500 here,\r\nthen 1,500 and 7 there.\n', fixed: 2 });
  });

  it('counts no fix where the replacement is the figure as written, and skips a fix overlapping another', () => {
    const same = finding(TEXT, '3,500', { replacements: ['3,500'] });
    assert.deepEqual(applyFixes(TEXT, [same]), { text: TEXT, fixed: 0 });
    const outer = { ...finding(TEXT, '3,500 here', { replacements: ['1,500 there'] }) };
    const inner = finding(TEXT, '3,500', { replacements: ['1,500'] });
    assert.deepEqual(applyFixes(TEXT, [inner, outer]), { text: 'First 1,500 here,\r\nthen 13,500 and 7 there.\n', fixed: 1 });
  });

  it('encodes text back to the bytes it was read from, byte-order marks included', () => {
    const text = 'Zoë — 3,500 😀\r\nend';
    const files: Record<string, Buffer> = {
      'utf8.md': Buffer.from(text, 'utf8'),
      'bom.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]),
      'le.md': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
      'be.md': Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]),
    };
    const dir = tempTree(files);
    for (const [name, bytes] of Object.entries(files)) {
      const read = readTextFile(path.join(dir, name));
      assert.ok('text' in read, name);
      assert.equal(read.text, text, name);
      assert.deepEqual(encodeText(read.text, read.encoding), fs.readFileSync(path.join(dir, name)), name);
      assert.deepEqual(encodeText(read.text, read.encoding), bytes);
    }
  });
});
