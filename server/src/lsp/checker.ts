// When and how documents are checked: open documents on open and (after a short, adaptive debounce)
// on change or on save; a newer edit cancels a check that has not published yet (or stops it where
// it is); closing clears. Files on disk are checked for the "check workspace" command. Every check
// keeps its findings for hover, code actions and Go to Definition, which answer from the latest
// check at once (moved past any edit since) and never check themselves. The engine runs in a worker
// thread, so a long check never holds up the message loop; there an open document's checks re-check
// only what each edit changed. Diagnostics are pushed, or pulled where the client asks for them.
import { DiagnosticSeverity, type Connection, type Diagnostic, type TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { formatOf } from '../config';
import { MEGABYTE, megabytes, readTextFile } from '../engine/readText';
import type { Severity } from '../config';
import type { DocumentFormat, Finding, Verdict } from '../engine';
import { StatusNotification, type CheckActivity, type CheckFilesResult, type CorpusSummary, type FactlintSettings } from '../protocol';
import type { SuppressionDirective, SuppressionResult } from '../engine/suppress';
import { Debounce } from './debounce';
import { countVerdicts, toDiagnostics, unusedDirectiveDiagnostics } from './diagnostics';
import type { DocumentConfigs } from './documentConfig';
import type { CheckThread } from './checkThread';
import type { Corpora } from './corpora';
import type { SettingsStore } from './settings';
import { moved } from './staleFindings';
import { uriPath } from './uris';

export interface Checked {
  /** The document version checked (open documents change in place, so this is kept apart). */
  version: number;
  /** The text checked, to move the findings past later edits. */
  text: string;
  format: DocumentFormat;
  /** Empty when the document is not checked (language, config ignores) or its corpus cannot load. */
  findings: Finding[];
  /** Disable comments that suppress nothing, shown faded. */
  unusedDisables: SuppressionDirective[];
  /** False when the document is left out by its language or the config file. */
  included: boolean;
  severity: Record<Verdict, Severity>;
  /** Diagnostics about the document as a whole: too large to check, or its config file is broken. */
  notices: Diagnostic[];
  /** The corpus it was checked against; null when it was not checked. */
  corpus: CorpusSummary | null;
  /** Why it was not checked as configured: the notices' messages, and a check that failed. */
  problems: string[];
}

export interface CheckerDeps {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  settings: SettingsStore;
  configs: DocumentConfigs;
  corpora: Corpora;
  /** Where the engine runs, off the message loop. */
  thread: CheckThread;
  relatedInformation: boolean;
  /** The client pulls diagnostics (textDocument/diagnostic) rather than taking them pushed; `refresh`: it can be told to pull again. */
  pull?: { refresh: boolean };
}

export class Checker {
  private readonly latest = new Map<string, Checked>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Bumped by every edit, open, save and close; a check publishes only if its generation is still current. */
  private readonly generations = new Map<string, number>();
  private readonly debounce = new Debounce();
  /** Pulls of diagnostics waiting for the check of their document's version. */
  private readonly pulls = new Map<string, { version: number; resolve: (diagnostics: Diagnostic[]) => void }[]>();
  /** Requests waiting for a version's check (the report): answered once it is done, or undefined when the document closes. */
  private readonly waiting = new Map<string, { version: number; resolve: (checked: Checked | undefined) => void }[]>();

  constructor(private readonly deps: CheckerDeps) {}

  /** A document was opened (check now) or edited (check after the debounce, or not until saved). */
  async changed(uri: string): Promise<void> {
    const opened = !this.generations.has(uri);
    const generation = this.bump(uri);
    const settings = await this.deps.settings.get(uri);
    if (generation !== this.generations.get(uri)) return;
    if (!opened && settings.run === 'onSave') return;
    const delay = opened ? 0 : this.debounce.delay(uri, settings.debounceMs);
    this.timers.set(uri, setTimeout(() => void this.publish(uri, generation), delay));
  }

  async saved(uri: string): Promise<void> {
    const settings = await this.deps.settings.get(uri);
    if (settings.run === 'onSave') await this.publish(uri, this.bump(uri));
  }

  closed(uri: string): void {
    this.bump(uri);
    this.generations.delete(uri);
    this.latest.delete(uri);
    this.debounce.forget(uri);
    this.deps.thread.forget(uri);
    for (const pull of this.pulls.get(uri) ?? []) pull.resolve([]);
    this.pulls.delete(uri);
    for (const wait of this.waiting.get(uri) ?? []) wait.resolve(undefined);
    this.waiting.delete(uri);
    void this.deps.connection.sendDiagnostics({ uri, diagnostics: [] });
    void this.deps.connection.sendNotification(StatusNotification, { uri, corpus: null, problems: [] });
  }

  /** Settings, config files or the corpus changed: check every open document again. */
  recheckAll(): void {
    for (const doc of this.deps.documents.all()) void this.publish(doc.uri, this.bump(doc.uri));
  }

  /**
   * The latest findings, moved to where they stand in the document as it is now; a figure an edit
   * touched since has none until its check comes. Never waits for a check.
   */
  latestFor(doc: TextDocument): Checked | undefined {
    const last = this.latest.get(doc.uri);
    if (!last || last.version === doc.version) return last;
    const text = doc.getText();
    return { ...last, version: doc.version, text, findings: moved(last.findings, last.text, text), unusedDisables: moved(last.unusedDisables, last.text, text) };
  }

  /**
   * The check of the document as it is now, once it is done (the latest, moved, when it is only
   * checked on save); undefined when the document closes first.
   */
  async checked(doc: TextDocument): Promise<Checked | undefined> {
    const settings = await this.deps.settings.get(doc.uri);
    const last = this.latest.get(doc.uri);
    if (last?.version === doc.version || (last && settings.run === 'onSave')) return this.latestFor(doc);
    return new Promise((resolve) => this.waiting.set(doc.uri, [...(this.waiting.get(doc.uri) ?? []), { version: doc.version, resolve }]));
  }

  /**
   * textDocument/diagnostic: the document's diagnostics once the check of its version is done (the
   * latest ones, moved, when it is only checked on save).
   */
  async pulled(uri: string): Promise<Diagnostic[]> {
    const settings = await this.deps.settings.get(uri);
    const doc = this.deps.documents.get(uri);
    if (!doc) return [];
    const last = this.latest.get(uri);
    if (last?.version === doc.version) return this.diagnostics(doc, last);
    if (last && settings.run === 'onSave') return this.diagnostics(doc, this.latestFor(doc)!);
    return new Promise((resolve) => this.pulls.set(uri, [...(this.pulls.get(uri) ?? []), { version: doc.version, resolve }]));
  }

  /** Checks files on disk and publishes their diagnostics; open documents are checked as they are in the editor. */
  async checkFiles(uris: string[]): Promise<CheckFilesResult> {
    const result: CheckFilesResult = { files: 0, mismatch: 0, supported: 0, unverified: 0, errors: [] };
    for (const uri of uris) {
      const open = this.deps.documents.get(uri);
      let checked: Checked | undefined;
      if (open) checked = await this.publish(uri, this.bump(uri));
      else {
        const file = uriPath(uri);
        if (!file) continue;
        const settings = await this.deps.settings.get(uri);
        const read = readTextFile(file, settings.maxFileSize * MEGABYTE);
        if ('problem' in read) {
          result.errors.push(`${file}: ${read.problem}`);
          if (read.tooLarge) await this.deps.connection.sendDiagnostics({ uri, diagnostics: [tooLargeNotice(read.tooLarge.bytes, read.tooLarge.limit)] });
          continue;
        }
        const doc = TextDocument.create(uri, formatOf(file), 0, read.text);
        checked = await this.check(doc, settings, () => true);
        if (checked) await this.deps.connection.sendDiagnostics({ uri, diagnostics: this.diagnostics(doc, checked) });
      }
      if (!checked?.included) continue;
      result.files++;
      const counts = countVerdicts(checked.findings);
      result.mismatch += counts.mismatch;
      result.supported += counts.supported;
      result.unverified += counts.unverified;
    }
    return result;
  }

  private bump(uri: string): number {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    const generation = (this.generations.get(uri) ?? 0) + 1;
    this.generations.set(uri, generation);
    this.deps.thread.cancelStale();
    return generation;
  }

  private async publish(uri: string, generation: number): Promise<Checked | undefined> {
    this.timers.delete(uri);
    const doc = this.deps.documents.get(uri);
    if (!doc) return undefined;
    const settings = await this.deps.settings.get(uri);
    const wanted = () => generation === this.generations.get(uri);
    if (!wanted()) return undefined;
    const { connection, pull } = this.deps;
    let busy = false;
    const started = (activity: CheckActivity) => {
      busy = true;
      void connection.sendNotification(StatusNotification, { uri, busy: activity });
    };
    const checked = await this.check(doc, settings, wanted, { open: uri, started });
    if (!checked || !wanted()) {
      // A newer check follows, unless only a save starts one (run: onSave): the last outcome stands meanwhile.
      if (busy && this.deps.documents.get(uri)) await this.sendStatus(uri, this.latest.get(uri) ?? { corpus: null, problems: [] });
      return undefined;
    }
    this.latest.set(uri, checked);
    const waiting = this.waiting.get(uri) ?? [];
    for (const wait of waiting) if (wait.version <= checked.version) wait.resolve(checked);
    this.waiting.set(uri, waiting.filter((w) => w.version > checked.version));
    const diagnostics = this.diagnostics(doc, checked);
    if (!pull) await connection.sendDiagnostics({ uri, version: doc.version, diagnostics });
    else if (!this.answerPulls(uri, checked.version, diagnostics) && pull.refresh) connection.languages.diagnostics.refresh();
    await this.sendStatus(uri, checked);
    return checked;
  }

  private sendStatus(uri: string, { corpus, problems }: Pick<Checked, 'corpus' | 'problems'>): Promise<void> {
    return this.deps.connection.sendNotification(StatusNotification, { uri, corpus, problems });
  }

  /** Answers the pulls waiting for this version or an older one; false when none was. */
  private answerPulls(uri: string, version: number, diagnostics: Diagnostic[]): boolean {
    const waiting = this.pulls.get(uri) ?? [];
    const answered = waiting.filter((p) => p.version <= version);
    for (const p of answered) p.resolve(diagnostics);
    this.pulls.set(uri, waiting.filter((p) => p.version > version));
    return answered.length > 0;
  }

  /**
   * Checks the document as it is now; undefined when `wanted` says no before the engine is done.
   * `open`: the document's URI when it is open, so the worker re-checks only what changed; `started`
   * hears when the engine starts on it (after indexing the corpus first, or not).
   */
  private async check(
    doc: TextDocument,
    settings: FactlintSettings,
    wanted: () => boolean,
    { open, started }: { open?: string; started?: (activity: CheckActivity) => void } = {},
  ): Promise<Checked | undefined> {
    const version = doc.version;
    const resolved = this.deps.configs.resolve({ file: uriPath(doc.uri), languageId: doc.languageId }, settings);
    const { config, format, checked: included } = resolved;
    const notices: Diagnostic[] = [];
    if (resolved.configProblem)
      notices.push(notice(DiagnosticSeverity.Warning, 'config', `The config file cannot be used, so the editor settings apply: ${resolved.configProblem}`));
    const text = doc.getText();
    const limit = settings.maxFileSize * MEGABYTE;
    const bytes = included ? Buffer.byteLength(text) : 0;
    // An over-long document is never handed to the engine: every keystroke would re-check it.
    if (bytes > limit) notices.push(tooLargeNotice(bytes, limit));
    const corpus = included && bytes <= limit ? this.deps.corpora.get(config, limit) : undefined;
    if (corpus && 'problem' in corpus) notices.push(notice(DiagnosticSeverity.Warning, 'corpus', `factlint cannot check this document: ${corpus.problem}`));
    const problems = notices.map((n) => (typeof n.message === 'string' ? n.message : n.message.value));
    let result: SuppressionResult | undefined = { findings: [], unusedDisables: [] };
    let summary: CorpusSummary | null = null;
    if (corpus && 'documents' in corpus)
      try {
        const checked = await this.deps.thread.check(corpus, text, format, wanted, {
          document: open,
          started: (indexing) => started?.(indexing ? 'indexing' : 'checking'),
        });
        result = checked && { findings: checked.findings, unusedDisables: checked.unusedDisables };
        if (checked) summary = { documents: corpus.documents.length, facts: checked.facts };
      } catch (e) {
        this.deps.connection.console.error(`checking ${doc.uri} failed: ${(e as Error).message}`);
        problems.push('the check failed; see the factlint output');
      }
    return result && { version, text, format, ...result, included, severity: config.severity, notices, corpus: summary, problems };
  }

  private diagnostics(doc: TextDocument, checked: Checked) {
    return [
      ...checked.notices,
      ...toDiagnostics(doc, checked.findings, checked.severity, this.deps.relatedInformation),
      ...unusedDirectiveDiagnostics(doc, checked.unusedDisables),
    ];
  }
}

/** A diagnostic about the whole document, at its start. */
function notice(severity: DiagnosticSeverity, code: string, message: string): Diagnostic {
  return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity, source: 'factlint', code, message };
}

function tooLargeNotice(bytes: number, limit: number): Diagnostic {
  return notice(
    DiagnosticSeverity.Information,
    'not-checked',
    `factlint did not check this document: it is ${megabytes(bytes)}, over the ${megabytes(limit)} size limit (setting factlint.maxFileSize).`,
  );
}
