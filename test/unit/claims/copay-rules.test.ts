import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copayIdOf, paidOf, parseCopayId, paymentRefusal } from '#functions/claims/copay-rules';

describe('co-payment rules', () => {
  it('reads back every id it makes, whatever the worker id holds', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z0-9-]{1,12}$/),
        fc.stringMatching(/^\d{4}-(0[1-9]|1[0-2])$/),
        fc.string({ minLength: 1, maxLength: 20 }),
        (agencyId, month, workerId) => {
          expect(parseCopayId(copayIdOf(agencyId, month, workerId))).toEqual({ agencyId, month, workerId });
        },
      ),
    );
    expect(parseCopayId('no-month')).toBeUndefined();
  });

  it('accepts payments up to what is left and names the amount left when one goes beyond', () => {
    expect(paymentRefusal(9000, [], 9000)).toBeUndefined();
    expect(paymentRefusal(9000, [{ amount: 8999 }], 1)).toBeUndefined();
    expect(paymentRefusal(9000, [{ amount: 8000 }], 1001)).toBe(
      '받은 금액이 남은 본인부담금(1,000원)보다 많습니다. 금액을 확인해 주세요.',
    );
    expect(paymentRefusal(9000, [{ amount: 9000 }], 1)).toBe('이 달의 본인부담금은 이미 모두 받았습니다.');
  });

  it('never lets the recorded payments exceed the amount due', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.array(fc.integer({ min: 1, max: 50_000 })), (due, tries) => {
        const payments: { amount: number }[] = [];
        for (const amount of tries) if (!paymentRefusal(due, payments, amount)) payments.push({ amount });
        expect(paidOf(payments)).toBeLessThanOrEqual(due);
      }),
    );
  });
});
