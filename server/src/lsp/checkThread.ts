// The server's side of the check worker (checkWorker.ts): one check at a time, in the order asked;
// a check that is no longer wanted (its document changed again) is dropped before it starts, or
// stopped between sentences once it has (cancelStale). The worker is started on first use and again
// after it dies (out of memory, say).
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CorpusDocument, DocumentFormat } from '../engine';
import type { SuppressionResult } from '../engine/suppress';

/** A corpus as the worker builds its engine: `documents` only the first time it sees `key`. */
export interface CorpusRef {
  key: string;
  documents?: CorpusDocument[];
  tolerance?: number;
  store?: string;
}

export type WorkerRequest =
  | { type: 'clear' }
  | { type: 'forget'; document: string }
  | {
      type: 'check';
      id: number;
      corpus: CorpusRef;
      text: string;
      format: DocumentFormat;
      /** An open document's URI: the worker keeps its findings sentence by sentence and re-checks only what changed. */
      document?: string;
      /** Set to 1 by the server when the check is no longer wanted; the worker then stops. */
      cancel: Int32Array;
    };
/**
 * `facts`: how many facts the corpus's engine holds. `storeProblem`: the fact store could not be
 * used, so the findings are the local corpus's alone.
 */
export type WorkerReply =
  | ({ id: number; facts: number; storeProblem?: string } & SuppressionResult)
  | { id: number; cancelled: true }
  | { id: number; error: string }
  | IndexProgress;

/** Sent while the worker indexes a corpus for a check. */
export interface IndexProgress {
  id: number;
  indexed: number;
  total: number;
}

export interface ThreadResult extends SuppressionResult {
  /** How many facts the corpus states. */
  facts: number;
}

interface Job {
  corpus: { key: string; documents: CorpusDocument[]; tolerance?: number; store?: string };
  text: string;
  format: DocumentFormat;
  document?: string;
  wanted: () => boolean;
  /** Called when the worker starts on the check; `indexing` when it must first index the corpus. */
  started?: (indexing: boolean) => void;
  resolve: (result: ThreadResult | undefined) => void;
  reject: (error: Error) => void;
}

export class CheckThread {
  private worker: Worker | undefined;
  /** Corpus keys the running worker has an engine for. */
  private readonly known = new Set<string>();
  private readonly queue: Job[] = [];
  private running: (Job & { id: number; cancel: Int32Array }) | undefined;
  private nextId = 1;

  constructor(
    /** Hears how far the worker is in indexing a corpus. */
    private readonly onIndexProgress: (indexed: number, total: number) => void = () => undefined,
    /** Hears why a fact store could not be used (the check then used the local corpus alone). */
    private readonly onStoreProblem: (message: string) => void = () => undefined,
    private readonly script = path.join(__dirname, 'checkWorker.js'),
  ) {}

  /**
   * The document's findings, unused disable comments and the corpus's fact count, or undefined when
   * `wanted` says no before the check ends. `document` names an open document, whose next checks
   * re-check only what changed; `started` hears when the worker starts on the check.
   */
  check(
    corpus: Job['corpus'],
    text: string,
    format: DocumentFormat,
    wanted: () => boolean,
    { document, started }: Pick<Job, 'document' | 'started'> = {},
  ): Promise<ThreadResult | undefined> {
    return new Promise((resolve, reject) => {
      this.queue.push({ corpus, text, format, document, wanted, started, resolve, reject });
      this.pump();
    });
  }

  /** Stops the running check if it is no longer wanted; what it has checked is kept for the next. */
  cancelStale(): void {
    if (this.running && !this.running.wanted()) Atomics.store(this.running.cancel, 0, 1);
  }

  /** The corpus changed: the worker drops its engines. */
  clear(): void {
    this.known.clear();
    this.worker?.postMessage({ type: 'clear' } satisfies WorkerRequest);
  }

  /** The document was closed: the worker drops what it kept of it. */
  forget(document: string): void {
    this.worker?.postMessage({ type: 'forget', document } satisfies WorkerRequest);
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private pump(): void {
    while (!this.running && this.queue.length) {
      const job = this.queue.shift()!;
      if (!job.wanted()) {
        job.resolve(undefined);
        continue;
      }
      const worker = this.start();
      const id = this.nextId++;
      const cancel = new Int32Array(new SharedArrayBuffer(4));
      this.running = { ...job, id, cancel };
      const { key, documents, tolerance, store } = job.corpus;
      const indexing = !this.known.has(key);
      const corpus: CorpusRef = indexing ? { key, documents, tolerance, store } : { key, store };
      this.known.add(key);
      job.started?.(indexing);
      worker.postMessage({ type: 'check', id, corpus, text: job.text, format: job.format, document: job.document, cancel } satisfies WorkerRequest);
    }
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script);
    worker.on('message', (reply: WorkerReply) => {
      const job = this.running;
      if (!job || job.id !== reply.id) return;
      if ('indexed' in reply) return this.onIndexProgress(reply.indexed, reply.total);
      this.running = undefined;
      if ('error' in reply) job.reject(new Error(reply.error));
      else if ('cancelled' in reply) job.resolve(undefined);
      else {
        if (reply.storeProblem) this.onStoreProblem(reply.storeProblem);
        job.resolve({ findings: reply.findings, unusedDisables: reply.unusedDisables, facts: reply.facts });
      }
      this.pump();
    });
    const died = (error: Error) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.known.clear();
      const job = this.running;
      this.running = undefined;
      job?.reject(error);
      this.pump();
    };
    worker.on('error', died);
    worker.on('exit', (code) => died(new Error(`the check worker stopped (exit code ${code})`)));
    worker.unref();
    this.worker = worker;
    return worker;
  }
}
