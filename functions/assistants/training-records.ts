/**
 * What 근로지원인 인력조회 shows of a person's training (seed 000: 근무희망수행기관, and the 교육수료일자
 * filter): the latest completion and the agencies the person wished to work for, with their consent.
 * Training owns these records; assistants declares what it needs here and the edge plugs training's
 * provider in (the Lambda entry assistants/handler.ts and functions/capabilities.ts), so neither
 * capability imports the other and training may read assistants later without a cycle.
 */
export interface TrainingRecord {
  /** the last day of the latest completed course (수료일자) */
  completedOn?: string;
  /** 근무희망수행기관 from the latest application that consented to pass details to agencies */
  wishedAgencies: string[];
}

/** By portal login (the assistant's userId). */
export type TrainingRecords = (userIds: readonly string[]) => Promise<Map<string, TrainingRecord>>;

let source: TrainingRecords | undefined;

export function plugTrainingRecords(records: TrainingRecords): void {
  source = records;
}

export function trainingRecordsOf(userIds: readonly string[]): Promise<Map<string, TrainingRecord>> {
  if (!source)
    throw new Error('assistants: no training records are plugged in (functions/assistants/training-records.ts)');
  return source(userIds);
}
