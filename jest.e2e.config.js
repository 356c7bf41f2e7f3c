/** `npm run test:e2e`: the built pane (dist/) in headless Chromium (needs /usr/bin/chromium and `npm run build`). */
const base = require('./jest.base.config');

module.exports = {
  ...base,
  testMatch: ['**/*.e2e.test.ts'],
  testTimeout: 120000,
  maxWorkers: 1,
};
