#!/usr/bin/env node
/**
 * `npm start`: sideload the add-in into desktop Excel (Windows, macOS) with office-addin-debugging.
 * Where there is no desktop Excel (Linux), say so in one line and point to what works there.
 */
'use strict';
const { spawn } = require('child_process');
const path = require('path');

const DESKTOP_PLATFORMS = new Set(['win32', 'darwin']);

function noDesktopExcelMessage(platform) {
  return (
    `npm start: there is no desktop Excel on ${platform}; use Excel on the web with ` +
    '`npm run start:web -- --document <workbook URL>`, or the standalone page: `npm run dev-server`, ' +
    'then open https://localhost:3000/taskpane.html'
  );
}

function main() {
  if (!DESKTOP_PLATFORMS.has(process.platform)) {
    console.error(noDesktopExcelMessage(process.platform));
    process.exit(1);
  }
  const bin = path.join(__dirname, '..', 'node_modules', '.bin', 'office-addin-debugging');
  const child = spawn(bin, ['start', 'manifest.xml', 'desktop', ...process.argv.slice(2)], {
    cwd: path.join(__dirname, '..'),
    stdio: 'inherit',
    shell: process.platform === 'win32', // .bin entries are .cmd shims on Windows
  });
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
  child.on('error', (error) => {
    console.error(`npm start: could not run office-addin-debugging (${error.message})`);
    process.exit(1);
  });
}

if (require.main === module) main();

module.exports = { main, noDesktopExcelMessage, DESKTOP_PLATFORMS };
