// A shared fact store on PostgreSQL: `factlint index --store …` loads the facts of corpus folders
// into it (only documents whose content changed), and `factlint --store …` checks drafts against it.
// For each draft, the store gives each claim its best candidate facts, ranked in SQL exactly as the
// in-memory index ranks them (frames/factIndex.ts), so the findings are the same.
import { Pool, type PoolClient } from 'pg';
import { deserialize, serialize } from 'node:v8';
import type { FactStore } from '../engine';
import { readDocument, type CorpusIndex, type DocumentFact, type DocumentFacts } from '../engine/corpusIndex';
import { FactlintError } from '../engine/errors';
import { candidateKey, factKeys, queryKeys } from '../engine/frames/factIndex';
import type { Frame } from '../engine/frames/frame';
import { contentKey } from '../engine/indexCache';
import type { CorpusDocument, Fact, TypedFigure } from '../engine/types';
import { migrate } from './schema';

/** The store cannot be used: unreachable, too slow, or refusing. One per run, exit code 2. */
export class StoreError extends FactlintError {
  constructor(message: string) {
    super(message);
    this.name = 'StoreError';
  }
}

/** Limits that keep a store that is down or slow from hanging a run. */
const CONNECT_TIMEOUT_MS = 5_000;
const STATEMENT_TIMEOUT_MS = 20_000;
const POOL_SIZE = 4;
/** Rows per INSERT when loading. */
const BATCH = 2_000;
/** New texts read before they are stored. */
const CONTENTS_PER_BATCH = 200;

export interface IndexSummary {
  documents: number;
  /** Documents whose content the store did not hold: read and loaded. */
  read: number;
  /** Documents of the folders no longer there: removed. */
  removed: number;
}

/** A store's address without its password, for messages. */
export function storeName(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return 'the fact store';
  }
}

export class PgStore implements FactStore {
  private readonly pool: Pool;
  private ready: Promise<void> | undefined;
  /** Word counts and totals read so far; they change only when the store is loaded again. */
  private readonly df = new Map<string, number>();
  private sentences: number | undefined;
  /** Each content's documents, in path order. */
  private readonly paths = new Map<number, string[]>();

  constructor(private readonly url: string) {
    this.pool = new Pool({
      connectionString: url,
      max: POOL_SIZE,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      statement_timeout: STATEMENT_TIMEOUT_MS,
      query_timeout: STATEMENT_TIMEOUT_MS + 1_000,
    });
    // An idle connection that drops is replaced on next use; it must not end the process.
    this.pool.on('error', () => undefined);
  }

  close(): Promise<void> {
    return this.pool.end();
  }

  /** Loads the documents' facts; documents of `folders` that are no longer among them are removed. */
  async index(documents: CorpusDocument[], folders: string[]): Promise<IndexSummary> {
    return this.session(async (client) => {
      await client.query('begin');
      const paths = documents.map((d) => d.path);
      const { rows: removed } = await client.query<{ path: string }>(
        `delete from factlint_documents where path ^@ any($1::text[]) and path <> all($2::text[]) returning path`,
        [folders.map((f) => (f.endsWith('/') ? f : `${f}/`)), paths],
      );
      const keys = documents.map(contentKey);
      const { rows: had } = await client.query<{ path: string; hash: string }>(
        'select d.path, c.hash from factlint_documents d join factlint_contents c on c.id = d.content where d.path = any($1::text[])',
        [paths],
      );
      const before = new Map(had.map((r) => [r.path, r.hash]));
      const { rows: known } = await client.query<{ id: number; hash: string }>('select id, hash from factlint_contents where hash = any($1::text[])', [[...new Set(keys)]]);
      const ids = new Map(known.map((r) => [r.hash, r.id]));
      let readCount = 0;
      // New texts are read and stored a batch at a time, so an archive never sits in memory whole.
      let fresh = new Map<string, DocumentFacts>();
      const flush = async () => {
        for (const [hash, id] of await insertContents(client, fresh)) ids.set(hash, id);
        fresh = new Map();
      };
      for (const [i, doc] of documents.entries()) {
        if (ids.has(keys[i]) || fresh.has(keys[i])) continue;
        fresh.set(keys[i], readDocument(doc));
        readCount++;
        if (fresh.size >= CONTENTS_PER_BATCH) await flush();
      }
      await flush();
      const changed = documents.flatMap((doc, i) => (before.get(doc.path) === keys[i] ? [] : [[doc, ids.get(keys[i])!] as const]));
      for (let i = 0; i < changed.length; i += BATCH) {
        const part = changed.slice(i, i + BATCH);
        const col = (f: (d: CorpusDocument) => string | undefined) => part.map(([d]) => f(d) ?? null);
        await client.query(
          `insert into factlint_documents (path, content, id, title, publication, author, date)
           select * from unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
           on conflict (path) do update set content = excluded.content, id = excluded.id, title = excluded.title,
             publication = excluded.publication, author = excluded.author, date = excluded.date`,
          [col((d) => d.path), part.map(([, k]) => k), col((d) => d.id), col((d) => d.title), col((d) => d.publication), col((d) => d.author), col((d) => d.date)],
        );
      }
      const grew = changed.length > 0 || removed.length > 0;
      if (grew) await refreshCounts(client);
      await client.query('commit');
      // Fresh statistics for the planner, and the visibility map that lets look-ups read the index alone.
      if (grew) await client.query('vacuum analyze factlint_postings, factlint_documents, factlint_words, factlint_facts');
      return { documents: documents.length, read: readCount, removed: removed.length };
    });
  }

