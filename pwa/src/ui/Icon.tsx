// Small inline SVG icons (no icon font, no CDN, no missing-emoji boxes); always beside words.
const PATHS = {
  home: 'M3 11l9-8 9 8M5 10v10h5v-6h4v6h5V10',
  user: 'M12 4a4 4 0 1 1 0 8a4 4 0 0 1 0-8M4 21c0-4 4-6 8-6s8 2 8 6',
  globe: 'M12 3a9 9 0 1 1 0 18a9 9 0 0 1 0-18M3 12h18M12 3c3 3 3 15 0 18M12 3c-3 3-3 15 0 18',
  login: 'M14 4h5v16h-5M3 12h11M10 8l4 4-4 4',
  logout: 'M10 4H5v16h5M9 12h11M16 8l4 4-4 4',
  clock: 'M12 3a9 9 0 1 1 0 18a9 9 0 0 1 0-18M12 7v5l3 2',
  plus: 'M12 5v14M5 12h14',
  check: 'M5 12l5 5 9-10',
  refresh: 'M20 12a8 8 0 1 1-2.3-5.7M20 4v5h-5',
  warning: 'M12 3l10 18H2zM12 10v5M12 18v.5',
  close: 'M6 6l12 12M18 6L6 18',
  dot: 'M12 7a5 5 0 1 1 0 10a5 5 0 0 1 0-10',
  bell: 'M6 16V11a6 6 0 0 1 12 0v5l2 2H4zM10 20a2 2 0 0 0 4 0',
} as const;

export type IconName = keyof typeof PATHS;

// Arrows point the reading way: these mirror when the page is right-to-left.
const MIRRORED: ReadonlySet<IconName> = new Set(['login', 'logout']);

export function Icon({ name, filled = false }: { name: IconName; filled?: boolean }) {
  return (
    <svg
      class={`icon${MIRRORED.has(name) ? ' flip-rtl' : ''}`}
      viewBox="0 0 24 24"
      width="20"
      height="20"
      aria-hidden="true"
      focusable="false"
      fill={filled ? 'currentColor' : 'none'}
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
