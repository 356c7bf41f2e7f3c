#!/usr/bin/env node
/**
 * Draws the add-in's icons (a small report table with a green header row and a check mark) as PNGs in
 * assets/, at the sizes Office asks for: 16, 32, 80 (ribbon), 64 (high-resolution icon) and 128 (store/catalog).
 * Plain Node (zlib) so the icons can be regenerated anywhere: `node scripts/build-icons.js`.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZES = [16, 32, 64, 80, 128];
const GREEN = [0x21, 0x73, 0x46];
const GRID = [0x5f, 0x6b, 0x66];
const PAPER = [0xff, 0xff, 0xff];
const CHECK = [0x10, 0x7c, 0x10];

// Shapes in a 0..1 square; later shapes paint over earlier ones.
function colourAt(x, y) {
  const inside = (x0, y0, x1, y1) => x >= x0 && x < x1 && y >= y0 && y < y1;
  const table = { x0: 0.08, y0: 0.12, x1: 0.92, y1: 0.88 };
  const line = 0.055;
  // A check mark in the lower right, drawn as two thick strokes.
  const near = (ax, ay, bx, by, width) => {
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    const px = ax + t * dx - x;
    const py = ay + t * dy - y;
    return px * px + py * py <= width * width;
  };
  if (near(0.56, 0.7, 0.68, 0.82, 0.07) || near(0.68, 0.82, 0.95, 0.5, 0.07)) return [...CHECK, 255];
  if (!inside(table.x0, table.y0, table.x1, table.y1)) return null;
  if (inside(table.x0, table.y0, table.x1, 0.34)) return [...GREEN, 255];
  const onBorder =
    x < table.x0 + line || x >= table.x1 - line || y >= table.y1 - line;
  const onRow = [0.52, 0.7].some((ry) => Math.abs(y - ry) < line / 2);
  const onCol = [0.38, 0.65].some((cx) => Math.abs(x - cx) < line / 2);
  if (onBorder || onRow || onCol) return [...GRID, 255];
  return [...PAPER, 255];
}

/** RGBA pixels with 4x4 supersampling so small sizes stay legible. */
function render(size) {
  const px = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = colourAt((x + (sx + 0.5) / n) / size, (y + (sy + 0.5) / n) / size);
          if (!c) continue;
          r += c[0] * c[3]; g += c[1] * c[3]; b += c[2] * c[3]; a += c[3];
        }
      }
      const o = (y * size + x) * 4;
      if (a > 0) {
        px[o] = Math.round(r / a);
        px[o + 1] = Math.round(g / a);
        px[o + 2] = Math.round(b / a);
      }
      px[o + 3] = Math.round(a / (n * n));
    }
  }
  return px;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, k) => {
  let c = k;
  for (let i = 0; i < 8; i++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
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

function png(size) {
  const pixels = render(size);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  // Each scanline starts with filter type 0 (none).
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) pixels.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (require.main === module) {
  const out = path.join(__dirname, '..', 'assets');
  fs.mkdirSync(out, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(out, `icon-${size}.png`);
    fs.writeFileSync(file, png(size));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}

module.exports = { png, SIZES };
