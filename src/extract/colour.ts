import type { ColourClass } from '../model/extract.js';

export function hexToRgb(hex: string): [number, number, number] {
  const h = hex.replace('#', '');
  return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
}

export function rgbToHex(r: number, g: number, b: number): string {
  const c = (v: number) => Math.max(0, Math.min(255, Math.round(v))).toString(16).padStart(2, '0');
  return `#${c(r)}${c(g)}${c(b)}`;
}

/** Hue in degrees, saturation and lightness in 0..1. */
export function rgbToHsl(r: number, g: number, b: number): { h: number; s: number; l: number } {
  const rn = r / 255, gn = g / 255, bn = b / 255;
  const max = Math.max(rn, gn, bn), min = Math.min(rn, gn, bn);
  const l = (max + min) / 2;
  const d = max - min;
  if (d === 0) return { h: 0, s: 0, l };
  const s = d / (1 - Math.abs(2 * l - 1));
  let h: number;
  if (max === rn) h = ((gn - bn) / d) % 6;
  else if (max === gn) h = (bn - rn) / d + 2;
  else h = (rn - gn) / d + 4;
  h *= 60;
  if (h < 0) h += 360;
  return { h, s, l };
}

/**
 * Traffic-light class of a colour. Hue bands are wide on purpose: reports use anything from lime (#99cc00)
 * to forest green, and amber from #ffc000 to orange (#f0ad4e); a dull colour (low chroma) is grey.
 */
export function colourClass(hex: string): ColourClass {
  const [r, g, b] = hexToRgb(hex);
  const chroma = Math.max(r, g, b) - Math.min(r, g, b);
  const { h, l } = rgbToHsl(r, g, b);
  if (chroma < 40 || l > 0.93 || l < 0.08) return 'grey';
  if (h >= 65 && h < 170) return 'green';
  if (h >= 28 && h < 65) return 'yellow';
  if (h < 20 || h >= 335) return 'red';
  if (h >= 20 && h < 28) return l > 0.55 ? 'yellow' : 'red';
  return 'other';
}

/** White and near-white fills are page and cell backgrounds with no meaning. */
export function isBackground(hex: string): boolean {
  const [r, g, b] = hexToRgb(hex);
  return r > 242 && g > 242 && b > 242;
}

export function isStatusColour(hex: string): boolean {
  const c = colourClass(hex);
  return c === 'green' || c === 'yellow' || c === 'red';
}
