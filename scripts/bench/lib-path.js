'use strict';
/**
 * The compiled TypeScript (tsc -p tsconfig.cli.json → lib/), which the bench measures. RT_LIB names another
 * output directory, so that several people can build and measure side by side without racing on lib/.
 */
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');

function lib(rel) {
  return require(path.join(process.env.RT_LIB ? path.resolve(process.env.RT_LIB) : path.join(root, 'lib'), rel));
}

module.exports = { root, lib };
