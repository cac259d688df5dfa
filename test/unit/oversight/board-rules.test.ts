import { describe, expect, it } from 'vitest';
import { canUseBoard, sideOf, threadStatus } from '#functions/oversight/board-rules';

describe('staff board rules', () => {
  it('a branch’s space is that branch’s, its organisations’ and hq’s only', () => {
    expect(canUseBoard({ kind: 'hq' }, 'BR-SEOUL')).toBe(true);
    expect(canUseBoard({ kind: 'branch', branchId: 'BR-SEOUL' }, 'BR-SEOUL')).toBe(true);
    expect(canUseBoard({ kind: 'branch', branchId: 'BR-GYEONGGI' }, 'BR-SEOUL')).toBe(false);
    expect(canUseBoard({ kind: 'agency', organisationId: 'AG-HANBIT', branchId: 'BR-SEOUL' }, 'BR-SEOUL')).toBe(true);
    expect(canUseBoard({ kind: 'agency', organisationId: 'AG-NEULBOM', branchId: 'BR-GYEONGGI' }, 'BR-SEOUL')).toBe(
      false,
    );
    expect(canUseBoard({ kind: 'institution', organisationId: 'IN-KWEDU', branchId: 'BR-SEOUL' }, 'BR-SEOUL')).toBe(
      true,
    );
    expect(canUseBoard({ kind: 'person' }, 'BR-SEOUL')).toBe(false);
    expect(canUseBoard({ kind: 'public' }, 'BR-SEOUL')).toBe(false);
  });

  it('KEAD staff write for KEAD, organisation staff for their organisation', () => {
    expect(sideOf({ kind: 'hq' })).toBe('kead');
    expect(sideOf({ kind: 'branch', branchId: 'BR-SEOUL' })).toBe('kead');
    expect(sideOf({ kind: 'institution', organisationId: 'IN-KWEDU', branchId: 'BR-SEOUL' })).toBe('organisation');
    expect(sideOf({ kind: 'person' })).toBeUndefined();
  });

  it('a thread is answered once the other side writes, and open again on a new question', () => {
    expect(threadStatus('organisation', 'organisation')).toBe('open');
    expect(threadStatus('organisation', 'kead')).toBe('answered');
    expect(threadStatus('kead', 'organisation')).toBe('answered');
    expect(threadStatus('kead', 'kead')).toBe('open');
  });
});
