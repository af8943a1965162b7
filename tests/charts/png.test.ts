import { describe, expect, it } from 'vitest';
import { indexedPng, quantize } from '../../src/charts/png.js';
import { decodePng } from './png-compare.js';

/** RGBA bytes of a width × height image whose pixel (x, y) is `colour(x, y)`. */
function image(width: number, height: number, colour: (x: number, y: number) => [number, number, number, number]): Uint8Array {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.set(colour(x, y), (y * width + x) * 4);
  return data;
}

describe('indexedPng', () => {
  it('keeps every pixel of an image of few colours exactly, transparency included', () => {
    const rgba = image(37, 11, (x, y) => (x === 0 && y === 0 ? [0, 0, 0, 0] : x % 3 === 0 ? [36, 89, 196, 255] : [247, 248, 250, 255]));
    const decoded = decodePng(indexedPng(37, 11, rgba));
    expect([decoded.width, decoded.height]).toEqual([37, 11]);
    expect([...decoded.data]).toEqual([...rgba]);
  });

  it('draws a colour beyond the most used ones as its nearest kept one', () => {
    const pack = (r: number, g: number, b: number) => ((255 << 24) | (b << 16) | (g << 8) | r) >>> 0;
    const card = pack(247, 248, 250);
    const mark = pack(36, 89, 196);
    const edge = pack(60, 100, 200); // an anti-aliased edge of the mark, used once
    const pixels = Uint32Array.from([card, card, card, mark, mark, edge]);
    const { palette, indices } = quantize(pixels, 2);
    expect(palette).toEqual([card, mark]);
    expect([...indices]).toEqual([0, 0, 0, 1, 1, 1]);
  });
});
