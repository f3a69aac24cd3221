import { createInflate, crc32 } from 'node:zlib';
import { DomainError } from '../shared/errors.js';
import type { ImageType } from './schemas.js';

/** Largest width or height of an uploaded image, in pixels. */
export const MAX_IMAGE_SIDE = 8000;


export interface CheckedImage {
  contentType: ImageType;
  width: number;
  height: number;
}

/** A file that says it is an image but whose structure does not hold up: 400 naming the problem. */
const broken = (type: string, problem: string) => new DomainError('invalid', 'invalid_image', `The ${type} file is damaged or not a real image: ${problem}`, 'body');

function checkSize(type: string, width: number, height: number): void {
  if (width < 1 || height < 1) throw broken(type, `its size is ${width}×${height} pixels`);
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) {
    throw new DomainError(
      'invalid',
      'image_too_large',
      `The ${type} image is ${width}×${height} pixels; images may be at most ${MAX_IMAGE_SIDE}×${MAX_IMAGE_SIDE}`,
      'body',
    );
  }
}

const ascii = (bytes: Uint8Array, at: number, length: number) => Buffer.from(bytes.buffer, bytes.byteOffset + at, length).toString('latin1');

/**
 * Reads the real pixel size of a PNG, JPEG, GIF or WebP file by walking its structure, not by
 * trusting the size its header claims: every chunk, block or segment must lie inside the file,
 * PNG chunk checksums must hold and its pixel data must inflate to exactly the claimed size,
 * and each size must be between 1 and {@link MAX_IMAGE_SIDE}. Throws a 400 `invalid_image` or
 * `image_too_large` naming the problem.
 */
export async function checkImage(bytes: Uint8Array, type: ImageType): Promise<CheckedImage> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (type) {
    case 'image/png':
      return { contentType: type, ...(await checkPng(bytes, view)) };
    case 'image/gif':
      return { contentType: type, ...checkGif(bytes, view) };
    case 'image/jpeg':
      return { contentType: type, ...checkJpeg(bytes, view) };
    case 'image/webp':
      return { contentType: type, ...checkWebp(bytes, view) };
  }
}

// PNG: https://www.w3.org/TR/png-3/
const PNG_CHANNELS: Record<number, { channels: number; depths: number[] }> = {
  0: { channels: 1, depths: [1, 2, 4, 8, 16] }, // greyscale
  2: { channels: 3, depths: [8, 16] }, // truecolour
  3: { channels: 1, depths: [1, 2, 4, 8] }, // indexed
  4: { channels: 2, depths: [8, 16] }, // greyscale + alpha
  6: { channels: 4, depths: [8, 16] }, // truecolour + alpha
};
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

async function checkPng(bytes: Uint8Array, view: DataView) {
  const chunks: { type: string; start: number; length: number }[] = [];
  let at = 8;
  while (true) {
    if (at + 12 > bytes.length) throw broken('PNG', 'it ends before its IEND chunk');
    const length = view.getUint32(at);
    const type = ascii(bytes, at + 4, 4);
    if (!/^[A-Za-z]{4}$/.test(type)) throw broken('PNG', `a chunk at byte ${at} has no valid name`);
    if (at + 12 + length > bytes.length) throw broken('PNG', `the ${type} chunk runs past the end of the file`);
    if (crc32(bytes.subarray(at + 4, at + 8 + length)) !== view.getUint32(at + 8 + length)) throw broken('PNG', `the ${type} chunk's checksum is wrong`);
    chunks.push({ type, start: at + 8, length });
    at += 12 + length;
    if (type === 'IEND') break;
  }
  const [ihdr] = chunks;
  if (ihdr?.type !== 'IHDR' || ihdr.length !== 13) throw broken('PNG', 'it does not start with a valid IHDR chunk');
  const width = view.getUint32(ihdr.start);
  const height = view.getUint32(ihdr.start + 4);
  checkSize('PNG', width, height);
  const [depth, colour, compression, filter, interlace] = bytes.subarray(ihdr.start + 8, ihdr.start + 13);
  const format = PNG_CHANNELS[colour!];
  if (!format?.depths.includes(depth!) || compression !== 0 || filter !== 0 || (interlace !== 0 && interlace !== 1)) {
    throw broken('PNG', 'its IHDR chunk names an unknown pixel format');
  }
  if (colour === 3 && !chunks.some((c) => c.type === 'PLTE')) throw broken('PNG', 'an indexed image has no PLTE palette');
  const data = chunks.filter((c) => c.type === 'IDAT');
  if (!data.length) throw broken('PNG', 'it has no IDAT pixel data');
  const bitsPerPixel = format.channels * depth!;
  const rowBytes = (w: number) => 1 + Math.ceil((w * bitsPerPixel) / 8);
  const expected =
    interlace === 0
      ? height * rowBytes(width)
      : ADAM7.reduce((sum, [x0, y0, dx, dy]) => {
          const w = Math.ceil((width - x0) / dx);
          const h = Math.ceil((height - y0) / dy);
          return w > 0 && h > 0 ? sum + h * rowBytes(w) : sum;
        }, 0);
  const inflated = await inflatedSize(
    data.map((c) => bytes.subarray(c.start, c.start + c.length)),
    expected,
    interlace === 0 ? rowBytes(width) : undefined,
  );
  if (inflated === 'bad_filter') throw broken('PNG', 'a row of its pixel data has an unknown filter');
  if (inflated === 'corrupt') throw broken('PNG', 'its pixel data does not decompress');
  if (inflated !== expected) {
    throw broken('PNG', `its pixel data holds ${inflated > expected ? 'more' : 'less'} than a ${width}×${height} image (${inflated} of ${expected} bytes)`);
  }
  return { width, height };
}

