// Loading corpus documents: the bundled seed corpus (with its manifest) and extra folders.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { FactlintError } from './errors';
import { readTextFile, type ReadResult } from './readText';
import { isReallyInside, realPath } from './realPath';
import { readTopic, type TopicSpec } from './topic';
import type { CorpusDocument, EngineOptions } from './types';

interface ManifestEntry {
  id: string;
  title?: string;
  publication?: string;
  author?: string;
  date?: string;
}

interface Manifest {
  entries: Map<string, ManifestEntry>;
  /** What only the folder's story can say: its parties, nouns, cue words and measures (topic.ts). */
  topic?: TopicSpec;
}

const CORPUS_EXTENSIONS = ['.txt', '.md', '.markdown'];

/** The bundled corpus folder: `corpus/` at the package root, found from wherever the code runs. */
function bundledCorpusDir(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, 'corpus');
    if (existsSync(join(candidate, 'corpus.json'))) return candidate;
    if (dirname(dir) === dir) throw new FactlintError(`the bundled corpus was not found above ${__dirname}`);
  }
}

export function loadCorpus(options: EngineOptions): CorpusDocument[] {
  // The bundled corpus is factlint's own: no limit and no confinement applies to it.
  const bundled = options.bundledCorpus === false ? [] : [{ dir: bundledCorpusDir(), maxBytes: Infinity, confined: false }];
  const extra = (options.corpusDirs ?? []).map((dir) => ({ dir, maxBytes: options.maxFileBytes, confined: options.confineCorpus === true }));
  const docs: CorpusDocument[] = [];
  const seen = new Map<string, string>();
  for (const { dir, maxBytes, confined } of [...bundled, ...extra]) {
    for (const doc of loadFolder(dir, maxBytes, confined)) {
      const other = seen.get(doc.id);
      if (other) throw new FactlintError(`two corpus documents share the id "${doc.id}": ${other} and ${doc.path}`);
      seen.set(doc.id, doc.path);
      docs.push(doc);
    }
  }
  return docs;
}

/**
 * Every .txt/.md document in a folder (not recursive), titled from the folder's corpus.json when present.
 * `confined`: a file that is a symbolic link out of the folder is refused.
 */
function loadFolder(dir: string, maxBytes: number | undefined, confined: boolean): CorpusDocument[] {
  const abs = resolve(dir);
  let entries: string[];
  try {
    if (!statSync(abs).isDirectory()) throw new FactlintError(`corpus folder ${dir} is not a folder`);
    entries = readdirSync(abs).sort();
  } catch (e) {
    if (e instanceof FactlintError) throw e;
    throw new FactlintError(`corpus folder ${dir} cannot be read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const read = (file: string): ReadResult => {
    if (confined && !isReallyInside(file, abs)) return { problem: `links outside the corpus folder (to ${realPath(file)}), not read` };
    return readTextFile(file, maxBytes);
  };
  const manifest = readManifest(abs, read);
  const docs: CorpusDocument[] = [];
  for (const name of entries) {
    if (!CORPUS_EXTENSIONS.includes(extname(name).toLowerCase())) continue;
    const path = join(abs, name);
    const got = read(path);
    if ('problem' in got) throw new FactlintError(`corpus document ${path}: ${got.problem}`);
    const { text } = got;
    const id = basename(name, extname(name));
    const meta = manifest.entries.get(id);
    docs.push({
      id,
      title: meta?.title ?? headline(text) ?? id,
      path,
      ...(meta?.publication ? { publication: meta.publication } : {}),
      ...(meta?.author ? { author: meta.author } : {}),
      ...((meta?.date ?? dateInName(id)) ? { date: meta?.date ?? dateInName(id) } : {}),
      ...(manifest.topic ? { topic: manifest.topic } : {}),
      text,
    });
  }
  return docs;
}

function readManifest(dir: string, read: (file: string) => ReadResult): Manifest {
  const file = join(dir, 'corpus.json');
  if (!existsSync(file)) return { entries: new Map() };
  const got = read(file);
  if ('problem' in got) throw new FactlintError(`corpus manifest ${file}: ${got.problem}`);
  let parsed: { documents?: ManifestEntry[]; topic?: unknown };
  try {
    parsed = JSON.parse(got.text);
  } catch (e) {
    throw new FactlintError(`corpus manifest ${file} is not valid JSON: ${(e as Error).message}`);
  }
  if (!Array.isArray(parsed?.documents)) throw new FactlintError(`corpus manifest ${file} needs a "documents" array`);
  const entries = new Map(parsed.documents.map((d) => [d.id, d]));
  return parsed.topic === undefined ? { entries } : { entries, topic: readTopic(parsed.topic, file) };
}

/**
 * An ISO date in a document's file name ("03_2025-04-22_fares", "2024-07-10-delays"), as archives and
 * static-site generators name their articles: the document's date where the manifest gives none.
 */
function dateInName(id: string): string | undefined {
  const m = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/.exec(id);
  if (!m) return undefined;
  const [, y, mo, d] = m.map(Number);
  const day = new Date(Date.UTC(y, mo - 1, d));
  return day.getUTCMonth() === mo - 1 && day.getUTCDate() === d ? m[0] : undefined;
}

/** A document's first line, shortened, stands in for a title the manifest does not give. */
function headline(text: string): string | undefined {
  const first = text.split(/\r\n?|\n/).map((l) => l.replace(/^#+\s*/, '').trim()).find((l) => l.length);
  if (!first) return undefined;
  return first.length > 90 ? `${first.slice(0, 87).replace(/\s+\S*$/, '')}…` : first;
}
