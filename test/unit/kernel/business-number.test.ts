import { describe, expect, it } from 'vitest';
import {
  businessCheckDigit,
  businessKind,
  businessNumberValid,
  formatBusinessNumber,
  withCheckDigit,
} from '#kernel/business-number';

describe('사업자등록번호', () => {
  it('appends the National Tax Service check digit and accepts only numbers that carry it', () => {
    expect(businessCheckDigit('220816251')).toBe(7);
    expect(withCheckDigit('220816251')).toBe('220-81-62517');
    expect(businessNumberValid('220-81-62517')).toBe(true);
    expect(businessNumberValid('2208162517')).toBe(true);
    expect(businessNumberValid('220-81-62518')).toBe(false);
    expect(businessNumberValid('220-81-6251')).toBe(false);
    expect(formatBusinessNumber('2208162517')).toBe('220-81-62517');
  });

  it('reads 사업장구분 off the middle two digits', () => {
    expect(businessKind('105-81-10015')).toBe('영리법인');
    expect(businessKind('105-86-10015')).toBe('영리법인');
    expect(businessKind('105-85-10015')).toBe('영리법인');
    expect(businessKind('105-82-10015')).toBe('비영리법인');
    expect(businessKind('105-83-10015')).toBe('국가·지방자치단체');
    expect(businessKind('105-84-10015')).toBe('외국법인');
    expect(businessKind('105-89-10015')).toBe('법인 아닌 단체');
    expect(businessKind('105-12-10015')).toBe('개인사업자');
    expect(businessKind('105-80-10015')).toBe('개인사업자');
    expect(businessKind('105-93-10015')).toBe('개인사업자');
    expect(businessKind('105-8')).toBe('-');
  });
});
