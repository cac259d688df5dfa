import { createHandler } from '#commons/http/handler';
import { getOrganisation } from '#functions/agencies/repository';
import { plugOrganisations } from './organisations.ts';
import { trainingRoutes } from './routes.ts';

// the Lambda's composition root: training reads organisations through its port
plugOrganisations(getOrganisation);

export const handler = createHandler(trainingRoutes);
