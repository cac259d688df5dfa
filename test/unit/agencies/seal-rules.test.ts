import { describe, expect, it } from 'vitest';
import {
  canRequestSeal,
  currentSeal,
  decideSeal,
  nextSealVersion,
  type SealVersion,
  sealForStamping,
  sealsToRetire,
} from '#functions/agencies/seal-rules';

const history: SealVersion[] = [
  { version: 1, status: 'retired' },
  { version: 2, status: 'rejected' },
  { version: 3, status: 'approved' },
];

describe('seal rules (A2)', () => {
  it('numbers a new seal after the highest version and keeps every earlier one', () => {
    expect(nextSealVersion([])).toBe(1);
    expect(canRequestSeal(history)).toEqual({ ok: true, value: { version: 4 } });
  });

  it('refuses a second request while one waits for the branch', () => {
    const result = canRequestSeal([...history, { version: 4, status: 'requested' }]);
    expect(result).toMatchObject({ ok: false, code: 'SEAL_PENDING' });
    if (!result.ok) expect(result.message).toContain('4번째');
  });

  it('approves or rejects only a request; a rejection needs a reason', () => {
    expect(decideSeal({ version: 4, status: 'requested' }, 'approve', undefined)).toEqual({
      ok: true,
      value: { status: 'approved' },
    });
    expect(decideSeal({ version: 4, status: 'requested' }, 'reject', '  ')).toMatchObject({
      ok: false,
      code: 'REASON_REQUIRED',
    });
    expect(decideSeal({ version: 4, status: 'requested' }, 'reject', '글자가 흐립니다')).toEqual({
      ok: true,
      value: { status: 'rejected' },
    });
    const again = decideSeal({ version: 3, status: 'approved' }, 'reject', '다시');
    expect(again).toMatchObject({ ok: false, code: 'SEAL_ALREADY_DECIDED' });
    if (!again.ok) expect(again.message).toContain('승인');
  });

  it('stamps with the approved version only, and retires it when a newer one is approved', () => {
    expect(currentSeal(history)?.version).toBe(3);
    expect(sealsToRetire([...history, { version: 4, status: 'requested' }], 4)).toEqual([
      { version: 3, status: 'approved' },
    ]);
    expect(sealForStamping(history, 'agency')).toEqual({ ok: true, value: { version: 3, status: 'approved' } });
  });

  it('says what to do when there is no approved seal, for each party', () => {
    const pending: SealVersion[] = [{ version: 1, status: 'requested' }];
    const agency = sealForStamping(pending, 'agency');
    expect(agency).toMatchObject({ ok: false, code: 'AGENCY_SEAL_MISSING' });
    if (!agency.ok) expect(agency.message).toContain('직인 관리');
    expect(sealForStamping([], 'kead')).toMatchObject({ ok: false, code: 'KEAD_SEAL_MISSING' });
  });
});
