/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  setupFiles: ['reflect-metadata'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60000,
  maxWorkers: 2,
  // Every test file loads the whole application into a fresh module registry, and some of each stays reachable
  // (~17 MB of heap per e2e file), so a worker that ran half the suite holds about 1 GB. Node takes longer than
  // Jest's 500 ms grace period to tear that down, and Jest then reports a worker "failed to exit gracefully".
  // Recycling a worker between files once its heap passes this bound keeps every exit quick.
  workerIdleMemoryLimit: '512MB',
};
