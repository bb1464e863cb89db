import type { Line, LineRole } from '../model/layout.js';
import type { Segment } from './segments.js';

export function toLine(s: Segment, role: LineRole): Line {
  return {
    page: s.page,
    text: s.text,
    bbox: s.bbox,
    fontSize: Math.round(s.fontSize * 10) / 10,
    bold: s.bold,
    italic: s.italic,
    colour: s.colour,
    role,
    marks: [],
  };
}
