// The persisted corpus index: each corpus folder's document facts (corpusIndex.ts), keyed by the
// content hash of each document, in one cache file per folder. A second start reads the file instead
// of re-reading every document; a changed document is read alone. The file names the engine that
// wrote it (fingerprint.ts): another engine, or a file that does not parse, is as good as no file.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { readDocument, formatOf, type DocumentFacts, type FactSource } from './corpusIndex';
import { topicKey } from './topic';
import { engineFingerprint } from './fingerprint';
import type { CorpusDocument } from './types';

interface CacheFile {
  engine: string;
  /** Document facts by content key. */
  entries: Map<string, DocumentFacts>;
}

interface Folder {
  file: string;
  /** What the file held when read. */
  cached: Map<string, DocumentFacts>;
  /** What this run used: the next file's contents. */
  used: Map<string, DocumentFacts>;
  /** Whether this run read a document the file lacked. */
  grew: boolean;
}

/** The folder factlint keeps its caches in: `$XDG_CACHE_HOME/factlint` or the OS's own place. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME)) return path.join(env.XDG_CACHE_HOME, 'factlint');
  const home = os.homedir();
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Caches', 'factlint');
  if (process.platform === 'win32') return path.join(env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'), 'factlint', 'Cache');
  return path.join(home, '.cache', 'factlint');
}

export class IndexCache {
  private readonly folders = new Map<string, Folder>();
  /** How many documents were read rather than found in the cache, since it was made. */
  documentsRead = 0;

  constructor(private readonly dir: string) {}

  /** Document facts from the cache, or read (and kept for the next save) when it has none for this text. */
  readonly facts: FactSource = (doc) => {
    const folder = this.folder(path.dirname(path.resolve(doc.path)));
    const key = contentKey(doc);
    let facts = folder.used.get(key) ?? folder.cached.get(key);
    if (!facts) {
      facts = readDocument(doc);
      folder.grew = true;
      this.documentsRead++;
    }
    folder.used.set(key, facts);
    return facts;
  };

  /**
   * Writes each folder's file where it no longer holds exactly what was used. A cache that cannot be
   * written (a read-only home, a full disk) only costs the next run time, so that is not an error.
   */
  save(): void {
    for (const folder of this.folders.values()) {
      if (!folder.grew && folder.used.size === folder.cached.size) continue;
      try {
        writeAtomically(folder.file, serialize({ engine: engineFingerprint(), entries: folder.used } satisfies CacheFile));
      } catch {
        // see above
      }
      folder.cached = folder.used;
      folder.used = new Map();
      folder.grew = false;
    }
  }

  private folder(dir: string): Folder {
    let folder = this.folders.get(dir);
    if (!folder) {
      const file = path.join(this.dir, `index-${createHash('sha256').update(dir).digest('hex').slice(0, 32)}.bin`);
      folder = { file, cached: readCacheFile(file), used: new Map(), grew: false };
      this.folders.set(dir, folder);
    }
    return folder;
  }
}

/** What a document's facts depend on: its text, how it is parsed, and the topic that reads it. */
export function contentKey(doc: CorpusDocument): string {
  return createHash('sha256').update(`${formatOf(doc.path)}\0${topicKey(doc.topic)}\0`).update(doc.text).digest('base64');
}

/** The entries of a cache file this engine wrote; nothing for a missing, foreign or damaged file. */
function readCacheFile(file: string): Map<string, DocumentFacts> {
  try {
    const data = deserialize(fs.readFileSync(file)) as CacheFile;
    if (data?.engine === engineFingerprint() && data.entries instanceof Map) return data.entries;
  } catch {
    // missing or damaged: read the documents again
  }
  return new Map();
}

/** A reader never sees half a file: the bytes go to a file of their own, renamed over the old one. */
function writeAtomically(file: string, bytes: Uint8Array): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    fs.writeFileSync(temp, bytes);
    fs.renameSync(temp, file);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw e;
  }
}
