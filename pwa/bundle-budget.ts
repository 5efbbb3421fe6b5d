/// <reference types="node" />
// The size budget of the files needed to OPEN the app: the entry chunk, the chunks it imports
// statically, and their CSS, gzipped. Lazy chunks (screens) are not counted: a phone fetches them
// when it opens that screen. The build prints the figure and fails above the budget.
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

export const BUDGET_BYTES = 100 * 1024;

// The parts of Rollup's output bundle we read (so a test can hand in a plain object).
export type BundleItem =
  | { type: 'chunk'; fileName: string; code: string; isEntry: boolean; imports: string[]; viteMetadata?: { importedCss: Set<string> } }
  | { type: 'asset'; fileName: string; source: string | Uint8Array };

export interface OpeningSize {
  files: string[];
  gzipBytes: number;
}

export function openingSize(bundle: Record<string, BundleItem>): OpeningSize {
  const files = new Set<string>();
  const visit = (fileName: string) => {
    const item = bundle[fileName];
    if (!item || item.type !== 'chunk' || files.has(fileName)) return;
    files.add(fileName);
    item.viteMetadata?.importedCss.forEach((css) => files.add(css));
    item.imports.forEach(visit);
  };
  Object.values(bundle).forEach((item) => item.type === 'chunk' && item.isEntry && visit(item.fileName));
  let gzipBytes = 0;
  for (const fileName of files) {
    const item = bundle[fileName];
    if (!item) continue;
    gzipBytes += gzipSync(item.type === 'chunk' ? item.code : item.source, { level: 9 }).length;
  }
  return { files: [...files].sort(), gzipBytes };
}

// Throws (so the build fails) when the opening files are above the budget; returns the line to print.
export function checkBudget(bundle: Record<string, BundleItem>, budget = BUDGET_BYTES): string {
  const { files, gzipBytes } = openingSize(bundle);
  const line = `app start: ${(gzipBytes / 1024).toFixed(1)} KB gzipped of ${budget / 1024} KB (${files.join(', ')})`;
  if (gzipBytes > budget) {
    throw new Error(`${line}: over the budget. Load the new code lazily (lazy() in app.tsx) or make it smaller.`);
  }
  return line;
}

export function bundleBudget(budget = BUDGET_BYTES): Plugin {
  return {
    name: 'maatje-bundle-budget',
    apply: 'build',
    enforce: 'post', // after Vite has added index.html to the bundle
    generateBundle(_options, bundle) {
      // Only the page build has index.html; the service worker's own build is not the app start.
      if (!('index.html' in bundle)) return;
      console.log(checkBudget(bundle as unknown as Record<string, BundleItem>, budget));
    },
  };
}
