// The configuration that applies to one document in the editor: defaults < editor settings < the
// config files (the same files and rules the CLI uses), or the one `factlint.configFile` names, as `-c` does.
import * as path from 'node:path';
import { ConfigError, ConfigFinder, expandExtends, isIgnoredByConfig, readNamedConfigFile, resolveConfig, type ConfigLayer, type ResolvedConfig } from '../config';
import type { DocumentFormat } from '../engine';
import type { FactlintSettings } from '../protocol';
import { isInside, isReallyInside, resolveFolder } from './paths';

export interface DocumentConfig {
  config: ResolvedConfig;
  format: DocumentFormat;
  /** False when the document's language, the config's languages, its ignores or the exclude setting leave it out. */
  checked: boolean;
  /** The config file that applies, whether or not it can be used. */
  configFile?: string;
  /** Why the config file that applies cannot be used (the editor settings apply instead). */
  configProblem?: string;
}

export interface DocumentRef {
  /** Undefined for documents that are not files (untitled drafts). */
  file?: string;
  languageId: string;
}

export class DocumentConfigs {
  private readonly finder = new ConfigFinder();

  constructor(
    private readonly workspaceFolders: () => string[],
    /** In an untrusted workspace, config files may never add corpus folders outside the workspace. */
    private readonly trusted: boolean,
    private readonly problem: (message: string) => void,
  ) {}

  /** Config files may have changed. */
  clear(): void {
    this.finder.clear();
  }

  resolve(doc: DocumentRef, settings: FactlintSettings): DocumentConfig {
    const folders = this.workspaceFolders();
    const base = (doc.file && folders.find((f) => isInside(doc.file!, f))) ?? folders[0] ?? process.cwd();
    const layers: ConfigLayer[] = [
      {
        baseDir: base,
        config: {
          corpus: settings.corpus.folders.map((f) => resolveFolder(f, base)),
          bundledCorpus: settings.corpus.useBundled,
          severity: { ...settings.severity },
          tolerance: settings.tolerance,
          ...(settings.store ? { store: settings.store } : {}),
        },
      },
    ];
    const { configFile } = settings;
    const allowOutside = this.trusted && settings.corpus.allowOutsideWorkspace;
    const file = configFile
      ? this.configFiles(() => expandExtends(readNamedConfigFile(resolveFolder(configFile, base))), allowOutside)
      : doc.file
        ? this.configFiles(() => this.finder.forFile(doc.file!), allowOutside)
        : {};
    layers.push(...(file.layers ?? []));
    // The exclude setting is the editor's --ignore-pattern: the last layer of ignores, relative to the workspace folder.
    if (settings.exclude.length) layers.push({ baseDir: base, config: { ignores: settings.exclude } });
    const config = resolveConfig(layers);
    const format: DocumentFormat = doc.languageId === 'markdown' ? 'markdown' : 'plaintext';
    const checked = settings.languages.includes(doc.languageId) && config.languages.includes(format) && !(doc.file && isIgnoredByConfig(config, doc.file));
    // The nearest file comes last (after what it extends), as does the one factlint.configFile names.
    const inUse = file.layers?.at(-1)?.source ?? file.broken;
    return { config, format, checked, configFile: inUse, ...(file.problem ? { configProblem: file.problem } : {}) };
  }

  /**
   * The config files' layers, read by `read`, or why the file (`broken`) cannot be used. Corpus folders
   * any of them (the files they extend too) names outside the workspace are dropped unless `allowOutside`.
   */
  private configFiles(read: () => ConfigLayer[], allowOutside: boolean): { layers?: ConfigLayer[]; problem?: string; broken?: string } {
    let layers;
    try {
      layers = read();
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      this.problem(`${e.message} (using the editor settings instead)`);
      return { problem: e.message, broken: e.file };
    }
    if (allowOutside) return { layers };
    // Real paths: a symbolic link in the workspace may point anywhere.
    const folders = this.workspaceFolders();
    return {
      layers: layers.map((layer) => {
        const corpus = layer.config.corpus;
        if (!corpus) return layer;
        const inside = corpus.filter((dir) => folders.some((f) => isReallyInside(path.resolve(layer.baseDir, dir), f)));
        if (inside.length < corpus.length)
          this.problem(
            this.trusted
              ? `${layer.source}: corpus folders outside the workspace are ignored (to allow them, turn on factlint.corpus.allowOutsideWorkspace in your user settings).`
              : `${layer.source}: corpus folders outside the workspace are ignored until you trust it.`,
          );
        return { ...layer, config: { ...layer.config, corpus: inside } };
      }),
    };
  }
}
