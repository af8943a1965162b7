/**
 * A chart's pixels as an indexed (palette) PNG: at most 256 colours, the most used ones kept exactly
 * and every other colour (an anti-aliased edge) drawn as its nearest kept one. A dense chart
 * (hundreds of numbered marks) is then a third of its full-colour size. Pure apart from zlib.
 */
import { crc32, deflateSync } from 'node:zlib';

/** The kept colours (RGBA packed little-endian, as a Uint32Array reads RGBA bytes) and each pixel's index. */
export function quantize(pixels: Uint32Array, maxColors = 256): { palette: number[]; indices: Uint8Array } {
  const counts = new Map<number, number>();
  let previous = -1;
  let run = 0;
  for (let i = 0; i < pixels.length; i++) {
    const c = pixels[i]!;
    if (c === previous) {
      run++;
      continue;
    }
    if (previous !== -1) counts.set(previous, (counts.get(previous) ?? 0) + run);
    previous = c;
    run = 1;
  }
  if (previous !== -1) counts.set(previous, (counts.get(previous) ?? 0) + run);
  const palette = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, maxColors).map(([c]) => c);
  const index = new Map<number, number>(palette.map((c, i) => [c, i]));
  const channels = palette.map((c) => [c & 255, (c >>> 8) & 255, (c >>> 16) & 255, c >>> 24] as const);
  const nearest = (c: number): number => {
    const r = c & 255;
    const g = (c >>> 8) & 255;
    const b = (c >>> 16) & 255;
    const a = c >>> 24;
    let best = 0;
    let bestDistance = Infinity;
    for (let j = 0; j < channels.length; j++) {
      const p = channels[j]!;
      const d = (p[0] - r) ** 2 + (p[1] - g) ** 2 + (p[2] - b) ** 2 + (p[3] - a) ** 2;
      if (d < bestDistance) {
        bestDistance = d;
        best = j;
      }
    }
    return best;
  };
  const indices = new Uint8Array(pixels.length);
  let last = -1;
  let lastIndex = 0;
  for (let i = 0; i < pixels.length; i++) {
    const c = pixels[i]!;
    if (c !== last) {
      let k = index.get(c);
      if (k === undefined) {
        k = nearest(c);
        index.set(c, k);
      }
      last = c;
      lastIndex = k;
    }
    indices[i] = lastIndex;
  }
  return { palette, indices };
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** Encodes non-premultiplied RGBA pixels as an 8-bit indexed PNG (PLTE, and tRNS for the colours that are not opaque). */
export function indexedPng(width: number, height: number, rgba: Uint8Array | Uint8ClampedArray, maxColors = 256): Buffer {
  const pixels = new Uint32Array(rgba.buffer, rgba.byteOffset, width * height);
  const { palette, indices } = quantize(pixels, maxColors);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 3; // indexed colour
  const plte = Buffer.alloc(palette.length * 3);
  const trns = Buffer.alloc(palette.length);
  palette.forEach((c, i) => {
    plte[i * 3] = c & 255;
    plte[i * 3 + 1] = (c >>> 8) & 255;
    plte[i * 3 + 2] = (c >>> 16) & 255;
    trns[i] = c >>> 24;
  });
  // Each row: filter byte 0 (none), then its indices; flat charts compress best unfiltered.
  const raw = Buffer.alloc(height * (width + 1));
  for (let y = 0; y < height; y++) raw.set(indices.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  const lastOpaque = trns.reduce((last, a, i) => (a < 255 ? i : last), -1);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('PLTE', plte),
    ...(lastOpaque >= 0 ? [chunk('tRNS', trns.subarray(0, lastOpaque + 1))] : []),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