/**
 * How many bytes the zlib stream inflates to, stopping as soon as it passes `limit` (so a
 * small file claiming a huge image never allocates it). With `rowBytes`, each row's filter
 * byte (0–4) is checked too.
 */
function inflatedSize(parts: Uint8Array[], limit: number, rowBytes?: number): Promise<number | 'corrupt' | 'bad_filter'> {
  return new Promise((resolve) => {
    const inflate = createInflate();
    let size = 0;
    let settled = false;
    const finish = (result: number | 'corrupt' | 'bad_filter') => {
      if (settled) return;
      settled = true;
      inflate.destroy();
      resolve(result);
    };
    inflate.on('data', (chunk: Buffer) => {
      if (rowBytes) {
        for (let row = Math.ceil(size / rowBytes) * rowBytes; row < size + chunk.length; row += rowBytes) {
          if (chunk[row - size]! > 4) return finish('bad_filter');
        }
      }
      size += chunk.length;
      if (size > limit) finish(size);
    });
    inflate.on('end', () => finish(size));
    inflate.on('error', () => finish('corrupt'));
    for (const part of parts) inflate.write(part);
    inflate.end();
  });
}

// GIF: https://www.w3.org/Graphics/GIF/spec-gif89a.txt
function checkGif(bytes: Uint8Array, view: DataView) {
  if (bytes.length < 13) throw broken('GIF', 'it ends inside its header');
  const width = view.getUint16(6, true);
  const height = view.getUint16(8, true);
  checkSize('GIF', width, height);
  const table = (flags: number) => (flags & 0x80 ? 3 * 2 ** ((flags & 7) + 1) : 0);
  let at = 13 + table(bytes[10]!);
  let frames = 0;
  const skipSubBlocks = () => {
    while (true) {
      if (at >= bytes.length) throw broken('GIF', 'it ends inside a data block');
      const size = bytes[at]!;
      at += 1 + size;
      if (size === 0) return;
    }
  };
  while (true) {
    if (at >= bytes.length) throw broken('GIF', 'it ends without its trailer');
    const block = bytes[at]!;
    if (block === 0x3b) break;
    if (block === 0x21) {
      at += 2; // introducer + label
      skipSubBlocks();
    } else if (block === 0x2c) {
      if (at + 11 > bytes.length) throw broken('GIF', 'it ends inside an image descriptor');
      const [left, top, w, h] = [1, 3, 5, 7].map((o) => view.getUint16(at + o, true)) as [number, number, number, number];
      if (w < 1 || h < 1 || left + w > width || top + h > height) throw broken('GIF', `a ${w}×${h} frame at ${left},${top} does not fit its ${width}×${height} screen`);
      at += 10 + table(bytes[at + 9]!);
      const codeSize = bytes[at];
      if (codeSize === undefined || codeSize < 2 || codeSize > 8) throw broken('GIF', 'a frame has no valid image data');
      at += 1;
      skipSubBlocks();
      frames++;
    } else {
      throw broken('GIF', `an unknown block (0x${block.toString(16)}) at byte ${at}`);
    }
  }
  if (!frames) throw broken('GIF', 'it has no image frame');
  return { width, height };
}