  /**
   * The index with, for each of these figures' claims, the store's facts it could be matched with:
   * the best `limit` (frames/factIndex.ts candidateLimit), as the in-memory index keeps.
   */
  async extend(index: CorpusIndex, figures: TypedFigure[], limit: number): Promise<CorpusIndex> {
    return this.session(async (client) => {
      this.sentences ??= Number((await client.query<{ sentences: string }>('select sentences from factlint_totals')).rows[0]?.sentences ?? 0);
      const frames = new Map<string, Frame>();
      for (const f of figures) if (!f.notAClaim && !f.vague) frames.set(candidateKey(f.frame), f.frame);
      await this.wordCounts(client, [...frames.values()]);
      const weights = index.weights.plus(this.df, this.sentences);
      // Each claim's hits; the pool runs a few queries at once.
      const hits = await Promise.all(
        [...frames].map(async ([key, frame]) => {
          const q = queryKeys(frame, weights);
          if (!q.length) return [key, { total: 0, rows: [] as ScoredHit[] }] as const;
          // The best `limit` hits (and any tied with the last) are enough: each stands for one document or more.
          const { rows } = await this.pool.query<{ content: number; seq: number; score: string; first: string; total: string }>(
            `with hit as (
               select p.content, p.seq, sum(q.weight)::bigint as score, min(q.ord) as first
               from unnest($2::text[], $3::bigint[]) with ordinality as q(key, weight, ord)
               join factlint_postings p on p.kind = $1 and p.key = q.key
               group by p.content, p.seq)
             select hit.*, sum(c.docs) over () as total from hit join factlint_contents c on c.id = hit.content
             order by hit.score desc, hit.first fetch first $4 rows with ties`,
            [frame.kind, q.map((x) => x.key), q.map((x) => x.weight), limit],
          );
          const total = Number(rows[0]?.total ?? 0);
          return [key, { total, rows: rows.map((r) => ({ content: r.content, seq: r.seq, score: Number(r.score), first: Number(r.first) })) }] as const;
        }),
      );
      await this.contentPaths(client, hits.flatMap(([, h]) => h.rows.map((r) => r.content)));
      const ranked = hits.map(([key, h]) => [key, { total: h.total, best: this.best(h.rows, limit) }] as const);
      const wanted = new Map<string, Hit>();
      for (const [, { best }] of ranked) for (const h of best) wanted.set(`${h.path}\0${h.seq}`, h);
      const facts = await this.facts(client, [...wanted.values()]);
      await this.wordCounts(client, facts.map((x) => x.figure.frame));
      const totals = new Map(ranked.map(([key, r]) => [key, r.total]));
      return index.withStoreFacts(facts, this.df, this.sentences, (frame) => totals.get(candidateKey(frame)) ?? 0);
    });
  }

