#!/usr/bin/env node
'use strict';
// The compiled CLI lives in lib/ (built by `npm install` through the prepare script).
const path = require('path');
const fs = require('fs');
const entry = path.join(__dirname, '..', 'lib', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  process.stderr.write('report-tables: the command is not built yet; run `npm install` (or `npm run build:cli`) first.\n');
  process.exit(2);
}
require(entry).main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => {
    process.stderr.write(`report-tables: internal error: ${err && err.message ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
