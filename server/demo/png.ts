import { deflateSync } from 'node:zlib';

/**
 * A tiny PNG encoder for the demo's banner images (drawn here: no files, no internet) and for
 * tests. `paint(x, y)` answers each pixel's [r, g, b].
 */
export type Rgb = readonly [number, number, number];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

export function encodePng(width: number, height: number, paint: (x: number, y: number) => Rgb): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const [r, g, b] = paint(x, y);
      raw[row + 1 + x * 3] = r;
      raw[row + 2 + x * 3] = g;
      raw[row + 3 + x * 3] = b;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array()),
  ]);
}

/** A 5×7 pixel font: just the capitals, digits and signs the demo banners use. */
const GLYPHS: Record<string, string> = {
  A: '01110 10001 10001 11111 10001 10001 10001',
  B: '11110 10001 10001 11110 10001 10001 11110',
  C: '01111 10000 10000 10000 10000 10000 01111',
  D: '11110 10001 10001 10001 10001 10001 11110',
  E: '11111 10000 10000 11110 10000 10000 11111',
  F: '11111 10000 10000 11110 10000 10000 10000',
  G: '01111 10000 10000 10111 10001 10001 01111',
  H: '10001 10001 10001 11111 10001 10001 10001',
  I: '11111 00100 00100 00100 00100 00100 11111',
  K: '10001 10010 10100 11000 10100 10010 10001',
  L: '10000 10000 10000 10000 10000 10000 11111',
  M: '10001 11011 10101 10101 10001 10001 10001',
  N: '10001 11001 10101 10011 10001 10001 10001',
  O: '01110 10001 10001 10001 10001 10001 01110',
  P: '11110 10001 10001 11110 10000 10000 10000',
  R: '11110 10001 10001 11110 10100 10010 10001',
  S: '01111 10000 10000 01110 00001 00001 11110',
  T: '11111 00100 00100 00100 00100 00100 00100',
  U: '10001 10001 10001 10001 10001 10001 01110',
  V: '10001 10001 10001 10001 10001 01010 00100',
  W: '10001 10001 10001 10101 10101 10101 01010',
  Y: '10001 10001 01010 00100 00100 00100 00100',
  '0': '01110 10011 10101 10101 10101 11001 01110',
  '1': '00100 01100 00100 00100 00100 00100 01110',
  '2': '01110 10001 00001 00110 01000 10000 11111',
  '5': '11111 10000 11110 00001 00001 10001 01110',
  '%': '11001 11010 00010 00100 01000 01011 10011',
  '!': '00100 00100 00100 00100 00100 00000 00100',
  '-': '00000 00000 00000 01110 00000 00000 00000',
  ' ': '00000 00000 00000 00000 00000 00000 00000',
};

/** Width in pixels of `text` drawn at `scale`. */
export const textWidth = (text: string, scale: number) => text.length * 6 * scale - scale;

/** A paint function that draws `text` (top-left at x, y) over `under`. */
export function withText(under: (x: number, y: number) => Rgb, text: string, at: { x: number; y: number; scale: number; color: Rgb }) {
  const rows = [...text.toUpperCase()].map((ch) => (GLYPHS[ch] ?? GLYPHS[' ']!).split(' '));
  return (x: number, y: number): Rgb => {
    const gx = Math.floor((x - at.x) / at.scale);
    const gy = Math.floor((y - at.y) / at.scale);
    if (gx >= 0 && gy >= 0 && gy < 7) {
      const glyph = rows[Math.floor(gx / 6)];
      if (glyph && gx % 6 < 5 && glyph[gy]![gx % 6] === '1') return at.color;
    }
    return under(x, y);
  };
}
