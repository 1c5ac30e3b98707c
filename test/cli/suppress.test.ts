import assert from 'node:assert/strict';
import { applySuppressions, findDirectives } from '../../server/src/engine/suppress';
import type { Finding } from '../../server/src/engine/types';
import { finding } from './fixtures';

/** Findings over every number in the text, in order. */
function numbers(text: string): Finding[] {
  return [...text.matchAll(/\d[\d,]*/g)].map((m) => ({ ...finding(text, m[0]), start: m.index, end: m.index + m[0].length }));
}

function suppressedFigures(text: string, format: 'markdown' | 'plaintext' = 'markdown') {
  const { findings, unusedDisables } = applySuppressions(text, numbers(text), format);
  return { suppressed: findings.filter((f) => f.suppressed).map((f) => f.text), unused: unusedDisables.map((d) => d.kind) };
}

describe('suppression comments', () => {
  it('disable … enable covers the figures between them', () => {
    const text = 'One 100.\n\n<!-- factlint-disable -->\n\nTwo 200 and 300.\n\n<!-- factlint-enable -->\n\nThree 400.\n';
    assert.deepEqual(suppressedFigures(text), { suppressed: ['200', '300'], unused: [] });
  });

  it('disable without enable runs to the end of the file', () => {
    assert.deepEqual(suppressedFigures('One 100.\n<!-- factlint-disable -->\nTwo 200.\n\nThree 300.\n'), { suppressed: ['200', '300'], unused: [] });
  });

  it('disable-next-line covers only the next line', () => {
    const text = '<!-- factlint-disable-next-line -->\nTroops 1,000 and 2,000.\nMore 3,000.\n';
    assert.deepEqual(suppressedFigures(text), { suppressed: ['1,000', '2,000'], unused: [] });
  });

  it('disable-line covers the line it is on', () => {
    const text = 'Before 10.\nTroops 1,000. <!-- factlint-disable-line -->\nAfter 20.\n';
    assert.deepEqual(suppressedFigures(text), { suppressed: ['1,000'], unused: [] });
  });

  it('disable-file covers the whole file, even figures above it', () => {
    const text = 'Troops 1,000.\n\n<!-- factlint-disable-file -->\n\nMore 2,000.\n';
    assert.deepEqual(suppressedFigures(text), { suppressed: ['1,000', '2,000'], unused: [] });
  });

  it('keeps suppressed findings, in order, and leaves the input untouched', () => {
    const text = 'A 1. <!-- factlint-disable-line -->\nB 2.\n';
    const input = numbers(text);
    const { findings } = applySuppressions(text, input, 'markdown');
    assert.deepEqual(findings.map((f) => [f.text, f.suppressed]), [['1', true], ['2', undefined]]);
    assert.equal(input[0].suppressed, undefined);
  });

  it('reports comments that suppress nothing', () => {
    const text = [
      '<!-- factlint-disable-next-line -->',
      '',
      'A 1.',
      '<!-- factlint-disable-line -->',
      '<!-- factlint-disable -->',
      '<!-- factlint-enable -->',
      '<!-- factlint-enable -->',
      'B 2. <!-- factlint-disable-line -->',
    ].join('\n');
    const { unusedDisables } = applySuppressions(text, numbers(text), 'markdown');
    assert.deepEqual(
      unusedDisables.map((d) => [d.kind, d.line]),
      [['disable-next-line', 0], ['disable-line', 3], ['disable', 4], ['enable', 6]],
    );
  });

  it('reports a disable-file in a file without figures', () => {
    assert.deepEqual(suppressedFigures('No figures here.\n<!-- factlint-disable-file -->\n').unused, ['disable-file']);
  });

  it('ignores comments shown in code, but reads them in plain text', () => {
    const md = 'Use `<!-- factlint-disable-line -->` like this: 100.\n\n```\n<!-- factlint-disable-file -->\n```\n\nThen 200.\n';
    assert.deepEqual(findDirectives(md, 'markdown'), []);
    assert.deepEqual(suppressedFigures(md).suppressed, []);
    assert.deepEqual(suppressedFigures('Troops 1,000. <!-- factlint-disable-line -->\n', 'plaintext').suppressed, ['1,000']);
  });

  it('accepts extra spaces inside the comment and inline comments in a paragraph', () => {
    const text = 'Troops <!--factlint-disable-line--> 1,000 and\nmore 2,000 <!--   factlint-disable-line   -->.\n';
    assert.deepEqual(suppressedFigures(text).suppressed, ['1,000', '2,000']);
  });

  it('locates directives in UTF-16 code units', () => {
    const text = '😀 <!-- factlint-disable-line --> 5.\n';
    const [d] = findDirectives(text, 'markdown');
    assert.equal(text.slice(d.start, d.end), '<!-- factlint-disable-line -->');
    assert.equal(d.line, 0);
  });
});
