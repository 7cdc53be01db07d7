import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx', 'test/replay-harness/**/*.test.ts'],
    testTimeout: 30_000,
    environment: 'happy-dom',
    setupFiles: ['fake-indexeddb/auto'],
  },
});
