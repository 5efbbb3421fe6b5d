// Draws the app icons (two buddies side by side) as PNGs with no image library,
// so anyone can regenerate them: `npm run icons`. Output goes to public/icons/.
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';

const GREEN = [11, 110, 79];
const WHITE = [255, 255, 255];
const MINT = [167, 227, 201];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size, rgb) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  const raw = Buffer.alloc((size * 3 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 3 + 1)] = 0; // filter: none
    rgb.copy(raw, y * (size * 3 + 1) + 1, y * size * 3, (y + 1) * size * 3);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// A buddy: a round head above a dome-shaped body; coordinates are 0..1 of the icon.
function buddy(cx) {
  return (x, y) =>
    (x - cx) ** 2 + (y - 0.36) ** 2 <= 0.11 ** 2 ||
    (y <= 0.74 && ((x - cx) / 0.2) ** 2 + ((y - 0.74) / 0.22) ** 2 <= 1);
}

// Later shapes paint over earlier ones; `scale` shrinks the art into the maskable safe zone.
function colourAt(x, y, scale) {
  const u = 0.5 + (x - 0.5) / scale;
  const v = 0.5 + (y - 0.5) / scale;
  if (buddy(0.6)(u, v)) return MINT;
  if (buddy(0.4)(u, v)) return WHITE;
  return GREEN;
}

function draw(size, scale) {
  const rgb = Buffer.alloc(size * size * 3);
  const S = 4; // 4x4 supersampling for smooth edges
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0];
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const c = colourAt((px + (sx + 0.5) / S) / size, (py + (sy + 0.5) / S) / size, scale);
          for (let i = 0; i < 3; i++) acc[i] += c[i];
        }
      }
      for (let i = 0; i < 3; i++) rgb[(py * size + px) * 3 + i] = Math.round(acc[i] / (S * S));
    }
  }
  return png(size, rgb);
}

const out = new URL('../public/icons/', import.meta.url);
mkdirSync(out, { recursive: true });
writeFileSync(new URL('icon-192.png', out), draw(192, 1));
writeFileSync(new URL('icon-512.png', out), draw(512, 1));
writeFileSync(new URL('maskable-512.png', out), draw(512, 0.8));
console.log('icons written to', out.pathname);
