import { createHandler } from '#commons/http/handler';
import { getOrganisation, listOrganisations } from '#functions/agencies/repository';
import { ratingsOfPage } from '#functions/surveys/repository';
import { organisationDirectory } from './organisation-directory.ts';
import { plugOrganisations } from './organisations.ts';
import { plugPageRatings } from './page-feedback.ts';
import { oversightRoutes } from './routes.ts';

// The oversight Lambda's entry, the edge of the capability: it plugs in what notices read of the
// agency registry (see organisations.ts) and what the page-satisfaction report reads of surveys; the routes, rules and repository do not import agencies.
plugOrganisations(organisationDirectory(getOrganisation, listOrganisations));
plugPageRatings(ratingsOfPage);

export const handler = createHandler(oversightRoutes);