  /**
   * The best `limit` facts among a claim's hits, each hit standing for its content's documents:
   * by score, then as first met (the key that found it, then the store's order: path, then position).
   */
  private best(hits: ScoredHit[], limit: number): Hit[] {
    hits.sort((a, b) => b.score - a.score || a.first - b.first);
    const best: Hit[] = [];
    for (let i = 0; i < hits.length && best.length < limit; ) {
      let j = i;
      while (j < hits.length && hits[j].score === hits[i].score && hits[j].first === hits[i].first) j++;
      // Tied hits interleave by document; a content's paths are sorted, so its first few are all that can be chosen.
      const need = limit - best.length;
      const tied = hits.slice(i, j).flatMap((h) => (this.paths.get(h.content) ?? []).slice(0, need).map((path) => ({ path, content: h.content, seq: h.seq })));
      tied.sort((a, b) => compareOrder(a.path, b.path) || a.seq - b.seq);
      best.push(...tied.slice(0, need));
      i = j;
    }
    return best;
  }

  /** The facts of the hits, with their documents, in the store's order. */
  private async facts(client: PoolClient, hits: Hit[]): Promise<Fact[]> {
    if (!hits.length) return [];
    const pairs = [...new Map(hits.map((h) => [`${h.content}\0${h.seq}`, h])).values()];
    const { rows } = await client.query<{ content: number; seq: number; fact: Buffer }>(
      `select f.content, f.seq, f.fact from factlint_facts f join unnest($1::int[], $2::int[]) as w(content, seq) using (content, seq)`,
      [pairs.map((h) => h.content), pairs.map((h) => h.seq)],
    );
    const facts = new Map(rows.map((r) => [`${r.content}\0${r.seq}`, deserialize(r.fact) as DocumentFact]));
    const { rows: docs } = await client.query<{ path: string; id: string; title: string; publication: string | null; author: string | null; date: string | null }>(
      'select path, id, title, publication, author, date from factlint_documents where path = any($1::text[])',
      [[...new Set(hits.map((h) => h.path))]],
    );
    const documents = new Map(docs.map((d) => [d.path, storedDocument(d)]));
    return [...hits]
      .sort((a, b) => compareOrder(a.path, b.path) || a.seq - b.seq)
      .flatMap((h) => {
        const fact = facts.get(`${h.content}\0${h.seq}`);
        const document = documents.get(h.path);
        return fact && document ? [{ ...fact, document }] : [];
      });
  }

  /** Fetches how many sentences use each word of these frames that was not fetched before. */
  private async wordCounts(client: PoolClient, frames: Frame[]): Promise<void> {
    const words = new Set<string>();
    for (const frame of frames) for (const w of [...frame.terms.keys(), ...frame.names]) if (!this.df.has(w)) words.add(w);
    if (!words.size) return;
    for (const w of words) this.df.set(w, 0);
    const { rows } = await client.query<{ word: string; df: string }>('select word, df from factlint_words where word = any($1::text[])', [[...words]]);
    for (const r of rows) this.df.set(r.word, Number(r.df));
  }

  private async contentPaths(client: PoolClient, contents: number[]): Promise<void> {
    const missing = [...new Set(contents)].filter((c) => !this.paths.has(c));
    if (!missing.length) return;
    for (const c of missing) this.paths.set(c, []);
    const { rows } = await client.query<{ content: number; path: string }>('select content, path from factlint_documents where content = any($1::int[])', [missing]);
    for (const r of rows) this.paths.get(r.content)!.push(r.path);
    for (const c of missing) this.paths.get(c)!.sort(compareOrder);
  }

  /** Runs `work` on one pooled connection, after the schema is up to date; failures become one StoreError. */
  private async session<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    let client: PoolClient | undefined;
    let failed = false;
    try {
      client = await this.pool.connect();
      this.ready ??= migrate(client);
      await this.ready;
      return await work(client);
    } catch (e) {
      failed = true;
      if (e instanceof StoreError) throw e;
      throw new StoreError(`the fact store ${storeName(this.url)} cannot be used: ${(e as Error).message || (e as NodeJS.ErrnoException).code || String(e)}`);
    } finally {
      // A connection that failed mid-transaction is closed, which rolls the transaction back.
      client?.release(failed);
    }
  }
}

