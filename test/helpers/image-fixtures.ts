import { crc32 } from 'node:zlib';
import { encodePng } from '../../server/demo/png.js';

/**
 * Small, structurally real images of every accepted type, and the tools to damage them: the
 * upload check walks each file's structure, so fixtures are whole files, not bare headers.
 */
export const png = (w: number, h: number) => encodePng(w, h, (x, y) => [(x * 40) & 255, (y * 40) & 255, 128]);

/** A GIF89a with a 4-colour palette, one frame, LZW data (a clear code every two pixels keeps codes 3 bits wide). */
export function gif(w: number, h: number): Buffer {
  const codes: number[] = [];
  for (let i = 0; i < w * h; i++) {
    if (i % 2 === 0) codes.push(4); // clear
    codes.push(i % 4);
  }
  codes.push(5); // end of information
  const packed: number[] = [];
  let bits = 0;
  let nbits = 0;
  for (const code of codes) {
    bits |= code << nbits;
    nbits += 3;
    while (nbits >= 8) {
      packed.push(bits & 255);
      bits >>= 8;
      nbits -= 8;
    }
  }
  if (nbits) packed.push(bits & 255);
  const blocks: number[] = [];
  for (let i = 0; i < packed.length; i += 255) {
    const part = packed.slice(i, i + 255);
    blocks.push(part.length, ...part);
  }
  const u16 = (n: number) => [n & 255, n >> 8];
  return Buffer.from([
    ...Buffer.from('GIF89a'),
    ...u16(w), ...u16(h), 0xf1, 0, 0, // global colour table of 4 entries
    0, 0, 0, 255, 255, 255, 255, 0, 0, 0, 0, 255,
    0x2c, ...u16(0), ...u16(0), ...u16(w), ...u16(h), 0, // image descriptor
    2, ...blocks, 0, // LZW minimum code size, data, terminator
    0x3b,
  ]);
}

/** A baseline JPEG's segments (quantization, frame, Huffman, scan) with entropy data that has a stuffed 0xFF and a restart marker. */
export function jpeg(w: number, h: number): Buffer {
  const segment = (marker: number, body: number[]) => [0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 255, ...body];
  return Buffer.from([
    0xff, 0xd8,
    ...segment(0xe0, [...Buffer.from('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    ...segment(0xdb, [0, ...Array.from({ length: 64 }, () => 1)]),
    ...segment(0xc0, [8, h >> 8, h & 255, w >> 8, w & 255, 1, 1, 0x11, 0]),
    ...segment(0xc4, [0, 0, 1, ...Array.from({ length: 15 }, () => 0), 0]),
    ...segment(0xda, [1, 1, 0, 0, 63, 0]),
    0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56,
    0xff, 0xd9,
  ]);
}

/** A lossless WebP (VP8L), or with `extended` a VP8X canvas around it. */
export function webp(w: number, h: number, options: { extended?: boolean; canvas?: [number, number] } = {}): Buffer {
  const chunk = (type: string, data: Buffer) => Buffer.concat([Buffer.from(type), Buffer.from([data.length & 255, (data.length >> 8) & 255, (data.length >> 16) & 255, 0]), data, data.length & 1 ? Buffer.alloc(1) : Buffer.alloc(0)]);
  const header = Buffer.alloc(5);
  header[0] = 0x2f;
  header.writeUInt32LE(((w - 1) & 0x3fff) | (((h - 1) & 0x3fff) << 14), 1);
  const vp8l = chunk('VP8L', Buffer.concat([header, Buffer.from([0, 0, 0, 0, 0, 0])]));
  let body = vp8l;
  if (options.extended) {
    const [cw, ch] = options.canvas ?? [w, h];
    const vp8x = Buffer.alloc(10);
    vp8x.writeUIntLE(cw - 1, 4, 3);
    vp8x.writeUIntLE(ch - 1, 7, 3);
    body = Buffer.concat([chunk('VP8X', vp8x), vp8l]);
  }
  const riff = Buffer.alloc(12);
  riff.write('RIFF', 0);
  riff.writeUInt32LE(4 + body.length, 4);
  riff.write('WEBP', 8);
  return Buffer.concat([riff, body]);
}

/** The PNG with its IHDR size rewritten; `fixCrc` recomputes the chunk checksum so only the size lies. */
export function pngClaiming(w: number, h: number, fixCrc = true): Buffer {
  const file = Buffer.from(png(4, 4));
  file.writeUInt32BE(w >>> 0, 16);
  file.writeUInt32BE(h >>> 0, 20);
  if (fixCrc) file.writeUInt32BE(crc32(file.subarray(12, 29)), 29);
  return file;
}
