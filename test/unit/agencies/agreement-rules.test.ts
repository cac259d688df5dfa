import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AGREEMENT_STATUS_LABELS,
  type AgreementAction,
  type AgreementStatus,
  agreementIdOf,
  availableActions,
  canReissue,
  isSealed,
  type Side,
  transition,
} from '#functions/agencies/agreement-rules';

const STATUSES = Object.keys(AGREEMENT_STATUS_LABELS) as AgreementStatus[];
const ACTIONS: AgreementAction[] = ['edit', 'issue', 'return', 'stamp', 'reissue', 'supersede', 'discard'];
const SIDES: Side[] = ['kead', 'agency'];

/** The whole table, written out: status × action × side → the next status, or refused. */
const ALLOWED: Record<string, AgreementStatus> = {
  'draft edit kead': 'draft',
  'returned edit kead': 'draft',
  'draft issue kead': 'issued',
  'issued return agency': 'returned',
  'issued stamp agency': 'complete',
  'issued reissue kead': 'issued',
  'complete reissue kead': 'complete',
  'issued supersede kead': 'superseded',
  'complete supersede kead': 'superseded',
  'draft discard kead': 'discarded',
  'returned discard kead': 'discarded',
};

describe('agreement state machine (A3)', () => {
  const cases = STATUSES.flatMap((status) =>
    ACTIONS.flatMap((action) => SIDES.map((side) => [status, action, side] as const)),
  );

  it.each(cases)('%s + %s by %s', (status, action, side) => {
    const result = transition(status, action, side);
    const expected = ALLOWED[`${status} ${action} ${side}`];
    if (expected) {
      expect(result).toEqual({ ok: true, to: expected });
    } else {
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.message).toMatch(/[가-힣]/);
        expect(['WRONG_PARTY', 'ILLEGAL_TRANSITION']).toContain(result.code);
      }
    }
  });

  it('follows the happy path draft → issued → complete', () => {
    let status: AgreementStatus = 'draft';
    for (const [action, side] of [
      ['edit', 'kead'],
      ['issue', 'kead'],
      ['stamp', 'agency'],
    ] as const) {
      const result = transition(status, action, side);
      expect(result.ok).toBe(true);
      if (result.ok) status = result.to;
    }
    expect(status).toBe('complete');
  });

  it('refuses the agency issuing and the branch stamping, naming who may', () => {
    const issue = transition('draft', 'issue', 'agency');
    expect(issue.ok).toBe(false);
    if (!issue.ok) expect(issue.message).toBe('약정서 발급은(는) 공단(지사)만 할 수 있습니다.');
    const stamp = transition('issued', 'stamp', 'kead');
    expect(stamp.ok).toBe(false);
    if (!stamp.ok) expect(stamp.message).toBe('약정서 날인은(는) 수행기관만 할 수 있습니다.');
  });

  it('says a complete agreement cannot change and points to a reissue', () => {
    for (const action of ['edit', 'stamp', 'discard', 'return', 'issue'] as const) {
      const side = action === 'stamp' || action === 'return' ? 'agency' : 'kead';
      const result = transition('complete', action, side);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.message).toContain('‘체결 완료’ 상태의 약정서는');
        expect(result.message).toContain('재발급');
      }
    }
  });

  it('never moves a superseded or discarded agreement again (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<AgreementStatus>('superseded', 'discarded'),
        fc.constantFrom(...ACTIONS),
        fc.constantFrom(...SIDES),
        (status, action, side) => !transition(status, action, side).ok,
      ),
    );
  });

  it('only a supersession takes a complete agreement to another status (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ACTIONS), fc.constantFrom(...SIDES), (action, side) => {
        const result = transition('complete', action, side);
        return !result.ok || result.to === 'complete' || (action === 'supersede' && result.to === 'superseded');
      }),
    );
  });

  it('offers each side the buttons it may press', () => {
    expect(availableActions('draft', 'kead')).toEqual(['edit', 'issue', 'discard']);
    expect(availableActions('issued', 'agency')).toEqual(['return', 'stamp']);
    expect(availableActions('issued', 'kead')).toEqual(['reissue']);
    expect(availableActions('complete', 'agency')).toEqual([]);
    expect(availableActions('complete', 'kead')).toEqual(['reissue']);
    expect(availableActions('returned', 'kead')).toEqual(['edit', 'discard']);
  });

  it('allows one open reissue at a time', () => {
    expect(canReissue({ status: 'complete' }, 'kead')).toEqual({ ok: true, to: 'complete' });
    const twice = canReissue({ status: 'complete', replacementId: '2026-AG-X-2' }, 'kead');
    expect(twice.ok).toBe(false);
    if (!twice.ok) expect(twice.message).toContain('2026-AG-X-2');
    expect(canReissue({ status: 'draft' }, 'kead').ok).toBe(false);
  });

  it('names agreements by year, organisation and revision; marks sealed states', () => {
    expect(agreementIdOf(2026, 'AG-HANBIT', 2)).toBe('2026-AG-HANBIT-2');
    expect(STATUSES.filter(isSealed)).toEqual(['issued', 'complete', 'superseded']);
  });
});