interface Hit {
  path: string;
  content: number;
  seq: number;
}

/** A fact of a content that a claim's keys found, before it stands for the content's documents. */
interface ScoredHit {
  content: number;
  seq: number;
  score: number;
  first: number;
}

/** The order of documents in the store and in memory (file names sorted by code unit). */
function compareOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function storedDocument(d: { path: string; id: string; title: string; publication: string | null; author: string | null; date: string | null }): CorpusDocument {
  return {
    id: d.id,
    title: d.title,
    path: d.path,
    ...(d.publication ? { publication: d.publication } : {}),
    ...(d.author ? { author: d.author } : {}),
    ...(d.date ? { date: d.date } : {}),
    // The text stays in the archive; findings quote each fact's own sentence.
    text: '',
  };
}

/** Stores the facts of contents the store lacks; their ids by hash. */
async function insertContents(client: PoolClient, fresh: Map<string, DocumentFacts>): Promise<Map<string, number>> {
  const hashes = [...fresh.keys()];
  if (!hashes.length) return new Map();
  const { rows } = await client.query<{ id: number; hash: string }>(
    'insert into factlint_contents (hash, sentences) select * from unnest($1::text[], $2::int[]) returning id, hash',
    [hashes, hashes.map((h) => fresh.get(h)!.sentences.length)],
  );
  const ids = new Map(rows.map((r) => [r.hash, r.id]));
  const facts: [number, number, string, string, Buffer][] = [];
  const postings: [string, string, number, number][] = [];
  const words: [number, string, number][] = [];
  for (const [hash, read] of fresh) {
    const id = ids.get(hash)!;
    read.framed.forEach((fact, seq) => {
      const frame = fact.figure.frame;
      facts.push([id, seq, frame.kind, fact.excerpt, serialize(fact)]);
      for (const key of factKeys(frame)) postings.push([frame.kind, key, id, seq]);
    });
    const counts = new Map<string, number>();
    for (const sentence of read.sentences) for (const w of new Set(sentence)) counts.set(w, (counts.get(w) ?? 0) + 1);
    for (const [w, n] of counts) words.push([id, w, n]);
  }
  await insertRows(client, 'factlint_facts (content, seq, kind, clause, fact)', ['int', 'int', 'text', 'text', 'bytea'], facts);
  await insertRows(client, 'factlint_postings (kind, key, content, seq)', ['text', 'text', 'int', 'int'], postings);
  await insertRows(client, 'factlint_content_words (content, word, n)', ['int', 'text', 'int'], words);
  return ids;
}

/** Inserts rows in batches, one array parameter per column. */
async function insertRows(client: PoolClient, table: string, types: string[], rows: unknown[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const part = rows.slice(i, i + BATCH);
    const columns = types.map((_, c) => part.map((r) => r[c]));
    await client.query(`insert into ${table} select * from unnest(${types.map((t, c) => `$${c + 1}::${t}[]`).join(', ')})`, columns);
  }
}

/** Word rarity and totals over every document, after documents were added, changed or removed. */
async function refreshCounts(client: PoolClient): Promise<void> {
  await client.query('delete from factlint_contents c where not exists (select 1 from factlint_documents d where d.content = c.id)');
  await client.query('update factlint_contents c set docs = d.docs from (select content, count(*) as docs from factlint_documents group by content) d where d.content = c.id and c.docs <> d.docs');
  await client.query('truncate factlint_words');
  const docs = 'select content, count(*) as docs from factlint_documents group by content';
  await client.query(`insert into factlint_words select w.word, sum(w.n::bigint * d.docs) from factlint_content_words w join (${docs}) d using (content) group by w.word`);
  await client.query(
    `update factlint_totals set documents = (select count(*) from factlint_documents),
       sentences = (select coalesce(sum(c.sentences::bigint * d.docs), 0) from factlint_contents c join (${docs}) d on d.content = c.id)`,
  );
}
