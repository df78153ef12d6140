import { defineConfig } from 'vitest/config';
export default defineConfig({
  root: '/work/wt-outreach-more',
  resolve: { alias: { graphql: 'graphql/index.js' } },
  test: {
    include: ['test/**/*.int.test.ts'],
    globalSetup: ['/tmp/owa/setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
