// The language status item (the `{}` entry beside the language in the status bar) for drafts: the
// corpus the active draft is checked against, a spinner while the server indexes that corpus or
// checks the draft, and why it cannot be checked. Verdict counts are left to the Problems counter.
import * as vscode from 'vscode';
import type { CheckActivity, CorpusSummary, StatusParams } from '../../server/src/protocol';

/** What the item shows; the extension's API hands it to tests. */
export interface StatusView {
  text: string;
  detail: string;
  busy: boolean;
  severity: 'information' | 'warning' | 'error';
}

interface Outcome {
  corpus: CorpusSummary | null;
  problems: string[];
}

const BUSY_TEXT: Record<CheckActivity, string> = { indexing: 'Indexing the corpus…', checking: 'Checking…' };

export class LanguageStatus implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  private readonly outcomes = new Map<string, Outcome>();
  private readonly busy = new Map<string, CheckActivity>();
  private off = false;
  private readonly changed = new vscode.EventEmitter<StatusView>();
  private readonly subscription = vscode.window.onDidChangeActiveTextEditor(() => this.render());
  /** Fires with what the item shows after each change. */
  readonly onDidChange = this.changed.event;
  view: StatusView = { text: '', detail: '', busy: false, severity: 'information' };

  constructor(selector: vscode.DocumentSelector) {
    this.item = vscode.languages.createLanguageStatusItem('factlint.status', selector);
    this.item.name = 'factlint';
    this.render();
  }

  /** The languages checked changed. */
  set selector(selector: vscode.DocumentSelector) {
    this.item.selector = selector;
  }

  update(params: StatusParams): void {
    if (params.busy) this.busy.set(params.uri, params.busy);
    else {
      this.busy.delete(params.uri);
      this.outcomes.set(params.uri, { corpus: params.corpus, problems: params.problems });
    }
    this.render();
  }

  /** Checking turned off for the workspace (or on again); either way the server's state starts afresh. */
  setOff(off: boolean): void {
    this.off = off;
    this.clear();
  }

  /** The server stopped. */
  clear(): void {
    this.outcomes.clear();
    this.busy.clear();
    this.render();
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
    this.item.dispose();
  }

  private render(): void {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const view = uri === undefined ? undefined : this.viewOf(uri);
    if (!view) return;
    const { item } = this;
    item.text = view.text;
    item.detail = view.detail;
    item.busy = view.busy;
    item.severity = { information: vscode.LanguageStatusSeverity.Information, warning: vscode.LanguageStatusSeverity.Warning, error: vscode.LanguageStatusSeverity.Error }[view.severity];
    item.command = this.off
      ? { title: 'Turn on', command: 'factlint.toggle', tooltip: 'Check drafts in this workspace again' }
      : view.severity === 'error'
        ? { title: 'Show log', command: 'factlint.showOutput' }
        : { title: 'Show corpus', command: 'factlint.showCorpus' };
    item.accessibilityInformation = { label: `factlint: ${view.text}. ${view.detail}` };
    this.view = view;
    this.changed.fire(view);
  }

  private viewOf(uri: string): StatusView {
    if (this.off) return { text: 'factlint: off', detail: 'Checking is turned off for this workspace', busy: false, severity: 'information' };
    const activity = this.busy.get(uri);
    const outcome = this.outcomes.get(uri);
    const corpus = outcome?.corpus ? describeCorpus(outcome.corpus) : undefined;
    if (activity) return { text: BUSY_TEXT[activity], detail: corpus ? `factlint corpus: ${corpus}` : 'factlint', busy: true, severity: 'information' };
    if (!outcome) return { text: 'factlint', detail: 'Waiting for the first check', busy: true, severity: 'information' };
    if (outcome.problems.length)
      return { text: corpus ?? 'factlint: not checked', detail: outcome.problems.join(' · '), busy: false, severity: outcome.corpus ? 'warning' : 'error' };
    if (!corpus)
      return { text: 'factlint: not checked', detail: "Its language, the config file's ignores or factlint.exclude leave it out", busy: false, severity: 'information' };
    return { text: corpus, detail: 'factlint corpus', busy: false, severity: 'information' };
  }
}

function describeCorpus({ documents, facts }: CorpusSummary): string {
  return `${documents.toLocaleString('en')} document${documents === 1 ? '' : 's'}, ${facts.toLocaleString('en')} fact${facts === 1 ? '' : 's'}`;
}
