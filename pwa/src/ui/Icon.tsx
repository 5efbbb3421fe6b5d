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
  // Activity types (catalogue activity_types): one per kind of thing a pair does together.
  book: 'M4 5c3-1 6-1 8 1c2-2 5-2 8-1v14c-3-1-6-1-8 1c-2-2-5-2-8-1zM12 6v14',
  chat: 'M4 5h16v10h-9l-5 4v-4H4zM8 9h8M8 12h5',
  cup: 'M5 8h11v6a5 5 0 0 1-5 5h-1a5 5 0 0 1-5-5zM16 10h2a2 2 0 0 1 0 4h-2M8 3v2M11 3v2',
  cards: 'M4 7h11v13H4zM8 7V4h12v13h-5M7 12h5M7 15h3',
  document: 'M6 3h8l4 4v14H6zM14 3v4h4M9 12h6M9 15h6M9 18h4',
  briefcase: 'M3 8h18v11H3zM9 8V5h6v3M3 13h18M11 13v2h2v-2',
  pen: 'M4 20l1-5L16 4l4 4L9 19zM14 6l4 4M4 20h6',
  hand: 'M8 12V5a1.5 1.5 0 0 1 3 0v6M11 10V4a1.5 1.5 0 0 1 3 0v6M14 10V5a1.5 1.5 0 0 1 3 0v7M8 12l-1.5-1.5a1.5 1.5 0 0 0-2 2L9 18c1 2 3 3 5 3c3 0 5-2 5-5v-4',
  building: 'M4 21h16M6 21V5h8v16M14 9h4v12M9 8h2M9 12h2M9 16h2',
  ball: 'M12 3a9 9 0 1 1 0 18a9 9 0 0 1 0-18M12 7l4 3-1.5 4.5h-5L8 10zM12 3v4M16 10l4.5-1.5M14.5 14.5l2.5 4M9.5 14.5l-2.5 4M8 10L3.5 8.5',
  party: 'M4 20l5-14 9 9zM7 13l4 4M13 4v2M18 6l-2 2M20 11h-2M15 3l1 1',
  bank: 'M3 9l9-5 9 5zM5 9v8M9.5 9v8M14.5 9v8M19 9v8M3 20h18',
  basket: 'M3 10h18l-2 10H5zM7 10l4-6M17 10l-4-6M9 14v3M15 14v3M12 14v3',
  map: 'M3 6l6-2 6 2 6-2v14l-6 2-6-2-6 2zM9 4v14M15 6v14',
  school: 'M2 9l10-5 10 5-10 5zM6 11v5c2 2 10 2 12 0v-5M22 9v6',
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

// A name from data (a catalogue's icon) that this file can draw; anything else gets a dot.
export function iconOf(name: string | undefined): IconName {
  return name && name in PATHS ? (name as IconName) : 'dot';
}
