// Vite builds the app into dist/; vite-plugin-pwa compiles src/sw.ts and writes the manifest file.
import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';
import { bundleBudget } from './bundle-budget.js';

const testingApi = decodeURIComponent(new URL('./src/api.testing.ts', import.meta.url).pathname);

// The coordinator's screens (features/coordinator/) are built into assets/coordinatie/ and kept
// out of the precache (globIgnores below): newcomers' and buddies' phones never download them;
// a coordinator's browser fetches each screen when it is first opened (they work online only).
// A chunk goes there when every module in it is coordinator code; shared code stays precached.
export const COORDINATOR_DIR = 'assets/coordinatie';
const isCoordinatorModule = (id: string) => id.includes('/src/features/coordinator/');
const coordinatorChunks = new Set<string>(); // chunk names placed there, for their CSS below
export function chunkFileName(chunk: { name: string; moduleIds: readonly string[] }): string {
  const own = chunk.moduleIds.length > 0 && chunk.moduleIds.every(isCoordinatorModule);
  if (!own) return 'assets/[name]-[hash].js';
  coordinatorChunks.add(chunk.name);
  return `${COORDINATOR_DIR}/[name]-[hash].js`;
}
// A chunk's CSS is named after the chunk (remote.css for the chunk "remote"): it goes with it.
export function assetFileName(asset: { names?: readonly string[] }): string {
  const own = (asset.names ?? []).some((n) => n.endsWith('.css') && coordinatorChunks.has(n.slice(0, -4)));
  return own ? `${COORDINATOR_DIR}/[name]-[hash][extname]` : 'assets/[name]-[hash][extname]';
}

export default defineConfig({
  plugins: [
    preact(),
    bundleBudget(), // fails the build when opening the app needs more than 100 KB gzipped
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      // We register the worker ourselves in main.tsx: no inline script (CSP script-src 'self').
      injectRegister: false,
      registerType: 'prompt',
      manifestFilename: 'manifest.webmanifest',
      includeManifestIcons: false, // the glob below already takes every icon
      manifest: {
        name: 'Maatje',
        short_name: 'Maatje',
        description: 'Samen wegwijs in Nederland',
        lang: 'nl',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#0b6e4f',
        background_color: '#ffffff',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      injectManifest: {
        // The app shell, icons, the i18n catalogs and fonts: everything needed to start offline.
        // woff2: the Ethiopic font (i18n/fonts.css), so Tigrinya reads offline too.
        globPatterns: ['**/*.{js,css,html,png,svg,json,woff2}'], // the plugin adds the manifest itself
        // Online-only screens are fetched when opened; the phrase catalogue (content/<lang>.json)
        // and audio are fetched per language and per phrase (features/practice, features/audio).
        globIgnores: [`${COORDINATOR_DIR}/**`, 'content/**', 'audio/**'],
        rollupFormat: 'iife', // a classic worker: module workers need a newer Chrome than many phones have
      },
      devOptions: { enabled: false },
    }),
  ],
  build: {
    outDir: 'dist',
    target: 'es2020', // cheap, older Android phones
    modulePreload: { polyfill: false }, // keeps the HTML free of any inline script
    rollupOptions: { output: { chunkFileNames: chunkFileName, assetFileNames: assetFileName } },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:5000' },
  },
  test: {
    environment: 'node',
    include: ['tests/**/*.test.ts'],
    setupFiles: ['tests/setup.ts'],
    // The real Flask app, started once (tests/pwa_server.py); the twin of api.ts reaches it.
    globalSetup: ['tests/global-setup.ts'],
    fileParallelism: false, // one server, one database: a file's reset must not hit another's test
    // Sync logic talks to the real server through the twin of the API (transport only).
    alias: [{ find: /^(\.{1,2}\/)+api$/, replacement: testingApi }],
  },
});
