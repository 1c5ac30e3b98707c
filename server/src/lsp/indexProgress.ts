// "Indexing 10,000 sources… 40%": LSP work-done progress while the check worker indexes a large
// corpus, for clients that show it (window.workDoneProgress).
import type { Connection, WorkDoneProgressServerReporter } from 'vscode-languageserver/node';

/** A few hundred documents index in about a second: a notification for them would only flicker. */
export const INDEX_PROGRESS_MIN_SOURCES = 200;

export class IndexProgress {
  private reporter: Promise<WorkDoneProgressServerReporter | undefined> | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly supported: boolean,
  ) {}

  readonly report = (indexed: number, total: number): void => {
    if (!this.supported || total < INDEX_PROGRESS_MIN_SOURCES) return;
    const message = `Indexing ${total.toLocaleString('en-US')} sources…`;
    // The client makes the token; each step waits for it, in order.
    this.reporter ??= this.connection.window.createWorkDoneProgress().then(
      (r) => (r.begin('factlint', 0, message, false), r),
      () => undefined,
    );
    const percent = Math.floor((indexed / total) * 100);
    const done = indexed === total;
    void this.reporter.then((r) => (done ? r?.done() : r?.report(percent, `${message} ${percent}%`)));
    if (done) this.reporter = undefined;
  };
}
