import { createHandler } from '#commons/http/handler';
import { countActiveByAssistant } from '#functions/matching/repository';
import { trainingRecordsOfPeople } from '#functions/training/completions';
import { plugActiveMatchings } from './matchings.ts';
import { assistantRoutes } from './routes.ts';
import { plugTrainingRecords } from './training-records.ts';

// The assistants Lambda's entry, the edge of the capability: it plugs in what assistants reads of
// matching, which imports assistants (see matchings.ts). Only this entry imports matching; the routes,
// rules and repository of assistants do not, so the capabilities import in one direction.
plugActiveMatchings(countActiveByAssistant);
plugTrainingRecords(trainingRecordsOfPeople);

export const handler = createHandler(assistantRoutes);
