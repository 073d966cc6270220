// One runner for everything: domain, templates, database, main process and the browser end-to-end tests.
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' }, module: { type: 'commonjs' } }];
module.exports = {
  testMatch: ['<rootDir>/tests/**/*.spec.ts?(x)'],
  transform: { '^.+\\.(t|j)sx?$': swc },
  // dexie and a few ESM-only packages ship ESM; let swc turn them into CommonJS
  transformIgnorePatterns: ['/node_modules/(?!(dexie-react-hooks)/)'],
  testEnvironment: 'node',
  // Jest 30's clean-up of globals between files recurses forever on MobX's and fake-indexeddb's global state and fails
  // whichever suite a worker runs next; the suites do not share globals, so it is not needed
  testEnvironmentOptions: { globalsCleanup: 'off' },
  testTimeout: 30000,
};
