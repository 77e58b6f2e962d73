// Jest runs the JavaScript suites in ../tests/js against this package (ESM, no transform).
module.exports = {
  rootDir: '..',
  roots: ['<rootDir>/tests/js'],
  testMatch: ['**/*.test.mjs'],
  moduleDirectories: ['node_modules', '<rootDir>/npm/node_modules'],
  testEnvironment: 'node',
  transform: {},
  testTimeout: 30000,
  maxWorkers: 2,
};
