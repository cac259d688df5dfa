import { crc32, deflateSync } from 'node:zlib';
import fontkit from '@pdf-lib/fontkit';

// A seal (직인) image drawn in code: a red ring with the organisation's name set inside in Korean.
// The demo seeds KEAD's approved seal with it and the tests upload agency seals made by it, so no
// binary image is kept in the repository. Glyph outlines come from the font (fontkit), are flattened
// to polygons and filled with the non-zero rule on a 4×4 supersampled grid; the result is encoded as
// an RGBA PNG with node:zlib. Deterministic: the same lines give the same bytes.

const SUPERSAMPLE = 4;
const SEAL_RED = [200, 32, 38] as const;

export interface SealImageOptions {
  /** lines of text from top to bottom, e.g. ['한국장애인', '고용공단', '이사장인'] */
  lines: readonly string[];
  /** bytes of a TrueType font with the characters used */
  font: Uint8Array;
  /** the image's width and height in pixels */
  size?: number;
}

type Point = [number, number];
type Edge = { x0: number; y0: number; x1: number; y1: number; dir: 1 | -1 };

interface Command {
  command: 'moveTo' | 'lineTo' | 'quadraticCurveTo' | 'bezierCurveTo' | 'closePath';
  args: number[];
}

/** The seal as PNG bytes. */
export function sealPng(options: SealImageOptions): Uint8Array {
  const size = options.size ?? 240;
  const coverage = new Float32Array(size * size);
  const edges: Edge[] = [];
  const centre = size / 2;

  // the ring: two concentric circles, the inner one wound the other way so the middle stays empty
  addPolygon(edges, circle(centre, centre, size * 0.47, 1));
  addPolygon(edges, circle(centre, centre, size * 0.41, -1));

  // the text: lines centred in the ring, each scaled to fit the ring's chord at its height
  const font = fontkit.create(options.font);
  const lineCount = options.lines.length;
  const lineHeight = (size * 0.62) / Math.max(lineCount, 1);
  options.lines.forEach((line, index) => {
    const glyphs = font.layout(line).glyphs;
    const advance = glyphs.reduce((sum, g) => sum + g.advanceWidth, 0);
    const centreY = centre - (lineCount * lineHeight) / 2 + lineHeight * (index + 0.5);
    const halfChord = Math.sqrt(Math.max(0, (size * 0.38) ** 2 - (centreY - centre) ** 2));
    const scale = Math.min((lineHeight * 0.92) / font.unitsPerEm, (halfChord * 2) / Math.max(advance, 1));
    let penX = centre - (advance * scale) / 2;
    // the em box's centre (ascent and descent of Hangul are about 0.88 and -0.12 em) on the line's centre
    const baseline = centreY + font.unitsPerEm * 0.38 * scale;
    for (const glyph of glyphs) {
      const commands = (glyph.path as unknown as { commands: Command[] }).commands;
      for (const polygon of flatten(commands, (x, y) => [penX + x * scale, baseline - y * scale])) {
        addPolygon(edges, polygon);
      }
      penX += glyph.advanceWidth * scale;
    }
  });

  fill(edges, coverage, size);
  return encodePng(size, size, (x, y) => {
    const alpha = Math.round(Math.min(1, coverage[y * size + x]!) * 255);
    return [SEAL_RED[0], SEAL_RED[1], SEAL_RED[2], alpha];
  });
}

function circle(cx: number, cy: number, r: number, direction: 1 | -1): Point[] {
  const points: Point[] = [];
  const steps = 180;
  for (let i = 0; i < steps; i++) {
    const angle = (direction * 2 * Math.PI * i) / steps;
    points.push([cx + r * Math.cos(angle), cy + r * Math.sin(angle)]);
  }
  return points;
}

