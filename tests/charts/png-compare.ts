/** Decoding and comparing chart PNGs in tests (pngjs: a decoder independent of the canvas that drew them). */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { PNG } from 'pngjs';

export interface Decoded {
  readonly width: number;
  readonly height: number;
  /** RGBA, row by row. */
  readonly data: Buffer;
}

/** Decodes a PNG (throws on anything that is not one). */
export function decodePng(png: Buffer): Decoded {
  const image = PNG.sync.read(png);
  return { width: image.width, height: image.height, data: image.data };
}

/** The RGBA of pixel (x, y). */
export function pixel(image: Decoded, x: number, y: number): [number, number, number, number] {
  const i = (y * image.width + x) * 4;
  return [image.data[i]!, image.data[i + 1]!, image.data[i + 2]!, image.data[i + 3]!];
}

/** How many pixels are within `tolerance` (per channel) of the colour `#rrggbb`. */
export function countColour(image: Decoded, hex: string, tolerance = 8): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  let n = 0;
  for (let i = 0; i < image.data.length; i += 4) {
    if (Math.abs(image.data[i]! - r) <= tolerance && Math.abs(image.data[i + 1]! - g) <= tolerance && Math.abs(image.data[i + 2]! - b) <= tolerance && image.data[i + 3]! > 200) n++;
  }
  return n;
}

/**
 * The share of pixels that differ from the reference PNG at `file` by more than `channelTolerance`
 * in some channel (1 when the sizes differ). With UPDATE_CHART_REFS=1 the reference is written
 * from `png` first (and the share is 0).
 */
export function differenceFromReference(png: Buffer, file: string, channelTolerance = 48): number {
  if (process.env.UPDATE_CHART_REFS === '1' || !existsSync(file)) {
    if (process.env.UPDATE_CHART_REFS !== '1') throw new Error(`no reference image ${file}; run the test with UPDATE_CHART_REFS=1 to write it, then look at it`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, png);
    return 0;
  }
  const a = decodePng(png);
  const b = decodePng(readFileSync(file));
  if (a.width !== b.width || a.height !== b.height) return 1;
  let differing = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    for (let c = 0; c < 4; c++) {
      if (Math.abs(a.data[i + c]! - b.data[i + c]!) > channelTolerance) {
        differing++;
        break;
      }
    }
  }
  return differing / (a.width * a.height);
}
