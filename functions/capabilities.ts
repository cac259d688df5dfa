import type { Capability } from '#commons/http/route';
import { agencyRoutes } from './agencies/routes.ts';
import { auditRoutes } from './audit/routes.ts';
import { claimRoutes } from './claims/routes.ts';
import { fileRoutes } from './files/routes.ts';
import { identityRoutes } from './identity/routes.ts';
import { surveyRoutes } from './surveys/routes.ts';

/**
 * Every capability's router Lambda and its routes. The CDK API, the local HTTP API, the OpenAPI
 * document and the authorisation-matrix test all read this one list.
 */
export const CAPABILITIES: Capability[] = [
  { name: 'agencies', entry: 'functions/agencies/handler.ts', routes: agencyRoutes },
  {
    name: 'identity',
    entry: 'functions/identity/handler.ts',
    routes: identityRoutes,
  },
  { name: 'audit', entry: 'functions/audit/handler.ts', routes: auditRoutes },
  { name: 'claims', entry: 'functions/claims/handler.ts', routes: claimRoutes },
  { name: 'files', entry: 'functions/files/handler.ts', routes: fileRoutes },
  { name: 'surveys', entry: 'functions/surveys/handler.ts', routes: surveyRoutes },
];
