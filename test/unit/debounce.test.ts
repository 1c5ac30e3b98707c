import * as assert from 'node:assert';
import { Debounce } from '../../server/src/lsp/debounce';

describe('adaptive debounce', () => {
  it('waits the setting after a pause, longer while keystrokes keep coming, at most four times the setting', () => {
    const d = new Debounce();
    assert.strictEqual(d.delay('a', 50, 0), 50, 'first edit');
    assert.strictEqual(d.delay('a', 50, 1000), 50, 'after a pause');
    assert.strictEqual(d.delay('a', 50, 1020), 50, 'keys 20 ms apart: the next comes before the setting');
    assert.strictEqual(d.delay('a', 50, 1120), 150, 'keys 100 ms apart: wait one and a half gaps');
    assert.strictEqual(d.delay('a', 50, 1520), 200, 'never more than four times the setting');
    assert.strictEqual(d.delay('a', 50, 2020), 50, 'half a second apart is a pause');
    assert.strictEqual(d.delay('b', 50, 2030), 50, 'each document on its own');
    assert.strictEqual(d.delay('a', 0, 2040), 0, 'no debounce means none');
  });
});
