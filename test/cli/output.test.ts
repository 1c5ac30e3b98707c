// How the CLI writes its report: in chunks, waiting for a reader that falls behind, so a long report
// is never held in memory whole.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { runCli } from '../../server/src/cli/run';
import { removeTemps, tempTree } from './fixtures';

const SUPPORTED = 'About 1,500 North Korean special forces were sent to Russia for training.\n\n';

describe('writing a long report', function () {
  this.timeout(60_000);
  after(removeTemps);

  it('to a slow reader: at most two chunks (2 MB) wait in memory, and the report arrives whole', async () => {
    const dir = tempTree({ 'long.md': SUPPORTED.repeat(3000) });
    const received: Buffer[] = [];
    let mostQueued = 0;
    const stdout = new Writable({
      highWaterMark: 1 << 16,
      write(chunk: Buffer, _encoding, done) {
        mostQueued = Math.max(mostQueued, stdout.writableLength);
        received.push(chunk);
        setTimeout(done, 2);
      },
    });
    const stderr = new Writable({ write: (_chunk, _encoding, done) => done() });
    const code = await runCli(['--format', 'json', 'long.md'], { cwd: dir, env: {}, stdout: stdout as NodeJS.WriteStream, stderr: stderr as NodeJS.WriteStream });
    assert.equal(code, 0);
    const report = Buffer.concat(received);
    assert.ok(report.length > 4 << 20, `a report of ${report.length} bytes, long enough to need waiting`);
    assert.equal(JSON.parse(report.toString()).summary.supported, 3000);
    assert.ok(mostQueued <= 2 << 20, `${mostQueued} bytes waited in memory`);
  });
});
