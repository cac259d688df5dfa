import { createHandler } from '#commons/http/handler';
import { directoryFromRegistry, plugOrganisationDirectory } from '#commons/organisation-directory';
import { getOrganisation, listOrganisations } from '#functions/agencies/repository';
import { ratingsOfPage } from '#functions/surveys/repository';
import { plugPageRatings } from './page-feedback.ts';
import { oversightRoutes } from './routes.ts';

// The oversight Lambda's entry, the edge of the capability: it plugs in the organisation directory
// (#commons/organisation-directory) and what the page-satisfaction report reads of surveys; the
// routes, rules and repository import neither agencies nor surveys.
plugOrganisationDirectory(directoryFromRegistry(getOrganisation, listOrganisations));
plugPageRatings(ratingsOfPage);

export const handler = createHandler(oversightRoutes);
