/**
 * What counts as test code, for every rule (src/analysis/test-code.ts reads it). Test code is where fixtures live:
 * sample JWTs, mocked session tokens, stubbed presign calls. What the rules do there is the `testCode` setting.
 */
export const TEST_CODE = {
  /** Folders whose files are tests or their data (Jest/Vitest `__tests__`, `__mocks__`; Go's and others' `testdata`). */
  directories: [
    'test',
    'tests',
    '__tests__',
    '__mocks__',
    '__fixtures__',
    'fixtures',
    '__snapshots__',
    'testdata',
    'test-data',
    'e2e',
  ],
  /** `*.test.ts`, `*.spec.js`, `foo.test.json`: the test-runner naming convention, any extension. */
  fileName: /\.(?:test|spec)\.[A-Za-z0-9]+$/u,
  /** Importing one of these makes a file a test. */
  runnerModules: [
    'vitest',
    '@jest/globals',
    'node:test',
    'mocha',
    '@playwright/test',
    'ava',
    'uvu',
    'tap',
    'aws-sdk-client-mock',
    'aws-sdk-mock',
  ],
  /**
   * A test run's global setup: a file that exports both of these (Vitest `globalSetup`), or is named like one (the
   * file Jest's `globalSetup` / `globalTeardown` option names by convention). It runs once around the test run.
   */
  globalSetupExports: ['setup', 'teardown'],
  globalSetupFileName: /^(?:(?:vitest|jest)[.-])?global[-_.]?(?:setup|teardown)\.[cm]?[jt]sx?$/iu,
  /** Called at top level without a binding in the file, these are the runner's globals (Jest, Vitest globals, Mocha, Jasmine). */
  runnerGlobals: ['describe', 'it', 'test', 'suite', 'beforeAll', 'beforeEach', 'afterAll', 'afterEach'],
  source:
    'https://jestjs.io/docs/configuration#testmatch-arraystring (__tests__, .test., .spec.); https://jestjs.io/docs/configuration#globalsetup-string; https://vitest.dev/config/#globalsetup (export setup / teardown); https://jestjs.io/docs/api (globals); https://vitest.dev/config/#include; https://pkg.go.dev/cmd/go#hdr-Test_packages (testdata)',
} as const;

/** What the rules do in test code: `skip` keeps only what leaks from a test file too; `report` treats it as any code. */
export type TestCodePolicy = 'skip' | 'report';
export const TEST_CODE_POLICIES: readonly TestCodePolicy[] = ['skip', 'report'];
/**
 * `skip` by default: a test's fixtures (sample JWTs, mocked tokens, stubbed presign calls) cannot outlive anything,
 * and reporting them taught users to switch the rules off (issue 13: 48 false findings in nine repositories, all in
 * tests). Long-lived cloud keys are still reported in test files: they leak from there just the same.
 */
export const DEFAULT_TEST_CODE_POLICY: TestCodePolicy = 'skip';
