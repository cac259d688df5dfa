import { createHandler } from '#commons/http/handler';
import { directoryFromRegistry, plugOrganisationDirectory } from '#commons/organisation-directory';
import { getOrganisation, listOrganisations } from '#functions/agencies/repository';
import { trainingRoutes } from './routes.ts';

// The training Lambda's entry, the edge of the capability: it plugs in the organisation directory
// (#commons/organisation-directory), so training imports no other capability's repository.
plugOrganisationDirectory(directoryFromRegistry(getOrganisation, listOrganisations));

export const handler = createHandler(trainingRoutes);
