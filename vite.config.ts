// The renderer build: plain browser (`npm run web`) and Electron (loaded under app:// with relative paths).
import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * The dev server injects CSS as <style> elements, which the strict CSP of index.html forbids. Only while serving,
 * allow inline styles; the built app keeps the strict policy.
 */
function relaxCspForDevServer(): Plugin {
  return {
    name: 'relax-csp-for-dev-server',
    apply: 'serve',
    transformIndexHtml(html) {
      return html.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");
    },
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  // Vite 8 transforms TSX itself (oxc); no React plugin, so say which JSX runtime to use
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [relaxCspForDevServer()],
  define: {
    __APP_VERSION__: JSON.stringify(pkg.version),
    // the e2e tests and the bench build with PERF_DESK_TEST_HOOKS=1 to reach the stores from the page
    __TEST_HOOKS__: JSON.stringify(process.env.PERF_DESK_TEST_HOOKS === '1'),
  },
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'es2022',
  },
  server: { host: '127.0.0.1' },
});
