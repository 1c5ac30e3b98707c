// What a factlint configuration holds, its defaults, and how layers of it combine.
// Layers are applied lowest first: the CLI uses defaults < config files < flags; the language server
// uses defaults < editor settings < config files. Config files come root first, each after what it extends.
import * as path from 'node:path';
import { formatOf } from '../engine/corpusIndex';
import type { DocumentFormat, EngineOptions, Verdict } from '../engine/types';

export type Severity = 'error' | 'warning' | 'info' | 'hint' | 'off';

/** The config file's keys (schemas/factlintrc.schema.json describes the same). */
export interface FactlintConfig {
  /** Stop looking for config files in the folders above this one. */
  root?: boolean;
  /** Config files this one builds on, relative to it; later entries and this file override earlier ones. */
  extends?: string | string[];
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
  /** A config file: its corpus folders add to those of the config files before it (see resolveConfig). */
  fromFile?: boolean;
}

/** .gitignore-style patterns and the folder they are relative to. */
export interface IgnoreRules {
  patterns: string[];
  baseDir: string;
}

export interface ResolvedConfig {
  /** Every config file that applies, lowest precedence first. */
  sources: string[];
  /** Absolute corpus folders. */
  corpusDirs: string[];
  /** The config file that named each corpus folder; folders from flags or editor settings have none. */
  corpusSources: Map<string, string>;
  bundledCorpus: boolean;
  severity: Record<Verdict, Severity>;
  /** Undefined leaves the engine's default. */
  tolerance?: number;
  /** A PostgreSQL fact store to check against as well; undefined for none. */
  store?: string;
  /** Each layer's ignores, lowest precedence first; a later layer's `!pattern` can take a file back. */
  ignores: IgnoreRules[];
  languages: DocumentFormat[];
}

export const DEFAULT_SEVERITY: Readonly<Record<Verdict, Severity>> = {
  mismatch: 'warning',
  unverified: 'info',
  supported: 'hint',
};

export const DEFAULT_LANGUAGES: readonly DocumentFormat[] = ['markdown', 'plaintext'];

export { formatOf };
export { LANGUAGE_EXTENSIONS } from './languages';

/**
 * Combines layers, lowest precedence first. Per key: `corpus` folders add up along a chain of config
 * files (deduplicated), while a layer that is not a config file (flags, editor settings) replaces the
 * list it comes after or before; `ignores` add up, each relative to its own file; `severity` merges
 * verdict by verdict; every other key is taken from the last layer that sets it.
 */
export function resolveConfig(layers: ConfigLayer[]): ResolvedConfig {
  const resolved: ResolvedConfig = {
    sources: [],
    corpusDirs: [],
    corpusSources: new Map(),
    bundledCorpus: true,
    severity: { ...DEFAULT_SEVERITY },
    ignores: [],
    languages: [...DEFAULT_LANGUAGES],
  };
  let corpusFromFiles = true;
  for (const { config, baseDir, source, fromFile = false } of layers) {
    if (source && !resolved.sources.includes(source)) resolved.sources.push(source);
    if (config.corpus) {
      if (!(fromFile && corpusFromFiles)) {
        resolved.corpusDirs = [];
        resolved.corpusSources.clear();
      }
      corpusFromFiles = fromFile;
      for (const dir of config.corpus.map((d) => path.resolve(baseDir, d))) {
        if (resolved.corpusDirs.includes(dir)) continue;
        resolved.corpusDirs.push(dir);
        if (source) resolved.corpusSources.set(dir, source);
      }
    }
    if (config.bundledCorpus !== undefined) resolved.bundledCorpus = config.bundledCorpus;
    if (config.severity) Object.assign(resolved.severity, config.severity);
    if (config.tolerance !== undefined) resolved.tolerance = config.tolerance;
    if (config.store !== undefined) resolved.store = config.store;
    if (config.ignores) resolved.ignores.push({ patterns: [...config.ignores], baseDir });
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
