// The CLI's core, without any printing: find the drafts, resolve each one's configuration, check it
// with an engine built once per distinct corpus setting, apply suppression comments.
import * as path from 'node:path';
import { ConfigError, ConfigFinder, engineOptions, fileLayer, formatOf, isIgnoredByConfig, resolveConfig, type FactlintConfig, type ResolvedConfig, type Severity } from '../config';
import { Engine, FactlintError, LineIndex, type CorpusDocument, type DocumentFormat, type Finding } from '../engine';
import { applySuppressions, type SuppressionDirective } from '../engine/suppress';
import { GitignoreRules } from './gitignore';
import { collectDrafts, relativeToCwd, type InputProblem } from './inputs';
import { readStdin, readTextFile } from '../engine/readText';
import { isInside, isReallyInside } from '../engine/realPath';
import { PgStore, StoreError } from '../store/pgStore';

export interface LintOptions {
  inputs: string[];
  /** The name of the draft read from standard input (`-`). */
  stdinFilename?: string;
  cwd: string;
  /** Config keys from flags, above the config file. */
  overrides: FactlintConfig;
  /** Drafts and corpus documents larger than this are not read. */
  maxFileBytes?: number;
  /** Config files may name corpus folders outside their repository (--allow-outside-corpus). */
  allowOutsideCorpus?: boolean;
  /** Where the corpus index is kept between runs; none when undefined. */
  cacheDir?: string;
  /** Called after each draft, for progress. */
  onProgress?: (done: number, total: number) => void;
  /** Called after each corpus document is indexed, for progress. */
  onIndexProgress?: (done: number, total: number) => void;
}

export interface ReportedFinding extends Finding {
  severity: Severity;
}

export interface FileResult {
  /** Absolute path. */
  file: string;
  /** Path to show and to put in reports. */
  path: string;
  format: DocumentFormat;
  lines: LineIndex;
  findings: ReportedFinding[];
  unusedDisables: SuppressionDirective[];
}

export interface LintResult {
  /** The working directory paths are shown relative to. */
  cwd: string;
  files: FileResult[];
  /** Inputs, config files, corpus folders or drafts that could not be used. */
  problems: InputProblem[];
  /** Every corpus document used, once. */
  corpus: CorpusDocument[];
}

