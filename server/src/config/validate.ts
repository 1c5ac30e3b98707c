// Validates a config object against schemas/factlintrc.schema.json and turns the first problem into
// one sentence that names the file, the key and what was expected.
import type { ErrorObject, ValidateFunction } from 'ajv';
import { FactlintError } from '../engine/errors';
import type { FactlintConfig } from './settings';

// The schema compiled to plain code at build time (scripts/configValidator.mjs), so no bundle carries
// Ajv's compiler. A require, not an import: tsc's project stops at server/src.
const validator: ValidateFunction = require('../../generated/configValidator.js');

/** A config file that cannot be used; the message names the file and the problem. */
export class ConfigError extends FactlintError {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'ConfigError';
  }
}

/**
 * Checks a parsed config. `file` names it in messages; `keyPrefix` is prepended to key paths
 * ("factlint." for the key in package.json).
 */
export function validateConfig(value: unknown, file: string, keyPrefix = ''): FactlintConfig {
  if (validator(value)) return value as FactlintConfig;
  // For a key that takes one of several shapes (`extends`), a wrong item says most, then the choice,
  // then the alternatives that failed.
  const errors = validator.errors ?? [];
  const choice = errors.find((e) => e.keyword === 'oneOf');
  const error = (choice && errors.find((e) => e.instancePath.startsWith(`${choice.instancePath}/`))) ?? choice ?? errors[0];
  throw new ConfigError(file, error ? describe(error, keyPrefix) : 'invalid configuration');
}

function describe(error: ErrorObject, keyPrefix: string): string {
  const key = keyPath(error.instancePath, keyPrefix);
  const got = `got ${show(error.data)}`;
  switch (error.keyword) {
    case 'additionalProperties': {
      const unknown = keyPath(`${error.instancePath}/${error.params.additionalProperty}`, keyPrefix);
      const allowed = Object.keys((error.parentSchema?.properties as object | undefined) ?? {}).filter((k) => k !== '$schema');
      return `unknown key "${unknown}"; expected one of ${allowed.join(', ')}`;
    }
    case 'type':
      return key ? `"${key}" should be ${article(error.params.type)}, ${got}` : `the configuration should be an object, ${got}`;
    case 'enum':
      return `"${key}" should be one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}, ${got}`;
    case 'minimum':
    case 'maximum':
      return `"${key}" should be ${error.params.comparison} ${error.params.limit}, ${got}`;
    case 'oneOf':
      return `"${key}" should be a string or a list of strings, ${got}`;
    case 'minLength':
      return `"${key}" should be a non-empty string`;
    case 'uniqueItems':
      return `"${key}" should not list the same value twice (items ${error.params.j} and ${error.params.i})`;
    default:
      return `"${key}" ${error.message ?? 'is invalid'}`;
  }
}

/** "/severity/mismatch" → "severity.mismatch"; "/corpus/0" → "corpus[0]". */
function keyPath(instancePath: string, prefix: string): string {
  const parts = instancePath.split('/').slice(1);
  let out = prefix.replace(/\.$/, '');
  for (const p of parts) out += /^\d+$/.test(p) ? `[${p}]` : out ? `.${p}` : p;
  return out;
}

function article(type: string): string {
  return type === 'array' || type === 'object' || type === 'integer' ? `an ${type}` : `a ${type}`;
}

function show(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
