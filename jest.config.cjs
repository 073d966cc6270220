// One runner for everything: domain, templates, database, main process and the browser end-to-end tests.
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' }, module: { type: 'commonjs' } }];
module.exports = {
  testMatch: ['<rootDir>/tests/**/*.spec.ts?(x)'],
  transform: { '^.+\\.(t|j)sx?$': swc },
  // dexie and a few ESM-only packages ship ESM; let swc turn them into CommonJS
  transformIgnorePatterns: ['/node_modules/(?!(dexie-react-hooks)/)'],
  testEnvironment: 'node',
  testTimeout: 30000,
};
