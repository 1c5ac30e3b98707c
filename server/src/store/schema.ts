// The fact store's tables (PostgreSQL), created or upgraded on first use. A document's facts are
// stored once per distinct content (syndicated copy, re-filed stories), so what grows with the
// archive is one row per document and one set of postings per distinct text.
import type { PoolClient } from 'pg';

/** Each step brings the schema from the version before it; the position is the version. */
const MIGRATIONS = [
  `create table factlint_contents (
     id serial primary key,
     hash text not null unique,
     -- the content's sentences with a figure, for word rarity
     sentences integer not null,
     -- how many documents have this content
     docs integer not null default 0
   );
   create table factlint_facts (
     content integer not null references factlint_contents on delete cascade,
     seq integer not null,
     kind text not null,
     clause text not null,
     fact bytea not null,
     primary key (content, seq)
   );
   -- full-text search over the clauses, for ranking and for finding facts by their words
   create index factlint_facts_clause on factlint_facts using gin (to_tsvector('english', clause));
   -- a fact's frame keys (kind; counted thing, predicate, party and other words of its clause, and their concepts)
   create table factlint_postings (
     kind text not null,
     key text not null,
     content integer not null references factlint_contents on delete cascade,
     seq integer not null
   );
   -- covering, so a claim's look-up reads the index alone
   create index factlint_postings_key on factlint_postings (kind, key) include (content, seq);
   create index factlint_postings_content on factlint_postings (content);
   -- how many of a content's sentences with a figure use each word
   create table factlint_content_words (
     content integer not null references factlint_contents on delete cascade,
     word text not null,
     n integer not null,
     primary key (content, word)
   );
   create table factlint_documents (
     path text primary key,
     content integer not null references factlint_contents,
     id text not null,
     title text not null,
     publication text,
     author text,
     date text
   );
   create index factlint_documents_content on factlint_documents (content);
   -- word rarity across every document, refreshed after each load
   create table factlint_words (word text primary key, df bigint not null);
   create table factlint_totals (sentences bigint not null, documents bigint not null);
   insert into factlint_totals values (0, 0);`,
];

/** Brings the store's schema up to date, once, whoever else is migrating it at the same moment. */
export async function migrate(client: PoolClient): Promise<void> {
  await client.query('begin');
  try {
    // One migrator at a time; the others wait here, then find nothing to do.
    await client.query(`select pg_advisory_xact_lock(hashtext('factlint schema'))`);
    await client.query('create table if not exists factlint_schema (version integer not null)');
    const { rows } = await client.query<{ version: number }>('select version from factlint_schema');
    const version = rows[0]?.version ?? 0;
    if (version > MIGRATIONS.length) throw new Error(`the store's schema (version ${version}) is newer than this factlint knows (${MIGRATIONS.length}); upgrade factlint`);
    for (const step of MIGRATIONS.slice(version)) await client.query(step);
    if (!rows.length) await client.query('insert into factlint_schema values ($1)', [MIGRATIONS.length]);
    else await client.query('update factlint_schema set version = $1', [MIGRATIONS.length]);
    await client.query('commit');
  } catch (e) {
    await client.query('rollback');
    throw e;
  }
}
