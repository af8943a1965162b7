/**
 * The only user of Chart.js and @napi-rs/canvas: draws a chart configuration to a PNG in-process
 * (no browser, nothing downloaded: the canvas's Skia binary ships inside its npm package). Text is
 * set in the bundled DejaVu Sans (assets/fonts), registered under its own family name, so accents
 * and month names look the same on every machine whatever fonts it has.
 */
import { fileURLToPath } from 'node:url';
import { createCanvas, GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';
import { indexedPng } from './png.js';
import { Chart, registerables, type ChartConfiguration, type ChartType, type Plugin } from 'chart.js';

/** The family name charts use; only the bundled files answer to it. */
export const FONT_FAMILY = 'Griot Sans';

const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) => fileURLToPath(new URL(`../../assets/fonts/${f}`, import.meta.url)));

let ready = false;

/** Registers Chart.js's parts and the bundled font, once per process. */
function setUp(): void {
  if (ready) return;
  Chart.register(...registerables);
  for (const file of FONT_FILES) {
    if (!GlobalFonts.registerFromPath(file, FONT_FAMILY)) throw new Error(`could not load the chart font ${file}; reinstall Griot (assets/fonts is part of it)`);
  }
  Chart.defaults.font.family = FONT_FAMILY;
  ready = true;
}

/** Past this many bytes, a chart is encoded with a palette instead (Discord shows either the same). */
export const FULL_COLOUR_MAX_BYTES = 200 * 1024;

/** A rendered chart. */
export interface ChartPng {
  readonly png: Buffer;
  readonly width: number;
  readonly height: number;
}

export interface CanvasSize {
  readonly width: number;
  readonly height: number;
}

/**
 * Draws `config` on a `size` canvas filled with `background` and returns it as PNG. Animation and
 * responsiveness are switched off (one synchronous draw); `plugins` draw what Chart.js has no
 * element for (numbered marks).
 */
export function renderChart<T extends ChartType>(
  config: ChartConfiguration<T>,
  size: CanvasSize,
  background: (ctx: CanvasDrawing, size: CanvasSize) => void,
  plugins: Plugin<T>[] = [],
): ChartPng {
  setUp();
  const canvas = createCanvas(size.width, size.height);
  const ctx = canvas.getContext('2d');
  // Painted before each draw: Chart.js clears the canvas first, so a background painted earlier is lost.
  const card: Plugin<T> = { id: 'griotBackground', beforeDraw: () => background(ctx, size) };
  const chart = new Chart(ctx as never, {
    ...config,
    options: { ...config.options, responsive: false, animation: false, devicePixelRatio: 1, events: [] },
    plugins: [card, ...(config.plugins ?? []), ...plugins],
  } as ChartConfiguration<T>);
  try {
    // Full colour unless that is over the budget (a dense timeline): then 256 colours, a third of the size.
    let png = canvas.toBuffer('image/png');
    if (png.length > FULL_COLOUR_MAX_BYTES) png = indexedPng(size.width, size.height, ctx.getImageData(0, 0, size.width, size.height).data);
    return { png, width: size.width, height: size.height };
  } finally {
    chart.destroy();
  }
}

/** The 2D context the charts' own drawing uses (Skia's, shaped like the browser's). */
export type CanvasDrawing = SKRSContext2D;

/** A plugin's chart's context as the canvas it is. */
export const drawingOf = (chart: { ctx: unknown }): CanvasDrawing => chart.ctx as CanvasDrawing;
