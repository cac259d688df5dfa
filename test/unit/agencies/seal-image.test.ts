import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { koreanBoldFont } from '#functions/agencies/fonts';
import { encodePng, sealPng } from '#functions/agencies/seal-image';
import { sniffKind } from '#functions/files/rules';

/** Width, height and RGBA pixels of an unfiltered RGBA PNG as encodePng writes it. */
function decode(png: Uint8Array) {
  const buffer = Buffer.from(png);
  const width = buffer.readUInt32BE(16);
  const height = buffer.readUInt32BE(20);
  const chunks: Buffer[] = [];
  for (let offset = 8; offset < buffer.length; ) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString('ascii', offset + 4, offset + 8);
    if (type === 'IDAT') chunks.push(buffer.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  const alpha = (x: number, y: number) => raw[y * (width * 4 + 1) + 1 + x * 4 + 3]!;
  return { width, height, alpha };
}

describe('seal image', () => {
  const png = sealPng({ lines: ['한국장애인', '고용공단', '이사장인'], font: koreanBoldFont(), size: 200 });

  it('is a PNG the upload check accepts, well under the 2 MB limit', () => {
    expect(sniffKind(png.subarray(0, 16))).toBe('png');
    expect(png.length).toBeLessThan(2 * 1024 * 1024);
    const { width, height } = decode(png);
    expect([width, height]).toEqual([200, 200]);
  });

  it('draws the ring, leaves the corners transparent and sets text inside', () => {
    const { alpha } = decode(png);
    expect(alpha(0, 0)).toBe(0);
    expect(alpha(199, 199)).toBe(0);
    // on the ring (radius 0.44 of the size) to the right of the centre
    expect(alpha(100 + 88, 100)).toBe(255);
    // the ring's inside just inward of it is empty
    expect(alpha(100 + 78, 100)).toBe(0);
    let inked = 0;
    for (let y = 40; y < 160; y++) for (let x = 40; x < 160; x++) if (alpha(x, y) > 128) inked++;
    expect(inked).toBeGreaterThan(1000);
  });

  it('is deterministic: the same text gives the same bytes', () => {
    expect(sealPng({ lines: ['한국장애인', '고용공단', '이사장인'], font: koreanBoldFont(), size: 200 })).toEqual(png);
  });

  it('encodes any pixels as a valid RGBA PNG', () => {
    const tiny = encodePng(2, 1, (x) => (x === 0 ? [255, 0, 0, 255] : [0, 0, 0, 0]));
    const { width, height, alpha } = decode(tiny);
    expect([width, height, alpha(0, 0), alpha(1, 0)]).toEqual([2, 1, 255, 0]);
  });
});
