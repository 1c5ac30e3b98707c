// The configuration of each draft on the command line: the config files that apply to its folder
// (or the one `-c` names, with what it extends), then the flags.
import * as path from 'node:path';
import { ConfigFinder, expandExtends, readNamedConfigFile, resolveConfig, type ConfigLayer, type FactlintConfig, type ResolvedConfig } from '../config';
import { DEFAULT_TOLERANCE } from '../engine';
import { relativeToCwd } from './inputs';

export class CliConfigs {
  private readonly finder = new ConfigFinder();
  private readonly explicit?: ConfigLayer[];
  /** Per chain of config files: drafts under the same files share one resolved configuration. */
  private readonly resolved = new Map<string, ResolvedConfig>();

  /** Reads the `-c` file at once, so that a missing or broken one stops the run (ConfigError) before anything is checked. */
  constructor(
    private readonly cwd: string,
    private readonly overrides: FactlintConfig,
    configFile?: string,
  ) {
    if (configFile) this.explicit = expandExtends(readNamedConfigFile(path.resolve(cwd, configFile)));
  }

  /** The configuration for a draft (or folder) at this absolute path. Throws the ConfigError of a broken config file. */
  forFile(file: string): ResolvedConfig {
    const layers = this.explicit ?? this.finder.forFile(file);
    const key = layers.map((l) => l.source).join('\n');
    let config = this.resolved.get(key);
    if (!config) {
      config = resolveConfig([...layers, { config: this.overrides, baseDir: this.cwd }]);
      this.resolved.set(key, config);
    }
    return config;
  }
}

/** --print-config: the configuration as JSON, with paths relative to the working directory and the engine's default tolerance filled in. */
export function printableConfig(config: ResolvedConfig, cwd: string): string {
  const rel = (p: string) => relativeToCwd(p, cwd);
  const shown = {
    configFiles: config.sources.map(rel),
    corpus: config.corpusDirs.map(rel),
    bundledCorpus: config.bundledCorpus,
    severity: config.severity,
    tolerance: config.tolerance ?? DEFAULT_TOLERANCE,
    ignores: config.ignores.map((rules) => ({ baseDir: rel(rules.baseDir), patterns: rules.patterns })),
    languages: config.languages,
  };
  return `${JSON.stringify(shown, null, 2)}\n`;
}
