// The package version. esbuild's `define` puts it in each bundle as a string (scripts/build.mjs); code
// run from source, as the tests run it, reads package.json.
declare const FACTLINT_VERSION: string | undefined;
export const VERSION: string = typeof FACTLINT_VERSION === 'string' ? FACTLINT_VERSION : require('../../../package.json').version;
