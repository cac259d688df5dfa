import { createHandler } from '#commons/http/handler';
import { getOrganisation, listOrganisations } from '#functions/agencies/repository';
import { organisationDirectory } from './organisation-directory.ts';
import { plugOrganisations } from './organisations.ts';
import { oversightRoutes } from './routes.ts';

// The oversight Lambda's entry, the edge of the capability: it plugs in what notices read of the
// agency registry (see organisations.ts); the routes, rules and repository do not import agencies.
plugOrganisations(organisationDirectory(getOrganisation, listOrganisations));

export const handler = createHandler(oversightRoutes);
