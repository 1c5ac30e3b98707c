// The configuration that applies to one document in the editor: defaults < editor settings < the
// nearest config file (the same file and rules the CLI uses).
import * as path from 'node:path';
import { ConfigError, ConfigFinder, fileLayer, isIgnoredByConfig, resolveConfig, type ConfigLayer, type ResolvedConfig } from '../config';
import type { DocumentFormat } from '../engine';
import type { FactlintSettings } from '../protocol';
import { isInside, isReallyInside, resolveFolder } from './paths';

export interface DocumentConfig {
  config: ResolvedConfig;
  format: DocumentFormat;
  /** False when the document's language, the config's languages or its ignores leave it out. */
  checked: boolean;
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
    /** In an untrusted workspace, config files may not add corpus folders outside the workspace. */
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
    const file = doc.file ? this.configFile(doc.file) : {};
    if (file.layer) layers.push(file.layer);
    const config = resolveConfig(layers, base);
    const format: DocumentFormat = doc.languageId === 'markdown' ? 'markdown' : 'plaintext';
    const checked = settings.languages.includes(doc.languageId) && config.languages.includes(format) && !(doc.file && isIgnoredByConfig(config, doc.file));
    return { config, format, checked, ...(file.problem ? { configProblem: file.problem } : {}) };
  }

  private configFile(file: string): { layer?: ConfigLayer; problem?: string } {
    let found;
    try {
      found = this.finder.forFile(file);
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      this.problem(`${e.message} (using the editor settings instead)`);
      return { problem: e.message };
    }
    if (!found) return {};
    const layer = fileLayer(found);
    const corpus = layer.config.corpus;
    if (this.trusted || !corpus) return { layer };
    // Real paths: a symbolic link in the workspace may point anywhere.
    const folders = this.workspaceFolders();
    const inside = corpus.filter((dir) => folders.some((f) => isReallyInside(path.resolve(layer.baseDir, dir), f)));
    if (inside.length < corpus.length)
      this.problem(`${found.path}: corpus folders outside the workspace are ignored until you trust it.`);
    return { layer: { ...layer, config: { ...layer.config, corpus: inside } } };
  }
}
