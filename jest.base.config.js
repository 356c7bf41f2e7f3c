/** Shared by jest.config.js (npm test), jest.interop.config.js and jest.e2e.config.js. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/scripts', '<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    // Type checking is `npm run typecheck`'s job; tsconfig's isolatedModules makes ts-jest only transpile (fast).
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', diagnostics: false }],
  },
  moduleNameMapper: {
    // office-addin-mock pulls office-addin-manifest, whose ESM-only dependencies jest cannot load.
    '^office-addin-manifest$': '<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js',
  },
  setupFilesAfterEnv: ['<rootDir>/test/setup-testing-library.js'],
  modulePathIgnorePatterns: ['<rootDir>/lib/', '<rootDir>/dist/'],
};
