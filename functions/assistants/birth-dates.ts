import { getAssistant } from './repository.ts';

/**
 * 근로지원인 생년월일 of each assistant named (claims' 활동내용 shows it beside the name, seed 000).
 * Assistants own the register, so other capabilities read it here rather than through its repository;
 * the caller records the read of these people's data.
 */
export async function birthDatesOf(assistantIds: readonly string[]): Promise<Map<string, string>> {
  const items = await Promise.all([...new Set(assistantIds)].map((id) => getAssistant(id)));
  return new Map(items.filter((a) => a !== undefined).map((a) => [a.assistantId, a.birthDate]));
}
