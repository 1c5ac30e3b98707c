// The package version, inlined from package.json by esbuild (a require, so tsc stays within server/src).
export const VERSION: string = require('../../../package.json').version;
