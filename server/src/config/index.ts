// Configuration shared by the CLI and the language server: discovery, validation and precedence.
import * as path from 'node:path';
import type { ConfigFile } from './discover';
import type { ConfigLayer } from './settings';

export * from './settings';
export { ConfigFinder, CONFIG_FILE_NAMES, readConfigFile, type ConfigFile } from './discover';
export { ConfigError, validateConfig } from './validate';
export { isIgnoredBy, isIgnoredByConfig } from './ignores';

/** A config file as a layer whose relative paths start at the file's folder. */
export function fileLayer(file: ConfigFile): ConfigLayer {
  return { config: file.config, baseDir: path.dirname(file.path), source: file.path };
}
