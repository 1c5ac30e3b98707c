// JSON with comments and trailing commas (.factlintrc.jsonc), as VS Code's own settings files are
// written, parsed by the library VS Code uses for them.
// The ES module build: esbuild cannot follow the requires inside the package's default UMD build.
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser/lib/esm/main';
import { ConfigError } from './validate';

/** The value of a JSONC text, or `empty` for a text of nothing but comments and white space. */
export function parseJsonc<E>(text: string, file: string, empty: E): unknown {
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: true, allowEmptyContent: true });
  if (errors.length) {
    const { error, offset } = errors[0];
    const before = text.slice(0, offset).split(/\r\n|\r|\n/);
    throw new ConfigError(file, `invalid JSON: ${printParseErrorCode(error)} at line ${before.length}, column ${before[before.length - 1].length + 1}`);
  }
  return value === undefined ? empty : value;
}
