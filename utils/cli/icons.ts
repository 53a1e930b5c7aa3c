/**
 * `tsx utils/cli/icons.ts`: draws the extension icon (assets/public/icon/{16,32,48,128}.png) — a dark-green
 * disc with a white ring and centre: an aim. Drawn from geometry with 4×4 supersampling and written as
 * plain PNG (zlib from Node), so the icon is reproducible without an image editor.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const GREEN: [number, number, number] = [0x1f, 0x6f, 0x5c];
const WHITE: [number, number, number] = [0xff, 0xff, 0xff];

/** The colour and coverage of the point (x, y) in a unit square centred at 0.5. */
function shade(x: number, y: number): [number, number, number, number] {
  const r = Math.hypot(x - 0.5, y - 0.5);
  if (r > 0.5) return [0, 0, 0, 0];
  const white = (r > 0.27 && r < 0.37) || r < 0.12;
  return [...(white ? WHITE : GREEN), 255];
}

function crcTable(): Uint32Array {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}
const CRC = crcTable();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const body = Buffer.concat([head.subarray(4), Buffer.from(data)]);
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(crc32(body), 0);
  return Buffer.concat([head.subarray(0, 4), body, tail]);
}

export function iconPng(size: number): Buffer {
  const samples = 4;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++)
        for (let sx = 0; sx < samples; sx++) {
          const [r, g, b, a] = shade((x + (sx + 0.5) / samples) / size, (y + (sy + 0.5) / samples) / size);
          sum[0]! += r * a;
          sum[1]! += g * a;
          sum[2]! += b * a;
          sum[3]! += a;
        }
      const alpha = sum[3]! / (samples * samples);
      const offset = y * (size * 4 + 1) + 1 + x * 4;
      raw[offset] = alpha ? Math.round(sum[0]! / sum[3]!) : 0;
      raw[offset + 1] = alpha ? Math.round(sum[1]! / sum[3]!) : 0;
      raw[offset + 2] = alpha ? Math.round(sum[2]! / sum[3]!) : 0;
      raw[offset + 3] = Math.round(alpha);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array()),
  ]);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  mkdirSync('assets/public/icon', { recursive: true });
  for (const size of [16, 32, 48, 128]) writeFileSync(`assets/public/icon/${size}.png`, iconPng(size));
  process.stdout.write('assets/public/icon/{16,32,48,128}.png written\n');
}
