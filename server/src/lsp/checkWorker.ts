// The worker thread that checks documents (dist/checkWorker.js), so that a long check never holds
// up the server's message loop: hovers, code actions and other documents are answered meanwhile.
// It keeps one engine per corpus, built from the documents the server sends with the first check
// that needs it (the server reads the corpus, so what it lists and what is checked are the same),
// and one incremental session per open document, so that an edit re-checks only what it changed.
// Where a fact store is set, each check fetches from it the facts of the figures it must judge.
import { parentPort } from 'node:worker_threads';
import { CheckCancelled, Engine, type DocumentFormat, type Finding, type IncrementalCheck } from '../engine';
import { defaultCacheDir } from '../engine/indexCache';
import { applySuppressions } from '../engine/suppress';
import { PgStore, StoreError } from '../store/pgStore';
import type { WorkerReply, WorkerRequest } from './checkThread';

const engines = new Map<string, Engine>();
/** Fact stores by URL; one that failed is not asked again until the corpus changes. */
const stores = new Map<string, PgStore | 'down'>();
/** Each open document's session, with the engine and store it checks against. */
const sessions = new Map<string, { engine: Engine; store: PgStore | undefined; session: IncrementalCheck }>();

parentPort!.on('message', async (request: WorkerRequest) => {
  if (request.type === 'clear') {
    engines.clear();
    sessions.clear();
    for (const store of stores.values()) if (store !== 'down') void store.close();
    return stores.clear();
  }
  if (request.type === 'forget') return sessions.delete(request.document);
  let reply: WorkerReply;
  try {
    const engine = engineFor(request);
    const { text, format, document, cancel } = request;
    const cancelled = () => Atomics.load(cancel, 0) !== 0;
    const check = (store: PgStore | undefined): Finding[] | Promise<Finding[]> => {
      if (document) {
        const session = sessionFor(document, engine, store, format);
        return store ? session.checkWithStore(text, store, cancelled) : session.check(text, cancelled);
      }
      return store ? engine.checkWithStore(text, { format }, store) : engine.check(text, { format });
    };
    const { findings, storeProblem } = await checkWithStore(request.corpus.store, check);
    reply = { id: request.id, ...applySuppressions(text, findings, format), facts: engine.factCount, ...(storeProblem ? { storeProblem } : {}) };
  } catch (e) {
    reply = e instanceof CheckCancelled ? { id: request.id, cancelled: true } : { id: request.id, error: (e as Error).stack ?? String(e) };
  }
  parentPort!.postMessage(reply);
});

/** The engine of the request's corpus, built (or read from the index cache) the first time it is sent. */
function engineFor(request: Extract<WorkerRequest, { type: 'check' }>): Engine {
  let engine = engines.get(request.corpus.key);
  if (engine) return engine;
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
  return engine;
}

/** Checks against the store as well where one is set; a store that fails is reported once, and the local corpus answers. */
async function checkWithStore(url: string | undefined, check: (store: PgStore | undefined) => Finding[] | Promise<Finding[]>): Promise<{ findings: Finding[]; storeProblem?: string }> {
  let store = url ? stores.get(url) : undefined;
  if (url && !store) stores.set(url, (store = new PgStore(url)));
  if (!store || store === 'down') return { findings: await check(undefined) };
  try {
    return { findings: await check(store) };
  } catch (e) {
    if (!(e instanceof StoreError)) throw e;
    stores.set(url!, 'down');
    void store.close();
    return { findings: await check(undefined), storeProblem: e.message };
  }
}

/** The document's session, new when its corpus, store or format changed: its kept findings were judged against them. */
function sessionFor(document: string, engine: Engine, store: PgStore | undefined, format: DocumentFormat): IncrementalCheck {
  const kept = sessions.get(document);
  if (kept?.engine === engine && kept.store === store && kept.session.format === format) return kept.session;
  const session = engine.session(format);
  sessions.set(document, { engine, store, session });
  return session;
}
