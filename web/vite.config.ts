import { defineConfig } from 'vite';
import { persistedOperationsPlugin } from './api/persisted-manifest.ts';

/**
 * `vite build web` (and the browser tests' build) read this: Preact's JSX, one chunk per heavy
 * library, and the persisted-operations manifest beside the bundle.
 */
export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  plugins: [persistedOperationsPlugin()],
  build: {
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        manualChunks: { echarts: ['echarts'], cytoscape: ['cytoscape', 'cytoscape-fcose'] },
      },
    },
  },
});
