// The size budget counts what opening the app needs (entry, its static imports, their CSS),
// never the lazily loaded screens, and fails the build above the budget.
import { describe, expect, it } from 'vitest';
import { checkBudget, openingSize, type BundleItem } from '../bundle-budget';

// Random base-36 text compresses to about two thirds of its length.
function noise(bytes: number): string {
  let text = '';
  while (text.length < bytes) text += Math.random().toString(36).slice(2);
  return text.slice(0, bytes);
}

function bundle(lazyBytes: number, entryBytes = 10_000): Record<string, BundleItem> {
  const items: BundleItem[] = [
    { type: 'chunk', fileName: 'index.js', code: noise(entryBytes), isEntry: true, imports: ['shared.js'],
      viteMetadata: { importedCss: new Set(['index.css']) } },
    { type: 'chunk', fileName: 'shared.js', code: noise(5_000), isEntry: false, imports: [] },
    { type: 'chunk', fileName: 'Screen.js', code: noise(lazyBytes), isEntry: false, imports: ['shared.js'],
      viteMetadata: { importedCss: new Set(['Screen.css']) } },
    { type: 'asset', fileName: 'index.css', source: noise(1_000) },
    { type: 'asset', fileName: 'Screen.css', source: noise(1_000) },
    { type: 'asset', fileName: 'index.html', source: '<html></html>' },
  ];
  return Object.fromEntries(items.map((item) => [item.fileName, item]));
}

describe('the app-start budget', () => {
  it('counts the entry, its static imports and their CSS, not lazy screens', () => {
    const size = openingSize(bundle(50_000));
    expect(size.files).toEqual(['index.css', 'index.js', 'shared.js']);
    expect(size.gzipBytes).toBeGreaterThan(10_000);
    expect(size.gzipBytes).toBeLessThan(20_000);
  });

  it('a big lazy screen stays within the budget; a big entry fails the build', () => {
    expect(checkBudget(bundle(500_000), 100 * 1024)).toMatch(/^app start: \d+\.\d KB gzipped of 100 KB/);
    expect(() => checkBudget(bundle(1_000, 200_000), 100 * 1024)).toThrow(/over the budget/);
  });
});
