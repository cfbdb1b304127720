/**
 * Draws the Teams app icons — a police shield with a check mark — and writes them as PNG:
 * appPackage/color.png (192×192, full colour) and appPackage/outline.png (32×32, white on transparent).
 * Run: npx tsx scripts/make-icons.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { encodePng, type Image } from './lib/png.js';

/** A shape answers whether a point of the unit square (0..1, y down) is inside it. */
type Shape = (x: number, y: number) => boolean;
type Rgba = readonly [number, number, number, number];

/** A heraldic shield: concave top edge, straight sides, sides curving in to a point. */
function shield(halfWidth: number, top: number, shoulder: number, tip: number): Shape {
  return (x, y) => {
    const dx = Math.abs(x - 0.5);
    if (dx > halfWidth || y > tip) return false;
    const dip = 0.05 * (1 - (dx / halfWidth) ** 2);
    if (y < top + dip) return false;
    if (y <= shoulder) return true;
    const t = (y - shoulder) / (tip - shoulder);
    return dx <= halfWidth * Math.sqrt(1 - t * t) * (1 - 0.45 * t);
  };
}

function distanceToSegment(x: number, y: number, [ax, ay]: number[], [bx, by]: number[]): number {
  const [vx, vy, wx, wy] = [bx! - ax!, by! - ay!, x - ax!, y - ay!];
  const t = Math.max(0, Math.min(1, (wx * vx + wy * vy) / (vx * vx + vy * vy)));
  return Math.hypot(wx - t * vx, wy - t * vy);
}

function polyline(points: number[][], halfThickness: number): Shape {
  return (x, y) => points.slice(1).some((p, i) => distanceToSegment(x, y, points[i]!, p) <= halfThickness);
}

const minus = (a: Shape, b: Shape): Shape => (x, y) => a(x, y) && !b(x, y);

const CHECK = [
  [0.34, 0.5],
  [0.46, 0.62],
  [0.67, 0.37],
];

function topmost(layers: Array<[Shape, Rgba]>, x: number, y: number): Rgba | undefined {
  for (let i = layers.length - 1; i >= 0; i--) if (layers[i]![0](x, y)) return layers[i]![1];
  return undefined;
}

/** Paints layers in order over a background, 4×4 samples a pixel for smooth edges. */
function render(size: number, background: Rgba, layers: Array<[Shape, Rgba]>): Image {
  const pixels = new Uint8Array(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let acc = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          const c = topmost(layers, x, y) ?? background;
          acc = acc.map((v, i) => v + (i < 3 ? c[i]! * c[3]! : c[3]!));
        }
      }
      const alpha = acc[3]!;
      const o = (py * size + px) * 4;
      for (let i = 0; i < 3; i++) pixels[o + i] = alpha === 0 ? 0 : Math.round(acc[i]! / alpha);
      pixels[o + 3] = Math.round((alpha / (n * n)) * 255);
    }
  }
  return { width: size, height: size, pixels };
}

const NAVY: Rgba = [27, 54, 93, 1];
const BLUE: Rgba = [42, 82, 140, 1];
const GOLD: Rgba = [232, 185, 35, 1];
const WHITE: Rgba = [255, 255, 255, 1];
const CLEAR: Rgba = [0, 0, 0, 0];

export const ACCENT_COLOR = '#1B365D';

export function colorIcon(): Image {
  return render(192, NAVY, [
    [shield(0.36, 0.12, 0.5, 0.9), GOLD],
    [shield(0.3, 0.18, 0.5, 0.82), BLUE],
    [polyline(CHECK, 0.05), WHITE],
  ]);
}

export function outlineIcon(): Image {
  const ring = minus(shield(0.42, 0.06, 0.5, 0.96), shield(0.345, 0.13, 0.5, 0.87));
  return render(32, CLEAR, [
    [ring, WHITE],
    [polyline(CHECK, 0.055), WHITE],
  ]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = new URL('../appPackage/', import.meta.url);
  writeFileSync(new URL('color.png', dir), encodePng(colorIcon()));
  writeFileSync(new URL('outline.png', dir), encodePng(outlineIcon()));
  console.log('wrote appPackage/color.png (192×192) and appPackage/outline.png (32×32)');
}
