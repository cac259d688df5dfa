import { listApplicationsByApplicant } from './repository.ts';

/**
 * Each person's training as others may read it (근로지원인 인력조회's 근무희망수행기관 and 교육수료일자):
 * the latest completion, and the agencies named in the latest application whose applicant consented
 * to pass their details to them. Keyed by portal login; people without applications are left out.
 */
export async function trainingRecordsOfPeople(
  userIds: readonly string[],
): Promise<Map<string, { completedOn?: string; wishedAgencies: string[] }>> {
  const records = new Map<string, { completedOn?: string; wishedAgencies: string[] }>();
  await Promise.all(
    [...new Set(userIds)].map(async (userId) => {
      const applications = await listApplicationsByApplicant(userId);
      if (!applications.length) return;
      const completedOn = applications
        .map((a) => (a.completed ? a.completedOn : undefined))
        .filter((d): d is string => !!d)
        .sort()
        .at(-1);
      const consented = applications
        .filter(
          (a) => a.consentToAgencies && a.wishedAgencies.length && a.state !== 'refused' && a.state !== 'cancelled',
        )
        .sort((a, b) => a.appliedAt.localeCompare(b.appliedAt))
        .at(-1);
      records.set(userId, {
        ...(completedOn ? { completedOn } : {}),
        wishedAgencies: consented?.wishedAgencies.map((w) => w.agencyName) ?? [],
      });
    }),
  );
  return records;
}
