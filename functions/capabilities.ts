import type { Capability } from '#commons/http/route';
import { directoryFromRegistry, plugOrganisationDirectory } from '#commons/organisation-directory';
import { activityRoutes } from './activity/routes.ts';
import { KOREAN_FONT_FILE } from './agencies/fonts.ts';
import { getOrganisation, listOrganisations } from './agencies/repository.ts';
import { agencyRoutes } from './agencies/routes.ts';
import { exemptionRoutes } from './applications/exemption-routes.ts';
import { applicationRoutes } from './applications/routes.ts';
import { plugActiveMatchings } from './assistants/matchings.ts';
import { assistantRoutes } from './assistants/routes.ts';
import { plugTrainingRecords } from './assistants/training-records.ts';
import { attendanceRoutes } from './attendance/routes.ts';
import { auditRoutes } from './audit/routes.ts';
import { claimMonthFigures } from './claims/payroll-figures.ts';
import { claimRoutes } from './claims/routes.ts';
import { fileRoutes } from './files/routes.ts';
import { pendingUploadPrefix } from './files/rules.ts';
import { identityRoutes } from './identity/routes.ts';
import { inboxRoutes } from './inbox/routes.ts';
import { leaveRoutes } from './leave/routes.ts';
import { countActiveByAssistant } from './matching/repository.ts';
import { matchingRoutes } from './matching/routes.ts';
import { plugPageRatings } from './oversight/page-feedback.ts';
import { oversightRoutes } from './oversight/routes.ts';
import { plugMonthFigures } from './payroll/month-figures.ts';
import { payrollRoutes } from './payroll/routes.ts';
import { rateRoutes } from './rates/routes.ts';
import { ratingsOfPage } from './surveys/repository.ts';
import { surveyRoutes } from './surveys/routes.ts';
import { trainingRecordsOfPeople } from './training/completions.ts';
import { trainingRoutes } from './training/routes.ts';

// what assistants reads of matching, plugged in here for the local API (the Lambda: assistants/handler.ts)
plugActiveMatchings(countActiveByAssistant);
// what assistants' 인력조회 reads of training (the Lambda: assistants/handler.ts)
plugTrainingRecords(trainingRecordsOfPeople);
// what payroll reads of the month's claim, likewise (the Lambda: payroll/handler.ts)
plugMonthFigures(claimMonthFigures);
// what training and oversight read of the organisation registry, likewise (their Lambda entries)
plugOrganisationDirectory(directoryFromRegistry(getOrganisation, listOrganisations));
plugPageRatings(ratingsOfPage);

/**
 * Every capability's router Lambda and its routes. The CDK API, the local HTTP API, the OpenAPI
 * document and the authorisation-matrix test all read this one list.
 */
export const CAPABILITIES: Capability[] = [
  // the agreement PDFs embed a Korean font, shipped beside the bundle
  { name: 'agencies', entry: 'functions/agencies/handler.ts', routes: agencyRoutes, files: [KOREAN_FONT_FILE] },
  {
    name: 'identity',
    entry: 'functions/identity/handler.ts',
    routes: identityRoutes,
  },
  { name: 'audit', entry: 'functions/audit/handler.ts', routes: auditRoutes },
  // the co-payment statements embed the same Korean font
  { name: 'claims', entry: 'functions/claims/handler.ts', routes: claimRoutes, files: [KOREAN_FONT_FILE] },
  // the yearly rate tables: hq edits them; claims, payroll, applications and attendance read them
  { name: 'rates', entry: 'functions/rates/handler.ts', routes: rateRoutes },
  { name: 'files', entry: 'functions/files/handler.ts', routes: fileRoutes },
  { name: 'surveys', entry: 'functions/surveys/handler.ts', routes: surveyRoutes },
  // service applications (B1) and the co-payment exemption recorded on their evaluation (C7)
  {
    name: 'applications',
    entry: 'functions/applications/handler.ts',
    routes: [...applicationRoutes, ...exemptionRoutes],
  },
  { name: 'assistants', entry: 'functions/assistants/handler.ts', routes: assistantRoutes },
  { name: 'matching', entry: 'functions/matching/handler.ts', routes: matchingRoutes },
  // the printed activity logs embed the same Korean font
  { name: 'activity', entry: 'functions/activity/handler.ts', routes: activityRoutes, files: [KOREAN_FONT_FILE] },
  // the leave-promotion notices embed the same Korean font
  { name: 'leave', entry: 'functions/leave/handler.ts', routes: leaveRoutes, files: [KOREAN_FONT_FILE] },
  // a landed attendance file starts its own import
  {
    name: 'attendance',
    entry: 'functions/attendance/handler.ts',
    routes: attendanceRoutes,
    uploadEvents: { entry: 'functions/attendance/upload-event.ts', keyPrefix: pendingUploadPrefix('attendance') },
  },
  // the pay slips embed the same Korean font
  { name: 'payroll', entry: 'functions/payroll/handler.ts', routes: payrollRoutes, files: [KOREAN_FONT_FILE] },
  // courses, the portal calendar, applications and the waiting list (SPEC E1)
  { name: 'training', entry: 'functions/training/handler.ts', routes: trainingRoutes },
  // notices and forms, the staff board (F2), hq's page-satisfaction report (F3); inspections to come
  { name: 'oversight', entry: 'functions/oversight/handler.ts', routes: oversightRoutes },
  // the staff inbox: every staff notice (commons/notify.ts) lands in it (issue 15 §7)
  { name: 'inbox', entry: 'functions/inbox/handler.ts', routes: inboxRoutes },
];
