import { describe, expect, it } from 'vitest';
import { sealContentType, sealFileProblem, won } from '../../../web/src/agencies/common.ts';
import { FIELD_IDS, parseYears } from '../../../web/src/agencies/organisation-pages.ts';

describe('agencies screens: what the browser checks before sending', () => {
  it('reads designation years as people type them', () => {
    expect(parseYears('2025, 2026')).toEqual({ years: [2025, 2026] });
    expect(parseYears('2025년 2026년')).toEqual({ years: [2025, 2026] });
    expect(parseYears('')).toEqual({ years: [] });
    expect(parseYears('2025, 이십육').problem).toContain('(이십육)');
  });

  it('says what is wrong with a seal file in Korean, as the server would', () => {
    expect(sealFileProblem({ name: 'seal.png', type: 'image/png', size: 1000 })).toBeUndefined();
    expect(sealFileProblem({ name: 'seal.jpg', type: '', size: 1000 })).toBeUndefined();
    expect(sealFileProblem({ name: 'seal.pdf', type: 'application/pdf', size: 1000 })).toContain('PNG, JPEG');
    expect(sealFileProblem({ name: 'seal.png', type: 'image/png', size: 3 * 1024 * 1024 })).toContain('3.0MB');
    expect(sealFileProblem({ name: 'seal.png', type: 'image/png', size: 0 })).toContain('빈 파일');
    expect(sealContentType({ name: 'SEAL.JPEG', type: '' })).toBe('image/jpeg');
  });

  it('links every server field of the registry, contacts included, to a control', () => {
    for (const field of [
      'name',
      'sigunguCode',
      'designatedYears',
      'contacts',
      'contacts.0.phone',
      'contacts.2.email',
    ]) {
      expect(FIELD_IDS[field], field).toBeDefined();
    }
    expect(won(72_000_000)).toBe('72,000,000원');
  });
});