/** Glyph commands to closed polygons in pixel space; curves become 8 straight pieces each. */
function flatten(commands: readonly Command[], at: (x: number, y: number) => Point): Point[][] {
  const polygons: Point[][] = [];
  let current: Point[] = [];
  let last: Point = [0, 0];
  const close = () => {
    if (current.length > 2) polygons.push(current);
    current = [];
  };
  for (const { command, args } of commands) {
    if (command === 'moveTo') {
      close();
      last = [args[0]!, args[1]!];
      current.push(at(last[0], last[1]));
    } else if (command === 'lineTo') {
      last = [args[0]!, args[1]!];
      current.push(at(last[0], last[1]));
    } else if (command === 'quadraticCurveTo') {
      const [cx, cy, x, y] = args as [number, number, number, number];
      for (let i = 1; i <= 8; i++) {
        const t = i / 8;
        const u = 1 - t;
        current.push(at(u * u * last[0] + 2 * u * t * cx + t * t * x, u * u * last[1] + 2 * u * t * cy + t * t * y));
      }
      last = [x, y];
    } else if (command === 'bezierCurveTo') {
      const [c1x, c1y, c2x, c2y, x, y] = args as [number, number, number, number, number, number];
      for (let i = 1; i <= 8; i++) {
        const t = i / 8;
        const u = 1 - t;
        current.push(
          at(
            u * u * u * last[0] + 3 * u * u * t * c1x + 3 * u * t * t * c2x + t * t * t * x,
            u * u * u * last[1] + 3 * u * u * t * c1y + 3 * u * t * t * c2y + t * t * t * y,
          ),
        );
      }
      last = [x, y];
    } else {
      close();
    }
  }
  close();
  return polygons;
}

function addPolygon(edges: Edge[], points: readonly Point[]): void {
  for (let i = 0; i < points.length; i++) {
    const [x0, y0] = points[i]!;
    const [x1, y1] = points[(i + 1) % points.length]!;
    if (y0 === y1) continue;
    edges.push(y0 < y1 ? { x0, y0, x1, y1, dir: 1 } : { x0: x1, y0: y1, x1: x0, y1: y0, dir: -1 });
  }
}

/** Non-zero fill, SUPERSAMPLE² samples per pixel, into `coverage` (0..1 per pixel). */
function fill(edges: readonly Edge[], coverage: Float32Array, size: number): void {
  const weight = 1 / (SUPERSAMPLE * SUPERSAMPLE);
  const crossings: { x: number; dir: number }[] = [];
  for (let row = 0; row < size * SUPERSAMPLE; row++) {
    const y = (row + 0.5) / SUPERSAMPLE;
    crossings.length = 0;
    for (const edge of edges) {
      if (y < edge.y0 || y >= edge.y1) continue;
      crossings.push({ x: edge.x0 + ((y - edge.y0) / (edge.y1 - edge.y0)) * (edge.x1 - edge.x0), dir: edge.dir });
    }
    if (crossings.length < 2) continue;
    crossings.sort((a, b) => a.x - b.x);
    const pixelRow = Math.floor(row / SUPERSAMPLE) * size;
    let winding = 0;
    for (let i = 0; i < crossings.length - 1; i++) {
      winding += crossings[i]!.dir;
      if (winding === 0) continue;
      const start = Math.max(0, Math.ceil(crossings[i]!.x * SUPERSAMPLE - 0.5));
      const end = Math.min(size * SUPERSAMPLE - 1, Math.floor(crossings[i + 1]!.x * SUPERSAMPLE - 0.5));
      for (let column = start; column <= end; column++) {
        const index = pixelRow + Math.floor(column / SUPERSAMPLE);
        coverage[index] = coverage[index]! + weight;
      }
    }
  }
}

/** An RGBA PNG (colour type 6, 8 bits), rows unfiltered, one IDAT. */
export function encodePng(
  width: number,
  height: number,
  pixel: (x: number, y: number) => readonly [number, number, number, number],
): Uint8Array {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  let offset = 0;
  for (let y = 0; y < height; y++) {
    raw[offset++] = 0;
    for (let x = 0; x < width; x++) {
      const [r, g, b, a] = pixel(x, y);
      raw[offset++] = r;
      raw[offset++] = g;
      raw[offset++] = b;
      raw[offset++] = a;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}
