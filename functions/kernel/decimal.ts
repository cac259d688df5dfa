// Exact money arithmetic. Rates arrive as JSON numbers with at most six decimal places; each becomes
// a BigInt numerator over 10^6 taken from the number's shortest decimal spelling (the digits the
// sender wrote), so a product such as 10,000 × 0.0115 is exactly 115 and never 114.99999999999999.

export const RATE_DECIMALS = 6;
export const RATE_SCALE = 10n ** BigInt(RATE_DECIMALS);

interface DecimalDigits {
  negative: boolean;
  digits: string;
  /** how many of `digits` sit after the decimal point; negative for numbers like 1e+21 */
  decimals: number;
}

function decimalDigits(value: number): DecimalDigits | undefined {
  if (!Number.isFinite(value)) return undefined;
  // String(number) is the shortest text that reads back as the same double: the sender's decimal.
  const text = String(value);
  const exponentAt = text.indexOf('e');
  const mantissa = exponentAt < 0 ? text : text.slice(0, exponentAt);
  const exponent = exponentAt < 0 ? 0 : Number(text.slice(exponentAt + 1));
  const negative = mantissa.startsWith('-');
  const unsigned = negative ? mantissa.slice(1) : mantissa;
  const point = unsigned.indexOf('.');
  const whole = point < 0 ? unsigned : unsigned.slice(0, point);
  const fraction = point < 0 ? '' : unsigned.slice(point + 1);
  return { negative, digits: whole + fraction, decimals: fraction.length - exponent };
}

/** True when the number is finite and written with at most six decimal places. */
export function hasAtMostSixDecimals(value: number): boolean {
  const parts = decimalDigits(value);
  return parts !== undefined && parts.decimals <= RATE_DECIMALS;
}

/** The exact value × 10^6 as a BigInt. Throws on more than six decimal places (the schema rejects those). */
export function toScaled(value: number): bigint {
  const parts = decimalDigits(value);
  if (parts === undefined || parts.decimals > RATE_DECIMALS) {
    throw new RangeError(`${value} is not a decimal with at most ${RATE_DECIMALS} places`);
  }
  const scaled = BigInt(parts.digits) * 10n ** BigInt(RATE_DECIMALS - parts.decimals);
  return parts.negative ? -scaled : scaled;
}

/** floor(amount × rate) for a non-negative whole amount and a non-negative scaled rate. */
export function mulFloor(amount: bigint, scaledRate: bigint): bigint {
  // BigInt division truncates toward zero, which is the floor for non-negative operands.
  return (amount * scaledRate) / RATE_SCALE;
}

/** A BigInt that must leave the engine as a JSON number; refuses to lose precision silently. */
export function toSafeNumber(value: bigint, what: string): number {
  const result = Number(value);
  if (!Number.isSafeInteger(result))
    throw new RangeError(`${what} (${value}) is too large to write exactly as a number`);
  return result;
}

/**
 * Splits `total` whole won in proportion to `weights`: each share is floored, then the won left over
 * go one at a time to the largest fractional remainders, ties to the lower index. Callers order the
 * weights by assistant id, so "lower index" is "assistant id ascending".
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const shares = new Array<number>(weights.length).fill(0);
  let sum = 0;
  for (const weight of weights) sum += weight;
  if (total === 0 || sum === 0) return shares;
  const remainders = new Array<number | bigint>(weights.length);
  let given = 0;
  if (Number.isSafeInteger(total * sum)) {
    for (let i = 0; i < weights.length; i++) {
      const product = total * weights[i]!;
      const share = Math.floor(product / sum);
      shares[i] = share;
      remainders[i] = product - share * sum;
      given += share;
    }
  } else {
    // Only for absurd totals; the number path above covers every realistic month exactly.
    const bigTotal = BigInt(total);
    const bigSum = BigInt(sum);
    for (let i = 0; i < weights.length; i++) {
      const product = bigTotal * BigInt(weights[i]!);
      const share = product / bigSum;
      shares[i] = Number(share);
      remainders[i] = product - share * bigSum;
      given += Number(share);
    }
  }
  const leftover = total - given;
  if (leftover > 0) {
    const order = weights.map((_, i) => i);
    order.sort((a, b) => {
      const ra = remainders[a]!;
      const rb = remainders[b]!;
      return ra > rb ? -1 : ra < rb ? 1 : a - b;
    });
    for (let i = 0; i < leftover; i++) shares[order[i]!]! += 1;
  }
  return shares;
}

/** Minutes as hours with two decimals, the unit the paper forms and the screens use (시간). */
export function hoursOfMinutes(minutes: number): number {
  return Math.round((minutes / 60) * 100) / 100;
}

/** A rate as the forms print it: 0.0115 → "1.15%" (at most four decimals of the percentage, exact for the six of a rate). */
export function percentText(rate: number): string {
  return `${Math.round(rate * 1e6) / 1e4}%`;
}
