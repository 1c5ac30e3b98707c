// Reads config files and finds the ones that apply to a draft: in each folder from the draft's up to
// the filesystem root (or the first file with `root: true`), the first of CONFIG_FILE_NAMES present.
import * as fs from 'node:fs';
import * as path from 'node:path';
import YAML from 'yaml';
import { readTextFile } from '../engine/readText';
import { realPath } from '../engine/realPath';
import { parseJsonc } from './jsonc';
import type { ConfigLayer, FactlintConfig } from './settings';
import { ConfigError, validateConfig } from './validate';

/** Names looked for in each folder, first match wins. */
export const CONFIG_FILE_NAMES = ['.factlintrc.json', '.factlintrc.jsonc', '.factlintrc.yaml', '.factlintrc.yml', 'package.json'] as const;

export interface ConfigFile {
  path: string;
  config: FactlintConfig;
}

/**
 * Reads and validates one config file. Undefined for a package.json without a "factlint" key. Throws ConfigError.
 * The name picks the parser: package.json, YAML (.yaml, .yml), strict JSON (.json), else JSON with comments.
 */
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
  const value = /\.ya?ml$/i.test(name) ? parseYaml(text, file) : /\.json$/i.test(name) ? parseJson(text, file) : parseJsonc(text, file, EMPTY);
  // An empty file (or one of only comments) is an empty configuration; a written `null` is not one.
  return { path: file, config: validateConfig(value === EMPTY ? {} : value, file) };
}

/** A config file named by the user (`-c`, `extends`, `factlint.configFile`): it must exist and hold a configuration. */
export function readNamedConfigFile(file: string): ConfigFile {
  if (!fs.existsSync(file)) throw new ConfigError(file, 'no such file');
  const found = readConfigFile(file);
  if (!found) throw new ConfigError(file, 'has no "factlint" key');
  return found;
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

/**
 * A config file as layers, lowest precedence first: what it extends (each path relative to the file,
 * expanded in turn, earlier entries lower), then the file itself. `chain` holds the files being
 * expanded, to refuse a cycle.
 */
export function expandExtends(file: ConfigFile, chain: string[] = []): ConfigLayer[] {
  const dir = path.dirname(path.resolve(file.path));
  // Real paths, so that a link back to a file in the chain is a cycle too.
  const stack = [...chain, realPath(file.path)];
  const layers: ConfigLayer[] = [];
  const named = file.config.extends;
  for (const entry of typeof named === 'string' ? [named] : (named ?? [])) {
    const target = path.resolve(dir, entry);
    if (!fs.existsSync(target)) throw new ConfigError(file.path, `"extends": ${entry}: no such file`);
    const seen = stack.indexOf(realPath(target));
    if (seen >= 0) {
      const from = path.dirname(stack[stack.length - 1]);
      const cycle = [...stack.slice(seen), stack[seen]].map((f) => path.relative(from, f));
      throw new ConfigError(file.path, `"extends" makes a cycle: ${cycle.join(' → ')}`);
    }
    layers.push(...expandExtends(readNamedConfigFile(target), stack));
  }
  layers.push({ config: file.config, baseDir: dir, source: file.path, fromFile: true });
  return layers;
}

/** Looks up config files with a cache per folder; call clear() when config files may have changed. */
export class ConfigFinder {
  private readonly byDir = new Map<string, ConfigLayer[] | ConfigError>();

  /**
   * The config layers for a draft (or a folder), lowest precedence first: every config file from the
   * filesystem root, or from the nearest one with `root: true`, down to the draft's folder, each with
   * what it extends. Throws the ConfigError of a broken file among them.
   */
  forFile(file: string): ConfigLayer[] {
    const found = this.lookup(path.dirname(path.resolve(file)));
    if (found instanceof ConfigError) throw found;
    return found;
  }

  clear(): void {
    this.byDir.clear();
  }

  private lookup(dir: string): ConfigLayer[] | ConfigError {
    let found = this.byDir.get(dir);
    if (found) return found;
    try {
      const own = this.inDir(dir);
      const parent = path.dirname(dir);
      const above = own?.config.root || parent === dir ? [] : this.lookup(parent);
      if (above instanceof ConfigError) throw above;
      found = [...above, ...(own ? expandExtends(own) : [])];
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      found = e;
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
