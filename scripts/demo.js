#!/usr/bin/env node
'use strict';
// `npm run demo`: check the bundled example workbook, which holds the report's tables and one planted
// mistake (기획예산과!E99). Finding it is the demo's success, so the check's exit status 1 is reported
// in words instead of failing the npm script.
const path = require('path');
const fs = require('fs');
const { execFileSync } = require('child_process');

const root = path.join(__dirname, '..');
const entry = path.join(root, 'lib', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.cli.json'], { cwd: root, stdio: 'inherit' });
}
const file = path.join('examples', 'report-tables.xlsx');
require(entry)
  .main(['check', file, ...process.argv.slice(2)])
  .then((code) => {
    if (code === 1) {
      process.stdout.write(`\n(demo) ${file} holds one planted mistake at 기획예산과!E99; the check found it (exit status 1 = error findings).\n`);
      process.exitCode = 0;
    } else {
      process.stdout.write(`\n(demo) unexpected exit status ${code}: the planted mistake at 기획예산과!E99 should give exit status 1.\n`);
      process.exitCode = code === 0 ? 1 : code;
    }
  });
