// What a factlint configuration holds, its defaults, and how layers of it combine.
// Layers are applied lowest first: the CLI uses defaults < config file < flags; the language server
// uses defaults < editor settings < config file.
import * as path from 'node:path';
import { formatOf, MARKDOWN_EXTENSIONS } from '../engine/corpusIndex';
import type { DocumentFormat, EngineOptions, Verdict } from '../engine/types';

export type Severity = 'error' | 'warning' | 'info' | 'hint' | 'off';

/** The config file's keys (schemas/factlintrc.schema.json describes the same). */
export interface FactlintConfig {
  /** Extra corpus folders, relative to the file that names them. */
  corpus?: string[];
  bundledCorpus?: boolean;
  severity?: Partial<Record<Verdict, Severity>>;
  tolerance?: number;
  /** A PostgreSQL fact store (store/pgStore.ts) to check against as well. */
  store?: string;
  /** .gitignore-style patterns, relative to the file that names them. */
  ignores?: string[];
  languages?: DocumentFormat[];
}

/** A configuration and the folder its relative paths start from. */
export interface ConfigLayer {
  config: FactlintConfig;
  baseDir: string;
  /** The file it came from, for messages. */
  source?: string;
}

export interface ResolvedConfig {
  /** The config file that applies, if any. */
  source?: string;
  /** Absolute corpus folders. */
  corpusDirs: string[];
  bundledCorpus: boolean;
  severity: Record<Verdict, Severity>;
  /** Undefined leaves the engine's default. */
  tolerance?: number;
  store?: string;
  ignores: { patterns: string[]; baseDir: string };
  languages: DocumentFormat[];
}

export const DEFAULT_SEVERITY: Readonly<Record<Verdict, Severity>> = {
  mismatch: 'warning',
  unverified: 'info',
  supported: 'hint',
};

export const DEFAULT_LANGUAGES: readonly DocumentFormat[] = ['markdown', 'plaintext'];

/** File extensions of each kind of draft, lower case with the dot. */
export const LANGUAGE_EXTENSIONS: Readonly<Record<DocumentFormat, readonly string[]>> = {
  markdown: MARKDOWN_EXTENSIONS,
  plaintext: ['.txt'],
};

export { formatOf };

/** Combines layers, lowest precedence first. A key set in a higher layer replaces the lower one's. */
export function resolveConfig(layers: ConfigLayer[], cwd: string): ResolvedConfig {
  const resolved: ResolvedConfig = {
    corpusDirs: [],
    bundledCorpus: true,
    severity: { ...DEFAULT_SEVERITY },
    ignores: { patterns: [], baseDir: cwd },
    languages: [...DEFAULT_LANGUAGES],
  };
  for (const { config, baseDir, source } of layers) {
    if (source) resolved.source = source;
    if (config.corpus) resolved.corpusDirs = config.corpus.map((dir) => path.resolve(baseDir, dir));
    if (config.bundledCorpus !== undefined) resolved.bundledCorpus = config.bundledCorpus;
    if (config.severity) Object.assign(resolved.severity, config.severity);
    if (config.tolerance !== undefined) resolved.tolerance = config.tolerance;
    if (config.store !== undefined) resolved.store = config.store;
    if (config.ignores) resolved.ignores = { patterns: [...config.ignores], baseDir };
    if (config.languages) resolved.languages = [...config.languages];
  }
  return resolved;
}

/**
 * What an engine for this configuration loads: one engine serves every draft whose options are equal,
 * so the CLI and the language server key their engines on this too. `corpusDirs` narrows the
 * configured folders (the editor leaves out missing ones rather than fail).
 */
export function engineOptions(config: ResolvedConfig, corpusDirs = config.corpusDirs): EngineOptions {
  return { bundledCorpus: config.bundledCorpus, corpusDirs, tolerance: config.tolerance };
}
