// One engine per distinct corpus setting, loaded on first use and kept until a corpus folder changes.
// The server watches every extra corpus folder itself, so this works with any LSP client and for
// folders outside the workspace; folders are read flat, so subfolders are not watched.
import * as fs from 'node:fs';
import { Engine, FactlintError } from '../engine';
import { engineOptions, type ResolvedConfig } from '../config';

/** Corpus edits usually come in bursts (save, rename, copy); one reload follows the last of them. */
const SETTLE_MS = 100;

export class Engines {
  private readonly engines = new Map<string, Engine | null>();
  private readonly watchers = new Map<string, fs.FSWatcher>();
  private settle: NodeJS.Timeout | undefined;

  constructor(
    /** Called once a corpus folder has changed and the engines are dropped. */
    private readonly onCorpusChange: () => void,
    private readonly problem: (message: string) => void,
    /** In an untrusted workspace, no corpus file may be a link out of its folder. */
    private readonly confineCorpus: boolean,
  ) {}

  /** The engine for a configuration, or null when its corpus cannot be loaded (reported once). */
  get(config: ResolvedConfig, maxFileBytes: number): Engine | null {
    const dirs = config.corpusDirs.filter((dir) => {
      if (isDirectory(dir)) return true;
      this.problem(`Corpus folder ${dir} does not exist or is not a folder; it is skipped.`);
      return false;
    });
    const options = { ...engineOptions(config, dirs), maxFileBytes, confineCorpus: this.confineCorpus };
    const key = JSON.stringify(options);
    let engine = this.engines.get(key);
    if (engine === undefined) {
      try {
        engine = Engine.load(options);
      } catch (e) {
        if (!(e instanceof FactlintError)) throw e;
        this.problem(e.message);
        engine = null;
      }
      this.engines.set(key, engine);
      for (const dir of dirs) this.watch(dir);
    }
    return engine;
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
      this.engines.clear();
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
