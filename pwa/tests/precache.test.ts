// Coordinator-only chunks (and their CSS) go to assets/coordinatie/, which the service worker does
// not precache (its globIgnores; tests/e2e/test_matching.py reads the built sw.js); a chunk that
// mixes in shared code stays where every phone gets it.
import { describe, expect, it } from 'vitest';
import { assetFileName, chunkFileName, COORDINATOR_DIR } from '../vite.config';

const coordinator = '/app/pwa/src/features/coordinator/DashboardScreen.tsx';
const shared = '/app/pwa/src/ui/Button.tsx';

describe('the coordinator chunks', () => {
  it('are placed apart only when all their modules are coordinator code, their CSS with them', () => {
    expect(chunkFileName({ name: 'DashboardScreen', moduleIds: [coordinator] })).toBe(`${COORDINATOR_DIR}/[name]-[hash].js`);
    expect(chunkFileName({ name: 'Button', moduleIds: [shared, coordinator] })).toBe('assets/[name]-[hash].js');
    expect(chunkFileName({ name: 'empty', moduleIds: [] })).toBe('assets/[name]-[hash].js');
    expect(assetFileName({ names: ['DashboardScreen.css'] })).toBe(`${COORDINATOR_DIR}/[name]-[hash][extname]`);
    expect(assetFileName({ names: ['Button.css'] })).toBe('assets/[name]-[hash][extname]');
  });

});
