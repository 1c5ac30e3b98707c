// What the VS Code client and the language server share: the `factlint.*` settings and the custom
// requests and notifications between them. The settings are documented for users in package.json
// `contributes.configuration`; a test keeps the defaults below equal to the ones declared there.
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import type { Severity } from './config/settings';

export type RunMode = 'onType' | 'onSave';

/** The `factlint` settings section, as VS Code returns it for `workspace/configuration`. */
export interface FactlintSettings {
  corpus: {
    /** Extra corpus folders; relative paths resolve against the document's workspace folder. */
    folders: string[];
    useBundled: boolean;
    /** Config files may name corpus folders outside the workspace (never in an untrusted one). */
    allowOutsideWorkspace: boolean;
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
  /** .gitignore-style patterns, relative to the workspace folder, of documents not to check. */
  exclude: string[];
  /** The one config file to use instead of looking for them (as `factlint -c`); empty: look for them. */
  configFile: string;
  /** A PostgreSQL fact store to check against as well; empty for none. */
  store: string;
}

export const DEFAULT_SETTINGS: FactlintSettings = {
  corpus: { folders: [], useBundled: true, allowOutsideWorkspace: false },
  severity: { mismatch: 'warning', supported: 'off', unverified: 'hint' },
  tolerance: 0.1,
  languages: ['markdown', 'plaintext'],
  run: 'onType',
  debounceMs: 50,
  maxFileSize: 5,
  exclude: [],
  configFile: '',
  store: '',
};

/** `factlint` settings that only the VS Code client reads. */
export interface ClientSettings {
  /** Hide diagnostics on the line the cursor is on while it stays there. */
  focusMode: boolean;
}

export const DEFAULT_CLIENT_SETTINGS: ClientSettings = { focusMode: false };

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

/** The corpus a draft is checked against. */
export interface CorpusSummary {
  documents: number;
  /** Figures in the sources that state something, each counted once per document. */
  facts: number;
}

/** What the server is doing for a draft: indexing its corpus (the first check against it), or checking it. */
export type CheckActivity = 'indexing' | 'checking';

/**
 * Server → client about an open document: `busy` when a check starts, then its outcome. `corpus` is
 * null when the document is not checked (closed, its language, ignored by the config file or by
 * factlint.exclude, or it cannot be); `problems` say why it cannot be checked as configured.
 */
export type StatusParams = { uri: string; busy: CheckActivity } | { uri: string; busy?: undefined; corpus: CorpusSummary | null; problems: string[] };
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

/**
 * Checks every draft in the workspace folders, found as the CLI finds them in a folder (.gitignore
 * applies), and publishes their diagnostics.
 */
export const CheckWorkspaceRequest = new RequestType0<CheckFilesResult, void>('factlint/checkWorkspace');

/**
 * The config file that applies to a draft (or to a draft at the top of the first workspace folder): the
 * one `factlint.configFile` names, else the nearest (config files above it apply too, merged under it).
 */
export interface ConfigFileParams {
  uri?: string;
}
export interface ConfigFileResult {
  /** Absolute path; null when no config file applies. */
  path: string | null;
}
export const ConfigFileRequest = new RequestType<ConfigFileParams, ConfigFileResult, void>('factlint/configFile');

/** The code action kind that applies every mismatch's single replacement (for editor.codeActionsOnSave). */
export const FIX_ALL_KIND = 'source.fixAll.factlint';

/** Command a code action runs to open a corpus document at a line (any LSP client can run it). */
export const OPEN_SOURCE_COMMAND = 'factlint.openSource';

/** The HTML report of an open document (the "Open Report" command): the page `factlint --format html` writes. */
export interface ReportParams {
  uri: string;
}
export interface ReportResult {
  /** A whole page whose content security policy allows only its own style and script (by nonce). */
  html: string;
  /** The draft's path as the report shows it. */
  path: string;
}
/** Null when the document is not open in the server or factlint does not check it (language, config ignores). */
export const ReportRequest = new RequestType<ReportParams, ReportResult | null, void>('factlint/report');
