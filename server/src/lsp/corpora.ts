// One corpus per distinct corpus setting, read on first use and kept until a corpus folder changes;
// the check worker builds its engine from it. The server watches every extra corpus folder itself,
// so this works with any LSP client and for folders outside the workspace; folders are read flat,
// so subfolders are not watched.
import * as fs from 'node:fs';
import { FactlintError, type CorpusDocument } from '../engine';
import { loadCorpus } from '../engine/corpus';
import { engineOptions, type ResolvedConfig } from '../config';

/** A corpus read for one setting: `key` names it to the check worker. */
export interface LoadedCorpus {
  key: string;
  documents: CorpusDocument[];
  tolerance?: number;
  /** A fact store to check against as well. */
  store?: string;
}

/** Why a corpus cannot be used (a document that is not a regular file, too large, ...). */
export interface CorpusProblem {
  problem: string;
}

/** Corpus edits usually come in bursts (save, rename, copy); one reload follows the last of them. */
const SETTLE_MS = 100;

export class Corpora {
  private readonly corpora = new Map<string, LoadedCorpus | CorpusProblem>();
  private loads = 0;
  private readonly watchers = new Map<string, fs.FSWatcher>();
  private settle: NodeJS.Timeout | undefined;

  constructor(
    /** Called once a corpus folder has changed and the corpora are dropped. */
    private readonly onCorpusChange: () => void,
    private readonly problem: (message: string) => void,
    /** In an untrusted workspace, no corpus file may be a link out of its folder. */
    private readonly confineCorpus: boolean,
  ) {}

  /** The corpus for a configuration, or why it cannot be loaded (also reported once). */
  get(config: ResolvedConfig, maxFileBytes: number): LoadedCorpus | CorpusProblem {
    const dirs = config.corpusDirs.filter((dir) => {
      if (isDirectory(dir)) return true;
      this.problem(`Corpus folder ${dir} does not exist or is not a folder; it is skipped.`);
      return false;
    });
    const options = { ...engineOptions(config, dirs), maxFileBytes, confineCorpus: this.confineCorpus, store: config.store };
    const key = JSON.stringify(options);
    let corpus = this.corpora.get(key);
    if (corpus === undefined) {
      try {
        // Numbered, so the worker never mistakes a reloaded corpus for the one it has.
        corpus = { key: `${++this.loads}:${key}`, documents: loadCorpus(options), tolerance: options.tolerance, store: options.store };
      } catch (e) {
        if (!(e instanceof FactlintError)) throw e;
        this.problem(e.message);
        corpus = { problem: e.message };
      }
      this.corpora.set(key, corpus);
      for (const dir of dirs) this.watch(dir);
    }
    return corpus;
  }

  dispose(): void {
    clearTimeout(this.settle);
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }

  private watch(dir: string): void {
    if (this.watchers.has(dir)) return;
    try {
      const watcher = fs.watch(dir, () => this.changed());
      // A folder that goes away ends its watcher; the next load reports it missing.
      watcher.on('error', () => {
        watcher.close();
        this.watchers.delete(dir);
        this.changed();
      });
      this.watchers.set(dir, watcher);
    } catch (e) {
      this.problem(`Cannot watch corpus folder ${dir} for changes: ${(e as Error).message}`);
    }
  }

  private changed(): void {
    clearTimeout(this.settle);
    this.settle = setTimeout(() => {
      this.corpora.clear();
      this.onCorpusChange();
    }, SETTLE_MS);
  }
}

function isDirectory(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
