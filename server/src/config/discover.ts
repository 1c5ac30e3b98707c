// Finds the config file that applies to a draft: the nearest `.factlintrc.json`, `.factlintrc.yaml`
// (or `.yml`) or `package.json` with a "factlint" key, walking up from the draft's folder.
import * as fs from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';
import { readTextFile } from '../engine/readText';
import type { FactlintConfig } from './settings';
import { ConfigError, validateConfig } from './validate';

/** Names looked for in each folder, first match wins. */
export const CONFIG_FILE_NAMES = ['.factlintrc.json', '.factlintrc.yaml', '.factlintrc.yml', 'package.json'] as const;

export interface ConfigFile {
  path: string;
  config: FactlintConfig;
}

/** Reads and validates one config file. Undefined for a package.json without a "factlint" key. Throws ConfigError. */
export function readConfigFile(file: string): ConfigFile | undefined {
  const read = readTextFile(file);
  if ('problem' in read) throw new ConfigError(file, read.problem);
  const { text } = read;
  const name = path.basename(file);
  if (name === 'package.json') {
    const pkg = parseJson(text, file);
    if (pkg === EMPTY || pkg === null || typeof pkg !== 'object' || !('factlint' in pkg)) return undefined;
    return { path: file, config: validateConfig((pkg as { factlint: unknown }).factlint, file, 'factlint.') };
  }
  const value = /\.ya?ml$/.test(name) ? parseYaml(text, file) : parseJson(text, file);
  // An empty file (or one of only YAML comments) is an empty configuration; a written `null` is not one.
  return { path: file, config: validateConfig(value === EMPTY ? {} : value, file) };
}

/** What an empty config file parses to. */
const EMPTY = Symbol('empty');

function parseJson(text: string, file: string): unknown {
  if (text.trim() === '') return EMPTY;
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ConfigError(file, `invalid JSON: ${(e as Error).message}`);
  }
}

function parseYaml(text: string, file: string): unknown {
  const doc = YAML.parseDocument(text);
  if (doc.errors.length) throw new ConfigError(file, `invalid YAML: ${doc.errors[0].message.split('\n')[0]}`);
  if (doc.contents === null) return EMPTY;
  try {
    // Aliases are expanded here; the library refuses a document whose aliases multiply out (an alias
    // bomb) and one with an alias no anchor defines ("*x").
    return doc.toJS();
  } catch (e) {
    throw new ConfigError(file, `invalid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
}

/** Looks up config files with a cache per folder; call clear() when config files may have changed. */
export class ConfigFinder {
  private readonly byDir = new Map<string, ConfigFile | ConfigError | null>();

  /** The config file for a draft (or a folder), or undefined. Throws the ConfigError of a broken file. */
  forFile(file: string): ConfigFile | undefined {
    const found = this.lookup(path.dirname(path.resolve(file)));
    if (found instanceof ConfigError) throw found;
    return found ?? undefined;
  }

  clear(): void {
    this.byDir.clear();
  }

  private lookup(dir: string): ConfigFile | ConfigError | null {
    const cached = this.byDir.get(dir);
    if (cached !== undefined) return cached;
    let found: ConfigFile | ConfigError | null = null;
    try {
      found = this.inDir(dir) ?? null;
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      found = e;
    }
    if (found === null) {
      const parent = path.dirname(dir);
      if (parent !== dir) found = this.lookup(parent);
    }
    this.byDir.set(dir, found);
    return found;
  }

  private inDir(dir: string): ConfigFile | undefined {
    for (const name of CONFIG_FILE_NAMES) {
      const file = path.join(dir, name);
      if (!fs.existsSync(file)) continue;
      const config = readConfigFile(file);
      if (config) return config;
    }
    return undefined;
  }
}
