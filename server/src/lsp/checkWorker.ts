// The worker thread that checks documents (dist/checkWorker.js), so that a long check never holds
// up the server's message loop: hovers, code actions and other documents are answered meanwhile.
// It keeps one engine per corpus, built from the documents the server sends with the first check
// that needs it (the server reads the corpus, so what it lists and what is checked are the same),
// and one incremental session per open document, so that an edit re-checks only what it changed.
import { parentPort } from 'node:worker_threads';
import { CheckCancelled, Engine, type IncrementalCheck } from '../engine';
import { applySuppressions } from '../engine/suppress';
import type { WorkerReply, WorkerRequest } from './checkThread';

const engines = new Map<string, Engine>();
const sessions = new Map<string, { engine: Engine; session: IncrementalCheck }>();

parentPort!.on('message', (request: WorkerRequest) => {
  if (request.type === 'clear') {
    engines.clear();
    return sessions.clear();
  }
  if (request.type === 'forget') return sessions.delete(request.document);
  let reply: WorkerReply;
  try {
    let engine = engines.get(request.corpus.key);
    if (!engine) {
      if (!request.corpus.documents) throw new Error(`corpus ${request.corpus.key} was not sent`);
      engine = Engine.fromDocuments(request.corpus.documents, request.corpus.tolerance);
      engines.set(request.corpus.key, engine);
    }
    const { text, format, document, cancel } = request;
    const findings = document ? sessionFor(document, engine, format).check(text, () => Atomics.load(cancel, 0) !== 0) : engine.check(text, { format });
    reply = { id: request.id, ...applySuppressions(text, findings, format), facts: engine.factCount };
  } catch (e) {
    reply = e instanceof CheckCancelled ? { id: request.id, cancelled: true } : { id: request.id, error: (e as Error).stack ?? String(e) };
  }
  parentPort!.postMessage(reply);
});

/** The document's session, new when its corpus or format changed. */
function sessionFor(document: string, engine: Engine, format: IncrementalCheck['format']): IncrementalCheck {
  const kept = sessions.get(document);
  if (kept?.engine === engine && kept.session.format === format) return kept.session;
  const session = engine.session(format);
  sessions.set(document, { engine, session });
  return session;
}
