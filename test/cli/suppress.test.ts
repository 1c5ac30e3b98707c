import assert from 'node:assert/strict';
import { applySuppressions, findDirectives, unusedDirectiveMessage } from '../../server/src/engine/suppress';
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

  describe('naming the verdicts they cover', () => {
    /** Findings over every number; a number followed by "u" is unverified, by "s" supported, else a mismatch. */
    function judged(text: string): Finding[] {
      return numbers(text).map((f) => ({ ...f, verdict: text[f.end] === 'u' ? 'unverified' : text[f.end] === 's' ? 'supported' : 'mismatch' }));
    }
    function suppressedBy(text: string) {
      const { findings, unusedDisables } = applySuppressions(text, judged(text), 'markdown');
      return { suppressed: findings.filter((f) => f.suppressed).map((f) => f.text), unused: unusedDisables.map((d) => d.text) };
    }

    it('every form covers only the verdicts it names, and a reason after -- changes nothing', () => {
      const forms = [
        '<!-- factlint-disable-next-line mismatch -- figure from our own reporting -->\nA 1 with 2u and 3s.\n',
        'A 1 with 2u and 3s. <!-- factlint-disable-line mismatch -- figure from our own reporting -->\n',
        '<!-- factlint-disable-file mismatch -- figure from our own reporting -->\n\nA 1 with 2u and 3s.\n',
        '<!-- factlint-disable mismatch -- figure from our own reporting -->\n\nA 1 with 2u and 3s.\n\n<!-- factlint-enable mismatch -->\n',
      ];
      for (const text of forms) assert.deepEqual(suppressedBy(text), { suppressed: ['1'], unused: [] }, text);
    });

    it('takes several verdicts, separated by commas or spaces', () => {
      assert.deepEqual(suppressedBy('A 1 with 2u and 3s. <!-- factlint-disable-line mismatch, unverified -->\n').suppressed, ['1', '2']);
      assert.deepEqual(suppressedBy('A 1 with 2u and 3s. <!-- factlint-disable-line unverified supported -- ours -->\n').suppressed, ['2', '3']);
    });

    it('records the verdicts and the reason', () => {
      const [named, bare] = findDirectives('<!-- factlint-disable-line unverified,mismatch -- from our own reporting -->\n<!-- factlint-disable-line -->\n', 'markdown');
      assert.deepEqual([named.kind, named.verdicts, named.reason], ['disable-line', ['mismatch', 'unverified'], 'from our own reporting']);
      assert.deepEqual([bare.verdicts, bare.reason], [['mismatch', 'supported', 'unverified'], undefined]);
    });

    it('a reason alone leaves every verdict covered', () => {
      assert.deepEqual(suppressedBy('A 1 with 2u and 3s. <!-- factlint-disable-line -- checked by hand -->\n').suppressed, ['1', '2', '3']);
    });

    it('an enable naming a verdict ends only that verdict\'s block', () => {
      const text = '<!-- factlint-disable -->\n\nA 1 and 2u.\n\n<!-- factlint-enable mismatch -->\n\nB 3 and 4u.\n\n<!-- factlint-enable -->\n\nC 5 and 6u.\n';
      assert.deepEqual(suppressedBy(text), { suppressed: ['1', '2', '4'], unused: [] });
    });

    it('a block of one verdict inside a block of another ends on its own enable', () => {
      const text = '<!-- factlint-disable unverified -->\nA 1 and 2u.\n<!-- factlint-disable mismatch -->\nB 3 and 4u.\n<!-- factlint-enable mismatch -->\nC 5 and 6u.\n';
      assert.deepEqual(suppressedBy(text), { suppressed: ['2', '3', '4', '6'], unused: [] });
    });

    it('a comment naming something that is not a verdict suppresses nothing and is reported', () => {
      const text = 'A 1. <!-- factlint-disable-line mismatches -- typo -->\n';
      assert.deepEqual(suppressedBy(text), { suppressed: [], unused: ['<!-- factlint-disable-line mismatches -- typo -->'] });
      const [d] = applySuppressions(text, judged(text), 'markdown').unusedDisables;
      assert.deepEqual(d.unknown, ['mismatches']);
      assert.equal(unusedDirectiveMessage(d), '<!-- factlint-disable-line mismatches -- typo --> suppresses nothing: "mismatches" is not a verdict (mismatch, unverified, supported)');
    });

    it('a comment naming a verdict that is not on its line is unused', () => {
      assert.deepEqual(suppressedBy('A 1. <!-- factlint-disable-line unverified -->\n'), { suppressed: [], unused: ['<!-- factlint-disable-line unverified -->'] });
    });

    it('does not read longer words as directives', () => {
      assert.deepEqual(findDirectives('A 1. <!-- factlint-disable-lines --> <!-- factlint-disabled -->\n', 'markdown'), []);
    });
  });

  it('reads each comment to its first -->, and text full of unclosed comments in linear time', () => {
    const text = 'A 1. <!-- factlint-disable-line --> and <!-- not factlint --> 2.\n';
    assert.deepEqual(findDirectives(text, 'plaintext').map((d) => d.text), ['<!-- factlint-disable-line -->']);
    const hostile = '<!-- factlint-disable-line '.repeat(40_000);
    const start = performance.now();
    assert.deepEqual(findDirectives(hostile, 'plaintext'), []);
    assert.ok(performance.now() - start < 1_000, 'an unclosed comment is read once');
  });

  it('locates directives in UTF-16 code units', () => {
    const text = '😀 <!-- factlint-disable-line --> 5.\n';
    const [d] = findDirectives(text, 'markdown');
    assert.equal(text.slice(d.start, d.end), '<!-- factlint-disable-line -->');
    assert.equal(d.line, 0);
  });
});