// JPEG: ITU T.81, Annex B
function checkJpeg(bytes: Uint8Array, view: DataView) {
  let at = 2;
  let size: { width: number; height: number } | undefined;
  let scans = 0;
  while (true) {
    if (at + 1 >= bytes.length) throw broken('JPEG', 'it ends before its end-of-image marker');
    if (bytes[at] !== 0xff) throw broken('JPEG', `there is no marker at byte ${at}`);
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    if (marker === 0xd9) break; // EOI
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    if (at + 4 > bytes.length) throw broken('JPEG', 'it ends inside a segment header');
    const length = view.getUint16(at + 2);
    if (length < 2 || at + 2 + length > bytes.length) throw broken('JPEG', `a segment at byte ${at} runs past the end of the file`);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const components = bytes[at + 9] ?? 0;
      if (size || length !== 8 + 3 * components || components < 1 || components > 4) throw broken('JPEG', 'its frame header is invalid');
      size = { height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
      checkSize('JPEG', size.width, size.height);
    }
    at += 2 + length;
    if (marker === 0xda) {
      if (!size) throw broken('JPEG', 'image data comes before the frame header');
      scans++;
      // entropy-coded data runs to the next marker that is neither a stuffed 0xFF00 nor a restart
      while (at + 1 < bytes.length && !(bytes[at] === 0xff && bytes[at + 1] !== 0 && !(bytes[at + 1]! >= 0xd0 && bytes[at + 1]! <= 0xd7))) at++;
    }
  }
  if (!size) throw broken('JPEG', 'it has no frame header');
  if (!scans) throw broken('JPEG', 'it has no image data');
  return size;
}

// WebP: RFC 9649
function checkWebp(bytes: Uint8Array, view: DataView) {
  const riffEnd = 8 + view.getUint32(4, true);
  if (riffEnd > bytes.length || riffEnd < 12) throw broken('WebP', 'its RIFF size does not match the file');
  const chunks: { type: string; start: number; length: number }[] = [];
  for (let at = 12; at < riffEnd; ) {
    if (at + 8 > riffEnd) throw broken('WebP', 'it ends inside a chunk header');
    const length = view.getUint32(at + 4, true);
    if (at + 8 + length > riffEnd) throw broken('WebP', `the ${ascii(bytes, at, 4)} chunk runs past the end of the file`);
    chunks.push({ type: ascii(bytes, at, 4), start: at + 8, length });
    at += 8 + length + (length & 1);
  }
  const first = chunks[0];
  if (!first) throw broken('WebP', 'it has no image chunk');
  const bitstream = (chunk: { type: string; start: number; length: number }) => {
    if (chunk.type === 'VP8 ') {
      const tag = bytes[chunk.start]! | (bytes[chunk.start + 1]! << 8) | (bytes[chunk.start + 2]! << 16);
      if (chunk.length < 10 || tag & 1 || !(bytes[chunk.start + 3] === 0x9d && bytes[chunk.start + 4] === 0x01 && bytes[chunk.start + 5] === 0x2a) || tag >> 5 > chunk.length - 10) {
        throw broken('WebP', 'its VP8 frame header is invalid');
      }
      return { width: view.getUint16(chunk.start + 6, true) & 0x3fff, height: view.getUint16(chunk.start + 8, true) & 0x3fff };
    }
    if (chunk.type === 'VP8L') {
      if (chunk.length < 5 || bytes[chunk.start] !== 0x2f) throw broken('WebP', 'its VP8L header is invalid');
      const bits = view.getUint32(chunk.start + 1, true);
      if (bits >>> 29 !== 0) throw broken('WebP', 'its VP8L header names an unknown version');
      return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
    }
    return undefined;
  };
  if (first.type !== 'VP8X') {
    const size = bitstream(first);
    if (!size) throw broken('WebP', `it starts with an unknown ${first.type} chunk`);
    checkSize('WebP', size.width, size.height);
    return size;
  }
  if (first.length < 10) throw broken('WebP', 'its VP8X chunk is too short');
  const read24 = (at: number) => bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16);
  const canvas = { width: read24(first.start + 4) + 1, height: read24(first.start + 7) + 1 };
  checkSize('WebP', canvas.width, canvas.height);
  if (bytes[first.start]! & 0x02) {
    if (!chunks.some((c) => c.type === 'ANMF')) throw broken('WebP', 'an animation has no frames');
    return canvas;
  }
  const image = chunks.find((c) => c.type === 'VP8 ' || c.type === 'VP8L');
  const size = image && bitstream(image);
  if (!size) throw broken('WebP', 'it has no image data');
  if (size.width !== canvas.width || size.height !== canvas.height) {
    throw broken('WebP', `its ${size.width}×${size.height} image does not match its ${canvas.width}×${canvas.height} canvas`);
  }
  return canvas;
}
