// What the VS Code client and the language server share: the `factlint.*` settings and the custom
// requests and notifications between them. The settings are documented for users in package.json
// `contributes.configuration`; a test keeps the defaults below equal to the ones declared there.
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { Severity } from './config/settings';

export type RunMode = 'onType' | 'onSave';

/** The `factlint` settings section, as VS Code returns it for `workspace/configuration`. */
export interface FactlintSettings {
  corpus: {
    /** Extra corpus folders; relative paths resolve against the document's workspace folder. */
    folders: string[];
    useBundled: boolean;
  };
  severity: {
    mismatch: Severity;
    supported: Severity;
    unverified: Severity;
  };
  /** Relative tolerance for approximate figures (0.1 = ±10%). */
  tolerance: number;
  /** Language ids of the documents to check. */
  languages: string[];
  run: RunMode;
  debounceMs: number;
  /** Largest document checked, in MB; larger ones get one information diagnostic instead. */
  maxFileSize: number;
  /** A PostgreSQL fact store to check against as well; empty for none. */
  store: string;
}

export const DEFAULT_SETTINGS: FactlintSettings = {
  corpus: { folders: [], useBundled: true },
  severity: { mismatch: 'warning', supported: 'off', unverified: 'hint' },
  tolerance: 0.1,
  languages: ['markdown', 'plaintext'],
  run: 'onType',
  debounceMs: 300,
  maxFileSize: 5,
  store: '',
};

/** Sent by the client in `initializationOptions`. */
export interface FactlintInitializationOptions {
  /**
   * False in an untrusted VS Code workspace: the server then ignores corpus folders that a config
   * file inside the workspace adds outside it (the client filters the workspace settings itself).
   */
  workspaceTrusted?: boolean;
}

export interface VerdictCounts {
  mismatch: number;
  supported: number;
  unverified: number;
}

/** Server → client after each check of an open document; `counts` is null once it is closed. */
export interface StatusParams {
  uri: string;
  counts: VerdictCounts | null;
}
export const StatusNotification = new NotificationType<StatusParams>('factlint/status');

export interface CorpusDocumentInfo {
  id: string;
  title: string;
  /** File URI of the corpus document. */
  uri: string;
  publication?: string;
  author?: string;
}

/** The corpus documents that apply to a draft (or to the first workspace folder when no uri is given). */
export interface CorpusDocumentsParams {
  uri?: string;
}
export const CorpusDocumentsRequest = new RequestType<CorpusDocumentsParams, CorpusDocumentInfo[], void>(
  'factlint/corpusDocuments',
);

/** Checks files on disk (the "check workspace" command) and publishes their diagnostics. */
export interface CheckFilesParams {
  uris: string[];
}
export interface CheckFilesResult extends VerdictCounts {
  files: number;
  /** One message per file that could not be read or checked. */
  errors: string[];
}
export const CheckFilesRequest = new RequestType<CheckFilesParams, CheckFilesResult, void>('factlint/checkFiles');

/** Command a code action runs to open a corpus document at a line (any LSP client can run it). */
export const OPEN_SOURCE_COMMAND = 'factlint.openSource';
