import { defineConfig } from 'vite';

/** `vite build web` (and the browser tests' build) read this: Preact's JSX, one chunk per heavy library. */
export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        manualChunks: { echarts: ['echarts'], cytoscape: ['cytoscape', 'cytoscape-fcose'] },
      },
    },
  },
});
