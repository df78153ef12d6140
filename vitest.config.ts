import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // One graphql instance: Pothos loads the CommonJS build, so ESM imports must get the same one.
    alias: { graphql: 'graphql/index.js' },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // Pure code, tested beside it: no database, no network.
          include: [
            'schema/**/*.test.ts',
            'seed/**/*.test.ts',
            'server/**/*.test.ts',
            'web/**/*.test.ts',
          ],
          // Pure code: the files share one module cache instead of importing their modules anew
          // (the import phase of the unit files: ~1 s each on 2 cores).
          isolate: false,
          // Generous: the seed tests generate thousands of people, and CI machines can be busy.
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'int',
          // The real local Neo4j over Bolt, the real HTTP server, and the built web app in headless
          // Chromium: one project, so one Neo4j with the demo graph serves them all.
          include: ['test/**/*.int.test.ts', 'test/browser/**/*.browser.test.ts'],
          globalSetup: ['test/setup/global-setup.ts'],
          // The files share one module cache, as the unit files do: each imported the server anew
          // (~1.5 s a file, 102 s of the run). Nothing a file changes outlives it: each makes its own
          // server and data (test/helpers), and puts back the environment it sets.
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
