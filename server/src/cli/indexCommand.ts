// `factlint index --store postgres://… --corpus DIR…`: loads corpus folders into a PostgreSQL fact
// store, reading only documents whose content the store does not hold yet.
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { loadCorpus } from '../engine/corpus';
import { FactlintError } from '../engine/errors';
import { PgStore, storeName } from '../store/pgStore';
import { storeUrl, UsageError } from './args';
import type { CliIO } from './run';

export const INDEX_HELP = `Usage: factlint index --store <url> --corpus <dir> [--corpus <dir>…]

Loads the facts of corpus folders into a PostgreSQL fact store, which drafts are then checked
against with factlint --store <url>. Only documents whose content the store lacks are read; those
of the folders that are gone are removed.

Options:
      --store <url>           postgres://user:password@host/database (default: FACTLINT_STORE)
      --corpus <dir>          corpus folder of .txt/.md source reports (repeatable)
  -h, --help                  show this help
`;

export async function runIndex(argv: string[], io: CliIO, error: (message: string) => void): Promise<number> {
  let store: string;
  let folders: string[];
  try {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      options: { store: { type: 'string' }, corpus: { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) {
      io.stdout.write(INDEX_HELP);
      return 0;
    }
    const url = values.store ?? io.env.FACTLINT_STORE;
    if (!url) throw new UsageError('factlint index needs --store <url> (or FACTLINT_STORE)');
    store = storeUrl(values.store === undefined ? 'FACTLINT_STORE' : '--store', url);
    if (!values.corpus?.length) throw new UsageError('factlint index needs at least one --corpus <dir>');
    folders = values.corpus.map((dir) => path.resolve(io.cwd, dir));
  } catch (e) {
    error(e instanceof UsageError ? e.message : (e as Error).message);
    io.stderr.write('Run "factlint index --help" for usage.\n');
    return 2;
  }
  const pg = new PgStore(store);
  try {
    const documents = loadCorpus({ bundledCorpus: false, corpusDirs: folders });
    const summary = await pg.index(documents, folders);
    const count = (n: number) => n.toLocaleString('en-US');
    io.stderr.write(`factlint: ${storeName(store)} holds ${count(summary.documents)} documents of ${folders.length === 1 ? 'this folder' : `these ${folders.length} folders`} (${count(summary.read)} read, ${count(summary.removed)} removed)\n`);
    return 0;
  } catch (e) {
    if (!(e instanceof FactlintError)) throw e;
    error(e.message);
    return 2;
  } finally {
    await pg.close();
  }
}
