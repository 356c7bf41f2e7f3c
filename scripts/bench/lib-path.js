'use strict';
/** The compiled TypeScript (tsc -p tsconfig.cli.json → lib/), which the bench measures. */
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');

function lib(rel) {
  return require(path.join(root, 'lib', rel));
}

module.exports = { root, lib };