export async function lintDrafts(options: LintOptions): Promise<LintResult> {
  const { cwd } = options;
  const finder = new ConfigFinder();
  const gitignore = new GitignoreRules();
  const configs = new Map<string, ResolvedConfig>();
  const problems: InputProblem[] = [];
  const reported = new Set<string>();
  const problem = (p: InputProblem) => {
    const key = `${p.path}\0${p.message}`;
    if (!reported.has(key)) problems.push(p);
    reported.add(key);
  };

  const configFor = (file: string): ResolvedConfig => {
    const found = finder.forFile(file);
    const key = found?.path ?? '';
    let config = configs.get(key);
    if (!config) {
      config = resolveConfig([...(found ? [fileLayer(found)] : []), { config: options.overrides, baseDir: cwd }], cwd);
      configs.set(key, config);
    }
    return config;
  };

  // Files found by expansion pass .gitignore, the config's ignores and its languages.
  const accept = (file: string): boolean => {
    if (gitignore.ignores(file)) return false;
    let config: ResolvedConfig;
    try {
      config = configFor(file);
    } catch (e) {
      if (e instanceof ConfigError) return true; // reported when the file is checked
      throw e;
    }
    return config.languages.includes(formatOf(file)) && !isIgnoredByConfig(config, file);
  };

  const { drafts, problems: inputProblems } = collectDrafts(options.inputs, cwd, accept, options.stdinFilename);
  for (const p of inputProblems) problems.push(p);

  // A config file (one in a stranger's pull request, say) may only name corpus folders inside its own
  // repository, and their files may not link out of them, unless the user allows more on the command line.
  const confined = (config: ResolvedConfig): string | undefined => {
    if (options.allowOutsideCorpus || options.overrides.corpus || !config.source) return undefined;
    const dir = path.dirname(config.source);
    const root = gitignore.repositoryRoot(dir);
    if (path.dirname(root) !== root) return root;
    // Outside any repository: the working directory, or the config file's folder when that is not in it.
    return isInside(config.source, cwd) ? cwd : dir;
  };
  const engines = new Map<string, Engine | null>();
  const engineFor = (config: ResolvedConfig): Engine | null => {
    const boundary = confined(config);
    const load = { ...engineOptions(config), maxFileBytes: options.maxFileBytes, confineCorpus: boundary !== undefined, cacheDir: options.cacheDir };
    const key = JSON.stringify(load);
    let engine = engines.get(key);
    if (engine === undefined) {
      // Name where the corpus folders came from: flags replace the config file's list.
      const from = options.overrides.corpus || !config.source ? 'command line' : relativeToCwd(config.source, cwd);
      const outside = boundary === undefined ? [] : config.corpusDirs.filter((dir) => !isReallyInside(dir, boundary));
      if (outside.length) {
        const folders = outside.map((dir) => relativeToCwd(dir, cwd)).join(', ');
        problem({ path: from, message: `corpus folder ${folders} is outside this config file's repository (${relativeToCwd(boundary!, cwd)}); not read (pass --allow-outside-corpus to allow it)` });
        engine = null;
      } else
        try {
          engine = Engine.load({ ...load, onIndexProgress: options.onIndexProgress });
        } catch (e) {
          if (!(e instanceof FactlintError)) throw e;
          problem({ path: from, message: e.message });
          engine = null;
        }
      engines.set(key, engine);
    }
    return engine;
  };

  const stores = new Map<string, PgStore>();
  const storeFor = (url: string) => {
    let store = stores.get(url);
    if (!store) stores.set(url, (store = new PgStore(url)));
    return store;
  };

  const files: FileResult[] = [];
  const corpus = new Map<string, CorpusDocument>();
  try {
    for (const [i, draft] of drafts.entries()) await checkDraft(draft, i);
  } finally {
    await Promise.all([...stores.values()].map((s) => s.close()));
  }
  return { cwd, files, problems, corpus: [...corpus.values()] };

  async function checkDraft(draft: (typeof drafts)[number], i: number): Promise<void> {
    const display = draft.display;
    try {
      const config = configFor(draft.file);
      const engine = engineFor(config);
      if (!engine) return;
      const read = draft.stdin ? readStdin(options.maxFileBytes) : readTextFile(draft.file, options.maxFileBytes);
      if ('problem' in read) return problem({ path: display, message: read.problem + (read.tooLarge ? ' (raise the limit with --max-file-size)' : '') });
      for (const doc of engine.documents) corpus.set(doc.path, doc);
      // Standard input without a name is read as Markdown, the format most drafts are in.
      const format = draft.stdin && options.stdinFilename === undefined ? 'markdown' : formatOf(draft.file);
      const found = config.store ? await engine.checkWithStore(read.text, { format }, storeFor(config.store)) : engine.check(read.text, { format });
      const checked = applySuppressions(read.text, found, format);
      files.push({
        file: draft.file,
        path: display,
        format,
        lines: new LineIndex(read.text),
        findings: checked.findings.map((f) => ({ ...f, severity: config.severity[f.verdict] })),
        unusedDisables: checked.unusedDisables,
      });
    } catch (e) {
      // A store that cannot be used fails the whole run, once.
      if (e instanceof StoreError) throw e;
      if (e instanceof ConfigError) problem({ path: relativeToCwd(e.file, cwd), message: e.problem });
      else problem({ path: display, message: `could not be checked: ${(e as Error).message}` });
    } finally {
      options.onProgress?.(i + 1, drafts.length);
    }
  }
}
