// Draws the site's icons (public/favicon.ico, apple-touch-icon.png, icon-192.png, icon-512.png)
// with no image library: a navy tile with the golden sphere of Nur Alem, rasterised with 4×4
// supersampling and written as PNG (zlib) and ICO (PNG entries). Run: node scripts/generate-icons.mjs
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";
import path from "node:path";

const NAVY = [11, 61, 99];
const GOLD = [242, 183, 5];
const SKY = [120, 190, 230];

/** Coverage-weighted colour of one pixel of the design, in unit coordinates (0..1). */
function shade(x, y) {
  const corner = 0.18;
  const cx = Math.min(Math.max(x, corner), 1 - corner);
  const cy = Math.min(Math.max(y, corner), 1 - corner);
  if ((x - cx) ** 2 + (y - cy) ** 2 > corner ** 2) return null; // outside the rounded tile
  const d = Math.hypot(x - 0.5, y - 0.46);
  if (d < 0.27) {
    // The sphere, with a lighter band like the glass facade.
    return Math.abs(y - 0.46) < 0.04 ? SKY : GOLD;
  }
  if (y > 0.8 && y < 0.86 && x > 0.24 && x < 0.76) return GOLD; // the ground line
  return NAVY;
}

function render(size) {
  const samples = 4;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = shade((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          if (!colour) continue;
          sum[0] += colour[0];
          sum[1] += colour[1];
          sum[2] += colour[2];
          sum[3] += 1;
        }
      }
      const i = (py * size + px) * 4;
      const hits = sum[3];
      rgba[i] = hits ? Math.round(sum[0] / hits) : 0;
      rgba[i + 1] = hits ? Math.round(sum[1] / hits) : 0;
      rgba[i + 2] = hits ? Math.round(sum[2] / hits) : 0;
      rgba[i + 3] = Math.round((hits / samples ** 2) * 255);
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size) {
  const rgba = render(size);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** An ICO whose entries are PNGs (understood by every browser since IE9). */
function ico(sizes) {
  const images = sizes.map(png);
  const header = Buffer.alloc(6 + 16 * sizes.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(sizes.length, 4);
  let offset = header.length;
  sizes.forEach((size, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(size % 256, entry);
    header.writeUInt8(size % 256, entry + 1);
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(images[i].length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += images[i].length;
  });
  return Buffer.concat([header, ...images]);
}

const publicDir = path.join(path.dirname(new URL(import.meta.url).pathname), "..", "public");
writeFileSync(path.join(publicDir, "favicon.ico"), ico([16, 32, 48]));
writeFileSync(path.join(publicDir, "apple-touch-icon.png"), png(180));
writeFileSync(path.join(publicDir, "icon-192.png"), png(192));
writeFileSync(path.join(publicDir, "icon-512.png"), png(512));
