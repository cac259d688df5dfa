// 사업자등록번호 (the business registration number), once: agencies register with it, applications
// name the workplace by it, claims read the kind of business off it. Pure.

const WEIGHTS = [1, 3, 7, 1, 3, 7, 1, 3, 5];

/** The check digit of the National Tax Service's weights for the first nine digits. */
export function businessCheckDigit(first9: string): number {
  const d = [...first9].map(Number);
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * d[i]!, 0) + Math.floor((d[8]! * 5) / 10);
  return (10 - (sum % 10)) % 10;
}

/** Ten digits (hyphens allowed) whose last is the check digit. */
export function businessNumberValid(input: string): boolean {
  const digits = input.replace(/-/g, '');
  return /^\d{10}$/.test(digits) && businessCheckDigit(digits.slice(0, 9)) === Number(digits[9]);
}

/** 123-45-67890 */
export function formatBusinessNumber(input: string): string {
  const digits = input.replace(/\D/g, '');
  return `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`;
}

/** A valid number from nine digits (the demo data and tests make theirs so). */
export function withCheckDigit(first9: string): string {
  return formatBusinessNumber(`${first9}${businessCheckDigit(first9)}`);
}

/**
 * 사업장구분: the middle two digits are the kind of business (국세청 구분코드: 01–80 and 90–99
 * individuals, 81 and 85–88 companies, 82 non-profits, 83 the state and local government, 84 foreign
 * companies, 89 unincorporated bodies).
 */
export function businessKind(businessNumber: string): string {
  const digits = businessNumber.replace(/\D/g, '');
  if (digits.length !== 10) return '-';
  const code = Number(digits.slice(3, 5));
  if (code === 82) return '비영리법인';
  if (code === 83) return '국가·지방자치단체';
  if (code === 84) return '외국법인';
  if (code === 89) return '법인 아닌 단체';
  if (code === 81 || (code >= 85 && code <= 88)) return '영리법인';
  return '개인사업자';
}
