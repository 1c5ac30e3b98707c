// Configuration shared by the CLI and the language server: discovery, validation and precedence.

export * from './settings';
export { ConfigFinder, CONFIG_FILE_NAMES, expandExtends, readConfigFile, readNamedConfigFile, type ConfigFile } from './discover';
export { ConfigError, validateConfig } from './validate';
export { isIgnoredByConfig } from './ignores';
