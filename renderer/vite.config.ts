import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * The renderer's build: `vite build --config renderer/vite.config.ts` writes dist/renderer.
 * `base: './'` keeps every asset URL relative, so the page loads from a custom protocol or file://.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: `${repoRoot}dist/renderer`,
    emptyOutDir: true,
    // Inline assets would need `data:` in script/style CSP; keep them as files.
    assetsInlineLimit: 0,
    target: 'chrome120',
  },
});
