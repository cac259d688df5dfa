import type { Route } from '../shell/app.ts';
import { CERTIFICATE_CHECK_PATH, certificateCheckPage } from './certificate-page.ts';
import { COMPLETERS_PATH, completersPage } from './completers-page.ts';
import { INTERNAL_COURSES_PATH, internalCoursesPage } from './course-list-page.ts';
import { COURSE_APPLICATIONS_PATH, COURSES_PATH, courseApplicationsPage, coursesPage } from './institution-pages.ts';
import {
  MY_TRAININGS_PATH,
  myTrainingsPage,
  TRAININGS_PATH,
  trainingDetailPage,
  trainingsPage,
} from './portal-pages.ts';
import { COURSE_RESULTS_PATH, courseResultsPage } from './results-page.ts';

// Training screens (SPEC E1): the portal's 근로지원인 교육 안내 및 신청 and My page's 교육 신청 결과,
// the institution's 교육과정 개설 and 교육신청 관리; the menus of web/src/shell/systems.ts link here.
export const TRAINING_ROUTES: Route[] = [
  { path: TRAININGS_PATH, system: 'portal', page: trainingsPage },
  { path: CERTIFICATE_CHECK_PATH, system: 'portal', page: certificateCheckPage },
  { path: `${TRAININGS_PATH}/:courseId`, system: 'portal', page: trainingDetailPage },
  {
    path: MY_TRAININGS_PATH,
    system: 'portal',
    page: myTrainingsPage,
    roles: ['assistant', 'worker', 'youth', 'jobseeker', 'employer'],
  },
  { path: COURSES_PATH, system: 'agency', page: coursesPage, roles: ['trainer'] },
  { path: COURSE_APPLICATIONS_PATH, system: 'agency', page: courseApplicationsPage, roles: ['trainer'] },
  { path: COURSE_RESULTS_PATH, system: 'agency', page: courseResultsPage, roles: ['trainer'] },
  { path: COMPLETERS_PATH, system: 'agency', page: completersPage, roles: ['agency'] },
  { path: INTERNAL_COURSES_PATH, system: 'internal', page: internalCoursesPage, roles: ['branch', 'hq'] },
];
