import assert from 'node:assert/strict';
import { indexProgressReporter, PROGRESS_MIN_FILES, PROGRESS_MIN_SOURCES, progressReporter } from '../../server/src/cli/progress';

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, write: (s: string) => writes.push(s) } as unknown as NodeJS.WriteStream };
}

describe('progress on stderr', () => {
  it('shows files done / total on a terminal when many drafts are checked, and clears the line at the end', () => {
    const { writes, stream } = fakeStream(true);
    const report = progressReporter(stream);
    assert.ok(report);
    report(1, 1000);
    report(1000, 1000);
    assert.deepEqual(writes, ['\r\x1b[Kfactlint: checked 1/1,000 drafts', '\r\x1b[K']);
  });

  it('is silent for a few drafts', () => {
    const { writes, stream } = fakeStream(true);
    const report = progressReporter(stream);
    assert.ok(report, 'a terminal gets a reporter');
    for (let i = 1; i < PROGRESS_MIN_FILES; i++) report(i, PROGRESS_MIN_FILES - 1);
    assert.deepEqual(writes, []);
  });

  it('is off when stderr is not a terminal', () => {
    assert.equal(progressReporter(fakeStream(false).stream), undefined);
  });
});

describe('indexing progress on stderr', () => {
  it('draws a bar for a large corpus on a terminal, and clears the line at the end', () => {
    const { writes, stream } = fakeStream(true);
    const report = indexProgressReporter(stream)!;
    report(4_000, 10_000);
    report(10_000, 10_000);
    assert.deepEqual(writes, ['\r\x1b[Kfactlint: indexing 10,000 sources [########            ] 40%', '\r\x1b[K']);
  });

  it('is silent for a small corpus, and off when stderr is not a terminal', () => {
    const { writes, stream } = fakeStream(true);
    const report = indexProgressReporter(stream)!;
    for (let i = 1; i < PROGRESS_MIN_SOURCES; i++) report(i, PROGRESS_MIN_SOURCES - 1);
    assert.deepEqual(writes, []);
    assert.equal(indexProgressReporter(fakeStream(false).stream), undefined);
  });
});
