// electron-builder.yml: valid for electron-builder's own schema, the targets the issue asks for, and the same
// identity as the code (appId, product name) so the data folder and origin never move.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { APP_ID, APP_PRODUCT_NAME } from '../../electron/identity';

const root = path.join(__dirname, '..', '..');
// electron-builder's own YAML reader and validator (dependencies of the electron-builder dev dependency).
const yaml = require('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

interface Target {
  target: string;
  arch: string[];
}
interface BuilderConfig {
  appId: string;
  productName: string;
  files: string[];
  win: { target: Target[] };
  linux: { target: Target[]; category: string; desktop: { entry: { Name: string } } };
  nsis: { shortcutName: string; oneClick: boolean };
  asar: boolean;
  electronFuses: Record<string, boolean>;
}

const config = yaml.load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

it('passes electron-builder validation', async () => {
  await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
});

it('rejects a misspelt fuse, so the fuse names below are the ones electron-builder knows', async () => {
  const misspelt = { ...config, electronFuses: { ...config.electronFuses, runAsNodes: false } };
  await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(/configuration\.electronFuses/);
});

it('flips the fuses: no Node.js runtime, NODE_OPTIONS or inspector in the installed app, encrypted cookies, only its own checked app.asar', () => {
  expect(config.electronFuses).toEqual({
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableCookieEncryption: true,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
  });
  // onlyLoadAppFromAsar leaves the app nothing to start from without an asar
  expect(config.asar).toBe(true);
});

it('has the fixed identity used by the code and package.json', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { productName: string; main: string };
  expect(config.appId).toBe(APP_ID);
  expect(config.productName).toBe('预算绩效管理');
  expect(APP_PRODUCT_NAME).toBe(config.productName);
  expect(pkg.productName).toBe(config.productName);
  expect(pkg.main).toBe('dist-electron/main.cjs');
  expect(config.linux.desktop.entry.Name).toBe('预算绩效管理');
  expect(config.nsis.shortcutName).toBe('预算绩效管理');
});

it('packages the two bundles only', () => {
  expect(config.files).toEqual(expect.arrayContaining(['dist/**', 'dist-electron/**', '!node_modules/**']));
});

it('targets Windows NSIS x64 and Linux deb and AppImage for x64 and arm64', () => {
  expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
  expect(config.nsis.oneClick).toBe(false);
  expect(config.linux.target).toEqual([
    { target: 'deb', arch: ['x64', 'arm64'] },
    { target: 'AppImage', arch: ['x64', 'arm64'] },
  ]);
  expect(config.linux.category).toBe('Office');
});
