/**
 * How many of an assistant's matchings are in progress: one in progress keeps the assistant from leaving
 * (rules.ts transitionProblem) and the detail screen shows the number. Matchings belong to the matching
 * capability, which imports assistants (a matching writes the assistant's next version with it), so
 * assistants does not import matching: the edge plugs matching's count in, in the Lambda's entry
 * (handler.ts) and in the list of capabilities (functions/capabilities.ts).
 */
export type ActiveMatchings = (assistantId: string) => Promise<number>;

let source: ActiveMatchings | undefined;

export function plugActiveMatchings(count: ActiveMatchings): void {
  source = count;
}

export function activeMatchingsOf(assistantId: string): Promise<number> {
  if (!source)
    throw new Error('assistants: no count of active matchings is plugged in (functions/assistants/matchings.ts)');
  return source(assistantId);
}
