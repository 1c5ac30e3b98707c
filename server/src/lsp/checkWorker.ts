// The worker thread that checks documents (dist/checkWorker.js), so that a long check never holds
// up the server's message loop: hovers, code actions and other documents are answered meanwhile.
// It keeps one engine per corpus, built from the documents the server sends with the first check
// that needs it (the server reads the corpus, so what it lists and what is checked are the same).
import { parentPort } from 'node:worker_threads';
import { Engine, type DocumentFormat, type Finding } from '../engine';
import { defaultCacheDir } from '../engine/indexCache';
import { applySuppressions } from '../engine/suppress';
import { PgStore, StoreError } from '../store/pgStore';
import type { WorkerReply, WorkerRequest } from './checkThread';

const engines = new Map<string, Engine>();
/** Fact stores by URL; one that failed is not asked again until the corpus changes. */
const stores = new Map<string, PgStore | 'down'>();

parentPort!.on('message', async (request: WorkerRequest) => {
  if (request.type === 'clear') {
    engines.clear();
    for (const store of stores.values()) if (store !== 'down') void store.close();
    return stores.clear();
  }
  let reply: WorkerReply;
  try {
    let engine = engines.get(request.corpus.key);
    if (!engine) {
      if (!request.corpus.documents) throw new Error(`corpus ${request.corpus.key} was not sent`);
      // The index is kept where the CLI keeps it, so either one's run makes the other's start quick.
      let percent = -1;
      engine = Engine.fromDocuments(request.corpus.documents, request.corpus.tolerance, {
        cacheDir: defaultCacheDir(),
        onIndexProgress: (indexed, total) => {
          if (Math.floor((indexed / total) * 100) === percent && indexed < total) return;
          percent = Math.floor((indexed / total) * 100);
          parentPort!.postMessage({ id: request.id, indexed, total } satisfies WorkerReply);
        },
      });
      engines.set(request.corpus.key, engine);
    }
    const { text, format } = request;
    const { findings, storeProblem } = await checkWithStore(engine, request.corpus.store, text, format);
    reply = { id: request.id, ...applySuppressions(text, findings, format), facts: engine.factCount, ...(storeProblem ? { storeProblem } : {}) };
  } catch (e) {
    reply = { id: request.id, error: (e as Error).stack ?? String(e) };
  }
  parentPort!.postMessage(reply);
});

/** Checks against the store as well where one is set; a store that fails is reported once, and the local corpus answers. */
async function checkWithStore(engine: Engine, url: string | undefined, text: string, format: DocumentFormat): Promise<{ findings: Finding[]; storeProblem?: string }> {
  let store = url ? stores.get(url) : undefined;
  if (url && !store) stores.set(url, (store = new PgStore(url)));
  if (!store || store === 'down') return { findings: engine.check(text, { format }) };
  try {
    return { findings: await engine.checkWithStore(text, { format }, store) };
  } catch (e) {
    if (!(e instanceof StoreError)) throw e;
    stores.set(url!, 'down');
    void store.close();
    return { findings: engine.check(text, { format }), storeProblem: e.message };
  }
}
