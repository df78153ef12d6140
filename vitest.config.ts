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
        },
      },
      {
        extends: true,
        test: {
          name: 'int',
          // The real local Neo4j over Bolt and the real HTTP server.
          include: ['test/**/*.int.test.ts'],
          globalSetup: ['test/setup/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
