// The editor's `factlint` settings: fetched per document from the client (or taken from
// workspace/didChangeConfiguration for clients that cannot be asked), checked key by key, with
// the defaults from protocol.ts for anything missing. A wrong value is reported once and ignored.
import type { Connection } from 'vscode-languageserver';
import { DEFAULT_SETTINGS, type FactlintSettings } from '../protocol';

const SEVERITIES = ['error', 'warning', 'info', 'hint', 'off'];

type Check = (value: unknown) => boolean;
const isStringArray: Check = (v) => Array.isArray(v) && v.every((s) => typeof s === 'string');
const isBoolean: Check = (v) => typeof v === 'boolean';
const isSeverity: Check = (v) => typeof v === 'string' && SEVERITIES.includes(v);

/** Every setting: its path under `factlint`, how to check a value, what to say when it is wrong. */
const KEYS: Array<[string[], Check, string]> = [
  [['corpus', 'folders'], isStringArray, 'a list of folder paths'],
  [['corpus', 'useBundled'], isBoolean, 'true or false'],
  [['corpus', 'allowOutsideWorkspace'], isBoolean, 'true or false'],
  [['severity', 'mismatch'], isSeverity, `one of ${SEVERITIES.join(', ')}`],
  [['severity', 'supported'], isSeverity, `one of ${SEVERITIES.join(', ')}`],
  [['severity', 'unverified'], isSeverity, `one of ${SEVERITIES.join(', ')}`],
  [['tolerance'], (v) => typeof v === 'number' && v >= 0 && v <= 1, 'a number from 0 to 1'],
  [['languages'], isStringArray, 'a list of language ids'],
  [['run'], (v) => v === 'onType' || v === 'onSave', 'onType or onSave'],
  [['debounceMs'], (v) => Number.isInteger(v) && (v as number) >= 0, 'a whole number of milliseconds'],
  [['store'], (v) => v === '' || (typeof v === 'string' && /^postgres(ql)?:\/\//.test(v)), 'a PostgreSQL URL (postgres://…), or empty'],
  [['maxFileSize'], (v) => typeof v === 'number' && v >= 0 && Number.isFinite(v), 'a number of megabytes, 0 or more'],
  [['exclude'], isStringArray, 'a list of glob patterns'],
  [['configFile'], (v) => typeof v === 'string', 'a file path (empty to look for config files)'],
];

/** Settings from whatever the client sent; `problem` hears about each wrong value. */
export function normalizeSettings(raw: unknown, problem: (message: string) => void): FactlintSettings {
  const settings = structuredClone(DEFAULT_SETTINGS);
  for (const [keys, check, expected] of KEYS) {
    const value = keys.reduce<unknown>((node, key) => (isObject(node) ? node[key] : undefined), raw);
    if (value === undefined || value === null) continue;
    const parent = keys.slice(0, -1).reduce<Record<string, unknown>>((node, key) => node[key] as Record<string, unknown>, settings as never);
    if (check(value)) parent[keys[keys.length - 1]] = value;
    else problem(`Setting factlint.${keys.join('.')} should be ${expected}, not ${JSON.stringify(value)}; using ${JSON.stringify(parent[keys[keys.length - 1]])}.`);
  }
  return settings;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Settings per document, cached until the client says they changed. */
export class SettingsStore {
  private readonly cache = new Map<string, Promise<FactlintSettings>>();
  private pushed: FactlintSettings;

  constructor(
    private readonly connection: Connection,
    /** Whether the client answers workspace/configuration requests. */
    private readonly canPull: boolean,
    private readonly problem: (message: string) => void,
  ) {
    this.pushed = structuredClone(DEFAULT_SETTINGS);
  }

  /** Settings for a document or folder URI (undefined: the workspace's). */
  get(uri: string | undefined): Promise<FactlintSettings> {
    if (!this.canPull) return Promise.resolve(this.pushed);
    const key = uri ?? '';
    let settings = this.cache.get(key);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'factlint' })
        .then((raw) => normalizeSettings(raw, this.problem));
      this.cache.set(key, settings);
      // A failed request is not cached: the next check asks again.
      settings.catch(() => this.cache.delete(key));
    }
    return settings;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  /** workspace/didChangeConfiguration: clients that cannot be asked send the settings along. */
  changed(pushed: unknown): void {
    this.cache.clear();
    if (!this.canPull && isObject(pushed)) this.pushed = normalizeSettings(pushed.factlint, this.problem);
  }
}
