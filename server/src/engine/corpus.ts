// Loading corpus documents: the bundled seed corpus (with its manifest) and extra folders.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { FactlintError } from './errors';
import { readDraft } from './readText';
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
  /** The folder's story is the one factlint's built-in measures describe (the bundled corpus). */
  builtInMeasures: boolean;
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
  const dirs = [...(options.bundledCorpus === false ? [] : [bundledCorpusDir()]), ...(options.corpusDirs ?? [])];
  const docs: CorpusDocument[] = [];
  const seen = new Map<string, string>();
  for (const dir of dirs) {
    for (const doc of loadFolder(dir)) {
      const other = seen.get(doc.id);
      if (other) throw new FactlintError(`two corpus documents share the id "${doc.id}": ${other} and ${doc.path}`);
      seen.set(doc.id, doc.path);
      docs.push(doc);
    }
  }
  return docs;
}

/** Every .txt/.md document in a folder (not recursive), titled from the folder's corpus.json when present. */
function loadFolder(dir: string): CorpusDocument[] {
  const abs = resolve(dir);
  let entries: string[];
  try {
    if (!statSync(abs).isDirectory()) throw new FactlintError(`corpus folder ${dir} is not a folder`);
    entries = readdirSync(abs).sort();
  } catch (e) {
    if (e instanceof FactlintError) throw e;
    throw new FactlintError(`corpus folder ${dir} cannot be read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const manifest = readManifest(abs);
  const docs: CorpusDocument[] = [];
  for (const name of entries) {
    if (!CORPUS_EXTENSIONS.includes(extname(name).toLowerCase())) continue;
    const path = join(abs, name);
    const read = readDraft(path);
    if ('problem' in read) throw new FactlintError(`corpus document ${path}: ${read.problem}`);
    const { text } = read;
    const id = basename(name, extname(name));
    const meta = manifest.entries.get(id);
    docs.push({
      id,
      title: meta?.title ?? headline(text) ?? id,
      path,
      ...(meta?.publication ? { publication: meta.publication } : {}),
      ...(meta?.author ? { author: meta.author } : {}),
      ...(meta?.date ? { date: meta.date } : {}),
      ...(manifest.builtInMeasures ? { builtInMeasures: true } : {}),
      text,
    });
  }
  return docs;
}

function readManifest(dir: string): Manifest {
  const file = join(dir, 'corpus.json');
  if (!existsSync(file)) return { entries: new Map(), builtInMeasures: false };
  let parsed: { documents?: ManifestEntry[]; builtInMeasures?: unknown };
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new FactlintError(`corpus manifest ${file} is not valid JSON: ${(e as Error).message}`);
  }
  if (!Array.isArray(parsed.documents)) throw new FactlintError(`corpus manifest ${file} needs a "documents" array`);
  return { entries: new Map(parsed.documents.map((d) => [d.id, d])), builtInMeasures: parsed.builtInMeasures === true };
}

/** A document's first line, shortened, stands in for a title the manifest does not give. */
function headline(text: string): string | undefined {
  const first = text.split(/\r?\n/).map((l) => l.replace(/^#+\s*/, '').trim()).find((l) => l.length);
  if (!first) return undefined;
  return first.length > 90 ? `${first.slice(0, 87).replace(/\s+\S*$/, '')}…` : first;
}
