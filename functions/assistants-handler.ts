import { createHandler } from '#commons/http/handler';
import { plugActiveMatchings } from './assistants/matchings.ts';
import { assistantRoutes } from './assistants/routes.ts';
import { countActiveByAssistant } from './matching/repository.ts';

// The assistants Lambda's entry, at the edge: it plugs in what assistants reads of matching, which
// imports assistants (see assistants/matchings.ts), so the two capabilities import in one direction.
plugActiveMatchings(countActiveByAssistant);

export const handler = createHandler(assistantRoutes);
