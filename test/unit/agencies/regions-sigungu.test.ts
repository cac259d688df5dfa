import { describe, expect, it } from 'vitest';
import { SIDO } from '#commons/regions';
import { currentSigungu, SIGUNGU, sigunguName, sigunguOf } from '#commons/regions-sigungu';

// The list is written by hand from the standard administrative codes; these checks hold for any
// correct version of it, so a mistyped code or a 시/도 left out shows up here.
describe('시/군/구 list', () => {
  const today = '2026-11-21';
  const current = SIGUNGU.filter((s) => currentSigungu(s.code, today) === s);

  it('uses five-digit codes under a 시/도 of regions.ts, each once per day', () => {
    const sidoCodes = new Set<string>(SIDO.map((s) => s.code));
    for (const entry of SIGUNGU) {
      expect(entry.code).toMatch(/^\d{5}$/);
      expect(sidoCodes.has(entry.code.slice(0, 2)), entry.code).toBe(true);
      expect(entry.name).toMatch(/^[가-힣 ]+$/);
    }
    for (const day of ['2024-06-01', '2026-03-01', today]) {
      const codes = SIGUNGU.filter((s) => currentSigungu(s.code, day) === s).map((s) => s.code);
      expect(new Set(codes).size).toBe(codes.length);
    }
  });

  it('covers every 시/도 and about 250 시/군/구', () => {
    for (const sido of SIDO) expect(sigunguOf(sido.code, today).length, sido.name).toBeGreaterThan(0);
    expect(current.length).toBeGreaterThanOrEqual(245);
    expect(current.length).toBeLessThanOrEqual(265);
  });

  it('has no two 시/군/구 of one 시/도 with the same name', () => {
    for (const sido of SIDO) {
      const names = sigunguOf(sido.code, today).map((s) => s.name);
      expect(new Set(names).size, sido.name).toBe(names.length);
    }
  });

  it('knows the recent changes', () => {
    expect(currentSigungu('27720', today)?.name).toBe('군위군');
    expect(SIGUNGU.some((s) => s.code === '47720')).toBe(false);
    expect(SIGUNGU.some((s) => s.code.startsWith('42') || s.code.startsWith('45'))).toBe(false);
    expect(sigunguOf('51', today)).toHaveLength(18);
    expect(sigunguOf('52', today)).toHaveLength(15);
    expect(sigunguOf('36', today)).toEqual([{ code: '36110', name: '세종특별자치시' }]);
    expect(currentSigungu('41590', '2026-01-31')?.name).toBe('화성시');
    expect(currentSigungu('41590', '2026-02-01')).toBeUndefined();
    expect(sigunguOf('41', '2026-02-01').filter((s) => s.name.startsWith('화성시'))).toHaveLength(4);
    expect(sigunguOf('28', today).map((s) => s.name)).toContain('영종구');
    expect(sigunguName('28110')).toBe('중구');
  });

  it('keeps the demo organisations’ districts valid', () => {
    expect(currentSigungu('11440', today)?.name).toBe('마포구');
    expect(currentSigungu('41115', today)?.name).toBe('수원시 팔달구');
    expect(currentSigungu('41285', today)?.name).toBe('고양시 일산동구');
    expect(currentSigungu('11560', today)?.name).toBe('영등포구');
  });
});
