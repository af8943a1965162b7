/**
 * The charts' colours: one light, opaque card with rounded corners, so a chart reads the same on
 * Discord's dark and light themes (and in a README on either) — text never sits on the theme's own
 * background. Colours keep a contrast of at least 4.5:1 against the card for text.
 */
import type { CanvasDrawing, CanvasSize } from './canvas.js';

export const THEME = {
  card: '#f7f8fa',
  cardBorder: '#c9ced6',
  text: '#1d2330',
  muted: '#4f5663',
  grid: '#e3e6eb',
  gridStrong: '#a9b0bc',
  mark: '#2459c4',
  markInferred: '#7f9fdc',
  markText: '#ffffff',
  range: 'rgba(36, 89, 196, 0.28)',
  answered: '#21885f',
  refused: '#d0652a',
  added: '#6b3fc4',
} as const;

/** Corner radius of the card, in pixels. */
const RADIUS = 14;

/** Paints the card: the whole canvas but its rounded corners, with a thin border seen on a white page too. */
export function drawCard(ctx: CanvasDrawing, size: CanvasSize): void {
  ctx.save();
  ctx.beginPath();
  ctx.roundRect(0.5, 0.5, size.width - 1, size.height - 1, RADIUS);
  ctx.fillStyle = THEME.card;
  ctx.fill();
  ctx.lineWidth = 1;
  ctx.strokeStyle = THEME.cardBorder;
  ctx.stroke();
  ctx.restore();
}
