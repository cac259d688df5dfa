import { PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { certificateCheckOf, certificatePdf, newCertificateNumber } from '#functions/training/certificate';
import { CERTIFICATE_NUMBER, certificateParams } from '#functions/training/contract';
import type { TrainingCertificateItem } from '#functions/training/entities';

const item: TrainingCertificateItem = {
  certificateNumber: 'TC-2026-7KQ2-M9XD',
  applicationId: 'TA-1',
  applicantId: 'assistant05',
  name: '정예준',
  birthDate: '1990-05-17',
  courseId: 'TC-1',
  courseName: '근로지원인 양성교육 3기',
  courseKind: 'initial',
  institutionName: '한국근로지원인교육원',
  firstDay: '2026-11-02',
  lastDay: '2026-11-04',
  totalHours: 24,
  completedOn: '2026-11-04',
  issuedAt: '2026-11-04T09:00:00.000Z',
};

describe('수료증', () => {
  it('numbers are random, readable and of one shape', () => {
    const numbers = Array.from({ length: 200 }, () => newCertificateNumber('2026-11-04'));
    for (const n of numbers) {
      expect(n).toMatch(CERTIFICATE_NUMBER);
      // the random part leaves out 0/O and 1/I/L, which read alike
      expect(n.slice(8)).not.toMatch(/[01OIL]/);
    }
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers[0]!.startsWith('TC-2026-')).toBe(true);
  });

  it('the portal’s check masks the name and names the course kind; the number is read in capitals', () => {
    expect(certificateCheckOf(item)).toMatchObject({ maskedName: '정*준', courseKind: '양성교육', totalHours: 24 });
    expect(certificateParams.parse({ certificateNumber: ' tc-2026-7kq2-m9xd ' }).certificateNumber).toBe(
      'TC-2026-7KQ2-M9XD',
    );
    expect(certificateParams.safeParse({ certificateNumber: '12345' }).success).toBe(false);
  });

  it('is a Korean PDF with its number in the title', async () => {
    const doc = await PDFDocument.load(await certificatePdf(item));
    expect(doc.getTitle()).toBe('수료증 TC-2026-7KQ2-M9XD');
    expect(String(doc.catalog.get(PDFName.of('Lang')))).toBe('(ko-KR)');
    expect(doc.getPageCount()).toBe(1);
  });
});
