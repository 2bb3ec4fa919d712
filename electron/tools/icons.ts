/**
 * Draws Microblog's icon (a white speech bubble on a blue rounded square) and writes the
 * PNG sizes and the Windows .ico that electron-builder packages. Run once by hand:
 * `npx tsx electron/tools/icons.ts`; the outputs are committed in electron/resources.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './build';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = (crcTable[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes RGBA pixels (row-major, 4 bytes each) as a PNG file. */
export function encodePng(size: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Coverage (0..1) of the icon's shapes at a point in unit coordinates, 0 = outside. */
function shapeAt(x: number, y: number): { tile: number; bubble: number } {
  const roundedSquare = (px: number, py: number, half: number, radius: number): number => {
    const qx = Math.max(Math.abs(px) - half + radius, 0);
    const qy = Math.max(Math.abs(py) - half + radius, 0);
    return Math.hypot(qx, qy) - radius;
  };
  const tile = roundedSquare(x - 0.5, y - 0.5, 0.46, 0.1) <= 0 ? 1 : 0;
  const body = roundedSquare((x - 0.5) / 1.25, y - 0.45, 0.2, 0.08) <= 0;
  // The bubble's tail: a small triangle under its lower left corner.
  const tail = y >= 0.6 && y <= 0.76 && x >= 0.34 && x <= 0.34 + (0.76 - y) * 0.9;
  return { tile, bubble: body || tail ? 1 : 0 };
}

/** Renders the icon at `size` pixels, 4x4 supersampled for smooth edges. */
export function renderIcon(size: number): Buffer {
  const pixels = Buffer.alloc(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let tile = 0;
      let bubble = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const hit = shapeAt((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          tile += hit.tile;
          bubble += hit.bubble * hit.tile;
        }
      }
      const n = samples * samples;
      const white = bubble / Math.max(tile, 1);
      const offset = (py * size + px) * 4;
      // Blue #1d72d8 blended towards white where the bubble is.
      pixels[offset] = Math.round(0x1d + (255 - 0x1d) * white);
      pixels[offset + 1] = Math.round(0x72 + (255 - 0x72) * white);
      pixels[offset + 2] = Math.round(0xd8 + (255 - 0xd8) * white);
      pixels[offset + 3] = Math.round((255 * tile) / n);
    }
  }
  return encodePng(size, pixels);
}

/** A .ico holding one 256x256 PNG image (the format Windows Vista and later read). */
export function encodeIco(png256: Buffer): Buffer {
  const header = Buffer.alloc(6 + 16);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image
  header.writeUInt8(0, 6); // width 256 is written as 0
  header.writeUInt8(0, 7);
  header.writeUInt16LE(1, 10); // colour planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(png256.length, 14);
  header.writeUInt32LE(header.length, 18);
  return Buffer.concat([header, png256]);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const resources = path.join(repoRoot, 'electron', 'resources');
  fs.mkdirSync(path.join(resources, 'icons'), { recursive: true });
  const png512 = renderIcon(512);
  const png256 = renderIcon(256);
  fs.writeFileSync(path.join(resources, 'icon.png'), png512);
  fs.writeFileSync(path.join(resources, 'icons', '512x512.png'), png512);
  fs.writeFileSync(path.join(resources, 'icons', '256x256.png'), png256);
  fs.writeFileSync(path.join(resources, 'icon.ico'), encodeIco(png256));
  console.log(`Wrote icon.png, icons/512x512.png, icons/256x256.png and icon.ico into ${resources}.`);
}
