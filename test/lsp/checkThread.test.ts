// The check worker stops a check that is no longer wanted where it is, and keeps what it checked.
import assert from 'node:assert/strict';
import { Engine } from '../../server/src/engine';
import { CheckThread } from '../../server/src/lsp/checkThread';
import { builtBundle } from '../dist';

const RIGHT = 'About 1,500 North Korean special forces were sent to Russia for training.';

describe('check worker', function () {
  this.timeout(120_000);
  let thread: CheckThread;
  const corpus = { key: 'bundled', documents: Engine.load({}).documents };
  // Long enough that no check of it ends before the test cancels it; no two sentences alike.
  const text = Array.from({ length: 3000 }, (_, k) => `Note ${k.toString(36).replace(/\d/g, (d) => 'qrstuvwxyz'[Number(d)])} follows. ${RIGHT}`).join('\n\n');

  beforeEach(() => (thread = new CheckThread(undefined, undefined, builtBundle('checkWorker.js'))));
  afterEach(() => thread.dispose());

  it('stops a running check once it is no longer wanted; the next check of the document finds everything', async () => {
    let wanted = true;
    const stale = thread.check(corpus, text, 'markdown', () => wanted, { document: 'doc' });
    wanted = false;
    thread.cancelStale();
    assert.equal(await stale, undefined, 'the stale check ran to its end');
    const checked = await thread.check(corpus, text, 'markdown', () => true, { document: 'doc' });
    assert.deepEqual(checked?.findings, Engine.load({}).check(text, { format: 'markdown' }));
  });

  it('lets a check that is still wanted run to its end', async () => {
    const checked = thread.check(corpus, text, 'markdown', () => true, { document: 'doc' });
    thread.cancelStale();
    assert.equal((await checked)?.findings.length, 3000);
  });
});
