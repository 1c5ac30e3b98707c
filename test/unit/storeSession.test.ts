// Incremental checking against the PostgreSQL fact store, as the language server's worker does: read
// from FACTLINT_TEST_STORE (.ci/run starts a server); skipped without one. Its documents are loaded
// under a folder of their own, so whatever else the store holds is left alone.
import * as assert from 'node:assert';
import { Engine } from '../../server/src/engine';
import { PgStore } from '../../server/src/store/pgStore';

const STORE = process.env.FACTLINT_TEST_STORE;
const FOLDER = '/factlint-store-session';

describe('incremental checking against a fact store (IncrementalCheck.checkWithStore)', function () {
  this.timeout(120_000);
  let store: PgStore | undefined;
  before(async function () {
    if (!STORE) return this.skip();
    store = new PgStore(STORE);
    const documents = [
      { id: 'depot', title: 'Depot', path: `${FOLDER}/depot.txt`, text: 'The depot stored 307 crates of apples last year.\n' },
      { id: 'mill', title: 'Mill', path: `${FOLDER}/mill.txt`, text: 'The mill ground 45 tonnes of wheat in May.\n' },
    ];
    await store.index(documents, [FOLDER]);
  });
  after(() => store?.close());

  it('finds what Engine.checkWithStore finds after each edit, judging only the sentences the edit touched', async () => {
    const engine = Engine.fromDocuments([{ id: 'local', title: 'Local', path: '/local/a.txt', text: 'Acme hired 300 engineers in Leeds in March.\n' }]);
    const session = engine.session('plaintext');
    const versions = [
      'The depot stored 307 crates of apples last year. Acme hired 300 engineers in Leeds in March. The mill ground 45 tonnes of wheat in May.',
      'The depot stored 307 crates of apples last year. Acme hired 300 engineers in Leeds in March. The mill ground 60 tonnes of wheat in May.',
      'The depot stored 307 crates of apples last year. The mill ground 60 tonnes of wheat in May.',
    ];
    for (const [i, text] of versions.entries()) {
      const findings = await session.checkWithStore(text, store!);
      assert.deepStrictEqual(findings, await engine.checkWithStore(text, { format: 'plaintext' }, store!), text);
      if (i === 1) assert.strictEqual(session.lastComputed, 1, 'only the edited sentence is judged again');
    }
    // The store's facts were weighed: the depot's count is supported by them alone.
    const depot = (await session.checkWithStore(versions[2], store!))[0];
    assert.deepStrictEqual([depot.text, depot.verdict], ['307', 'supported']);
    assert.strictEqual(engine.check(versions[2], { format: 'plaintext' })[0].verdict, 'unverified');
  });
});
