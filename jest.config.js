/**
 * `npm test`: everything that needs only npm packages. Tests needing LibreOffice (*.interop.test.ts)
 * or Chromium (*.e2e.test.ts) have their own configs and scripts.
 * @type {import('jest').Config}
 */
const base = require('./jest.base.config');

module.exports = {
  ...base,
  testPathIgnorePatterns: ['/node_modules/', '/lib/', '/dist/', '\\.interop\\.test\\.tsx?$', '\\.e2e\\.test\\.tsx?$'],
};
