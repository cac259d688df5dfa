import type { Entity } from 'electrodb';
import { AuditRecord } from '#commons/audit-trail';
import { UserProfile } from '#commons/caller-profile';
import { StaffMessage } from '#commons/staff-inbox';
import { ActivityDay, ActivityLogEntry, ConsentRound } from './activity/entities.ts';
import { Agreement, Organisation, Seal } from './agencies/entities.ts';
import { ServiceApplication } from './applications/entities.ts';
import { ActivityApplication, Assistant, AssistantRrnClaim, JobPosting } from './assistants/entities.ts';
import {
  AttendanceImport,
  AttendanceJustification,
  AttendanceMonth,
  AttendanceRecord,
  AttendanceSetting,
  AttendanceUpload,
  MonthSubmission,
} from './attendance/entities.ts';
import { Claim, ClaimLine, Copayment, RateCorrection, Settlement } from './claims/entities.ts';
import { Upload } from './files/entities.ts';
import { PhoneChange, SignInChallenge, SignInGuard, StaffRequest } from './identity/entities.ts';
import { LeaveExcessReason, LeaveNotice, LeaveProfileSetting } from './leave/entities.ts';
import { Matching } from './matching/entities.ts';
import { BoardPost, BoardThread, Notice, NoticeAcknowledgement } from './oversight/entities.ts';
import { PayrollRecord, PayrollSetting } from './payroll/entities.ts';
import { RateTableVersion } from './rates/entities.ts';
import { PageFeedback } from './surveys/entities.ts';
import { TrainingApplication, TrainingCertificate, TrainingCourse } from './training/entities.ts';

/** Every entity in the single table. A test checks each one's indexes against TABLE_KEYS. */
// biome-ignore lint/suspicious/noExplicitAny: any entity shape
export const ENTITIES: Record<string, Entity<any, any, any, any>> = {
  Organisation,
  Seal,
  Agreement,
  UserProfile,
  SignInGuard,
  SignInChallenge,
  PhoneChange,
  StaffRequest,
  AuditRecord,
  RateTableVersion,
  Claim,
  ClaimLine,
  Copayment,
  Settlement,
  Upload,
  PageFeedback,
  ServiceApplication,
  Assistant,
  AssistantRrnClaim,
  JobPosting,
  ActivityApplication,
  Matching,
  ActivityLogEntry,
  ActivityDay,
  ConsentRound,
  AttendanceImport,
  AttendanceRecord,
  AttendanceMonth,
  AttendanceSetting,
  AttendanceUpload,
  AttendanceJustification,
  MonthSubmission,
  LeaveProfileSetting,
  LeaveNotice,
  LeaveExcessReason,
  PayrollSetting,
  PayrollRecord,
  TrainingCourse,
  TrainingApplication,
  TrainingCertificate,
  Notice,
  NoticeAcknowledgement,
  BoardThread,
  BoardPost,
  StaffMessage,
  RateCorrection,
};
