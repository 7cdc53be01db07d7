/**
 * The test build (UNDERSTUDY_TEST_BUILD=1) without minification, written outside the repository, so
 * bench/replay/profile.ts can name the functions it profiles. Used only by that diagnostic.
 */
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'wxt';
import base from '../../wxt.config';

export const PROFILE_BUILD_DIR = path.join(os.tmpdir(), 'understudy-profile-build');

export default defineConfig({
  ...base,
  outDir: PROFILE_BUILD_DIR,
  vite: async (env) => {
    const config = typeof base.vite === 'function' ? await base.vite(env) : {};
    return { ...config, build: { ...config.build, minify: false } };
  },
});
