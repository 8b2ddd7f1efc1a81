/** Four kinds of suites: unit (no services), integration (*.int.test.ts: real Temporal + database),
 * browser (*.browser.test.ts: the built web app in Debian's chromium) and faults (*.faults.test.ts:
 * the built entry points as processes, killed and restarted, with servers of their own). */
const transform = { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] };
// react-jsonschema-form's schema merger ships only ES modules; jest's CommonJS loader needs them compiled.
const transformIgnorePatterns = ['/node_modules/(?!(@x0k)/)'];

module.exports = {
  testTimeout: 120000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      transformIgnorePatterns,
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['\\.int\\.test\\.ts$', '\\.browser\\.test\\.ts$', '\\.faults\\.test\\.ts$'],
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      transform,
      transformIgnorePatterns,
      testMatch: ['<rootDir>/test/**/*.int.test.ts', '<rootDir>/test/**/*.browser.test.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    {
      displayName: 'faults',
      testEnvironment: 'node',
      transform,
      transformIgnorePatterns,
      testMatch: ['<rootDir>/test/faults/**/*.faults.test.ts'],
      // The suites start servers of their own; they need only the built entry points.
      globalSetup: '<rootDir>/test/faults/support/global-setup.ts',
    },
  ],
};
