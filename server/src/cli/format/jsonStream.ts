// JSON reports written in pieces: a million findings make a report longer than V8's longest string,
// and building it whole would hold it all in memory twice. The pieces join to exactly what
// JSON.stringify(value, null, 2) writes for the same value with every Lazy an array.

/** A list written element by element, each made only when it is written. */
export class Lazy<T> {
  constructor(
    private readonly items: Iterable<T>,
    private readonly make: (item: T) => unknown = (item) => item,
  ) {}

  *[Symbol.iterator](): Iterator<unknown> {
    for (const item of this.items) yield this.make(item);
  }
}

/** How a report makes its long lists: whole arrays (a report object), or Lazy lists (a report written in pieces). */
export type ListOf = <T>(items: Iterable<T>, make: (item: T) => unknown) => unknown;
export const arrays: ListOf = (items, make) => Array.from(items, make);
export const lazily: ListOf = (items, make) => new Lazy(items, make);

const INDENT = '  ';

/** A report file: the value's pieces, then a line break. */
export function* jsonDocument(value: unknown): Generator<string> {
  yield* jsonPieces(value);
  yield '\n';
}

/**
 * The pieces of `value` as indented JSON. An object with a Lazy among its own values is written key
 * by key, a Lazy element by element; any other value is written whole, with JSON.stringify.
 */
export function* jsonPieces(value: unknown, depth = 0): Generator<string> {
  const pad = INDENT.repeat(depth + 1);
  if (value instanceof Lazy) {
    let first = true;
    for (const item of value) {
      yield `${first ? '[' : ','}\n${pad}`;
      first = false;
      yield* jsonPieces(item, depth + 1);
    }
    yield first ? '[]' : `\n${INDENT.repeat(depth)}]`;
  } else if (isObject(value) && Object.values(value).some((v) => v instanceof Lazy)) {
    // Keys whose value JSON has no form for (undefined, functions) are left out, as JSON.stringify does.
    const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function');
    let first = true;
    for (const [key, v] of entries) {
      yield `${first ? '{' : ','}\n${pad}${JSON.stringify(key)}: `;
      first = false;
      yield* jsonPieces(v, depth + 1);
    }
    yield first ? '{}' : `\n${INDENT.repeat(depth)}}`;
  } else {
    // Strings in JSON hold no raw line break, so every line break here is the layout's own. A value
    // JSON has no form for is null in a list, as in JSON.stringify.
    yield (JSON.stringify(value, null, 2) ?? 'null').replaceAll('\n', `\n${INDENT.repeat(depth)}`);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
