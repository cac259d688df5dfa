import type { Capability } from '#commons/http/route';
import { agencyRoutes } from './agencies/routes.ts';

/**
 * Every capability's router Lambda and its routes. The CDK API, the local HTTP API, the OpenAPI
 * document and the authorisation-matrix test all read this one list.
 */
export const CAPABILITIES: Capability[] = [
  { name: 'agencies', entry: 'functions/agencies/handler.ts', routes: agencyRoutes },
];
