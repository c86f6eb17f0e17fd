import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // The registry's worker thread is an entry of its own, emitted beside index.js, where
        // src/main/index.ts names it to the core (useRegistryWorker).
        input: { index: resolve('src/main/index.ts'), 'registry-worker': resolve('src/core/registry/registry-worker.ts') },
        output: { entryFileNames: '[name].js' },
      },
    },
  },
  // The preload runs sandboxed: one CommonJS file with its dependencies (zod) bundled in.
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      isolatedEntries: true,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
  },
});
