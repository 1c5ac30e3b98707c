// A synthetic corpus for `npm run bench`: N documents of about 600 words, each a shuffle of the bundled
// reports' sentences with their numbers varied, so a large corpus holds many facts alike in wording.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The bundled corpus, found above wherever this runs (from source, or bundled into dist/). */
function bundledCorpus(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'corpus', 'corpus.json'))) return path.join(dir, 'corpus');
    if (path.dirname(dir) === dir) throw new Error(`no corpus/ above ${__dirname}`);
  }
}

export function generateCorpus(documents: number): string {
  const bundled = bundledCorpus();
  const sentences = fs
    .readdirSync(bundled)
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => fs.readFileSync(path.join(bundled, f), 'utf8').split(/(?<=[.!?])\s+|\n+/))
    .map((s) => s.trim())
    .filter((s) => s.split(/\s+/).length > 6);
  let seed = 11;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const vary = (s: string) =>
    s.replace(/\d[\d,]*\d|\d/g, (m) => {
      const v = Number(m.replace(/,/g, ''));
      if (rand() < 0.4 || !Number.isFinite(v) || v < 2 || (v >= 1900 && v <= 2100)) return m;
      return String(Math.max(1, Math.round(v * (0.5 + rand())))).replace(/\B(?=(\d{3})+$)/g, m.includes(',') ? ',' : '');
    });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factlint-bench-corpus-'));
  for (let d = 0; d < documents; d++) {
    const out: string[] = [];
    for (let words = 0; words < 600; ) {
      const s = vary(sentences[Math.floor(rand() * sentences.length)]);
      out.push(s);
      words += s.split(/\s+/).length;
    }
    fs.writeFileSync(path.join(dir, `doc-${String(d).padStart(5, '0')}.txt`), `Report ${d}\n${out.join(' ')}\n`);
  }
  return dir;
}
