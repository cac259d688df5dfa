// 시/도 of the standard administrative code list (행정표준코드, 법정동 시도 2-digit codes),
// current names (강원특별자치도 2023, 전북특별자치도 2024). 시/군/구 carry 5-digit codes whose first
// two digits are the 시/도 code.
export const SIDO = [
  { code: '11', name: '서울특별시' },
  { code: '26', name: '부산광역시' },
  { code: '27', name: '대구광역시' },
  { code: '28', name: '인천광역시' },
  { code: '29', name: '광주광역시' },
  { code: '30', name: '대전광역시' },
  { code: '31', name: '울산광역시' },
  { code: '36', name: '세종특별자치시' },
  { code: '41', name: '경기도' },
  { code: '43', name: '충청북도' },
  { code: '44', name: '충청남도' },
  { code: '46', name: '전라남도' },
  { code: '47', name: '경상북도' },
  { code: '48', name: '경상남도' },
  { code: '50', name: '제주특별자치도' },
  { code: '51', name: '강원특별자치도' },
  { code: '52', name: '전북특별자치도' },
] as const;

export type SidoCode = (typeof SIDO)[number]['code'];
export const SIDO_CODES = SIDO.map((s) => s.code) as [SidoCode, ...SidoCode[]];

export function sidoName(code: string): string | undefined {
  return SIDO.find((s) => s.code === code)?.name;
}

/** A 시/군/구 code belongs to the 시/도 whose code is its first two digits. */
export function sigunguBelongsTo(sigunguCode: string, sidoCode: string): boolean {
  return /^\d{5}$/.test(sigunguCode) && sigunguCode.startsWith(sidoCode);
}
