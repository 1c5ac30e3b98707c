// The worker thread that checks documents (dist/checkWorker.js), so that a long check never holds
// up the server's message loop: hovers, code actions and other documents are answered meanwhile.
// It keeps one engine per corpus, built from the documents the server sends with the first check
// that needs it (the server reads the corpus, so what it lists and what is checked are the same).
import { parentPort } from 'node:worker_threads';
import { Engine } from '../engine';
import { defaultCacheDir } from '../engine/indexCache';
import { applySuppressions } from '../engine/suppress';
import type { WorkerReply, WorkerRequest } from './checkThread';

const engines = new Map<string, Engine>();

parentPort!.on('message', (request: WorkerRequest) => {
  if (request.type === 'clear') return engines.clear();
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
    reply = { id: request.id, findings: applySuppressions(text, engine.check(text, { format }), format).findings };
  } catch (e) {
    reply = { id: request.id, error: (e as Error).stack ?? String(e) };
  }
  parentPort!.postMessage(reply);
});
