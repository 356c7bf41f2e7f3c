/** `npm run test:interop`: tests that have LibreOffice recalculate what we write (needs soffice). */
const base = require('./jest.base.config');

module.exports = {
  ...base,
  testMatch: ['**/*.interop.test.ts'],
  testTimeout: 180000,
  maxWorkers: 1,
};
