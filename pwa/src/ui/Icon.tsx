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
  phone: 'M5 3h4l2 5-2.5 1.5a11 11 0 0 0 6 6L16 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 5a2 2 0 0 1 2-2',
  mail: 'M3 6h18v12H3zM3 6l9 7 9-7',
  people: 'M9 4a3.5 3.5 0 1 1 0 7a3.5 3.5 0 0 1 0-7M2 20c0-3.5 3-5.5 7-5.5s7 2 7 5.5M16 4.5a3 3 0 0 1 0 6M18 14.5c2.5.5 4 2.5 4 5',
  arrow: 'M5 12h14M13 6l6 6-6 6',
  qr: 'M4 4h6v6H4zM14 4h6v6h-6zM4 14h6v6H4zM14 14h2v2h-2zM18 18h2v2h-2zM14 18h2M18 14h2',
} as const;

export type IconName = keyof typeof PATHS;

// Arrows point the reading way: these mirror when the page is right-to-left.
const MIRRORED: ReadonlySet<IconName> = new Set(['login', 'logout', 'arrow']);

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
