import { AuditRecord, AuditSubject } from '#commons/audit-trail';
import { UserProfile } from '#commons/caller-profile';
import { StaffMessage } from '#commons/staff-inbox';
import { ActivityDay, ActivityLogEntry, ConsentRound } from '#functions/activity/entities';
import { Agreement, Organisation, Seal } from '#functions/agencies/entities';
import { ServiceApplication } from '#functions/applications/entities';
import { ActivityApplication, Assistant, AssistantRrnClaim, JobPosting } from '#functions/assistants/entities';
import {
  AttendanceImport,
  AttendanceJustification,
  AttendanceMonth,
  AttendanceRecord,
  AttendanceSetting,
  AttendanceUpload,
  MonthSubmission,
} from '#functions/attendance/entities';
import { Claim, ClaimLine, Copayment, RateCorrection, Settlement } from '#functions/claims/entities';
import { Upload } from '#functions/files/entities';
import { UPLOAD_PURPOSES, type UploadPurposeName } from '#functions/files/rules';
import { PhoneChange, SignInChallenge, SignInGuard, StaffRequest } from '#functions/identity/entities';
import { LeaveExcessReason, LeaveNotice, LeaveProfileSetting } from '#functions/leave/entities';
import { Matching } from '#functions/matching/entities';
import { BoardPost, BoardThread, Notice, NoticeAcknowledgement } from '#functions/oversight/entities';
import { PayrollRecord, PayrollSetting } from '#functions/payroll/entities';
import { RateTableVersion } from '#functions/rates/entities';
import { PageFeedback } from '#functions/surveys/entities';
import { TrainingApplication, TrainingCertificate, TrainingCourse } from '#functions/training/entities';
import type { CapabilityGrants, WorkflowGrants } from '../constructs/function-grants.ts';

// What each Lambda of the product may reach, declared per capability and read from its code: the
// entities its repositories read and write (plus the caller's UserProfile, which the API edge reads for
// every route that needs a token, and AuditRecord, written with every audited change, with AuditSubject
// where a read names several people), the document
// key prefixes it writes (key builders named below), the upload purposes it signs, takes or checks,
// resident numbers, SMS and user administration. test/cdk/capability-grants.test.ts checks every
// function's synthesized policies against its entry here, and its bundled code against both: a grant
// its code needs but that is missing here, or one here that its code never uses, fails that test.

/** Every upload purpose (files/rules.ts): the files router signs and checks uploads of any of them. */
const ALL_PURPOSES = Object.keys(UPLOAD_PURPOSES) as UploadPurposeName[];

/** API routers (one per capability) and upload handlers, keyed by capability name (CAPABILITIES). */
export const CAPABILITY_GRANTS: Record<string, CapabilityGrants> = {
  // Organisations, seals (A2) and agreements (A3). Seal images: seals/<org>/… (seals.ts imageKey);
  // agreement PDFs: agreements/<id>/… (agreements.ts storeDocument), which embed the seal images. A
  // requested seal is taken from its pending upload. Staff notices go to the staff inbox (no SMS).
  agencies: {
    router: {
      table: { write: [Organisation, Seal, Agreement, AuditRecord, StaffMessage], read: [Upload, UserProfile] },
      documents: { read: ['seals/', 'agreements/'], write: ['seals/', 'agreements/'] },
      uploads: { read: ['seal'], remove: ['seal'] },
    },
  },
  // Sign-in, sign-up and accounts: the sign-in state (guard, challenges), profiles, staff requests with
  // their pledge (checked where it landed; the branch hears of one in its staff inbox), SMS to the
  // person, and Cognito administration (groups, MFA, branch staff, withdrawal).
  identity: {
    router: {
      table: {
        write: [
          UserProfile,
          SignInGuard,
          SignInChallenge,
          PhoneChange,
          StaffRequest,
          Upload,
          AuditRecord,
          AuditSubject,
          StaffMessage,
        ],
        read: [Organisation],
      },
      uploads: { read: ['pledge'], remove: ['pledge'] },
      sms: true,
      userPool: 'administer',
    },
  },
  // Reads the audit trail.
  audit: { router: { table: { write: [AuditRecord, AuditSubject], read: [UserProfile] } } },
  // Claims, co-payments and settlements; starts and answers the claim-month and settlement workflows
  // (WorkflowDefinition.usedBy). Each submit and decision lands in the other side's staff inbox. A
  // corrected rate table (read from rates) recomputes decided claims; a carried difference is stored.
  claims: {
    router: {
      table: {
        write: [Claim, Copayment, Settlement, RateCorrection, AuditRecord, AuditSubject, StaffMessage],
        read: [
          ClaimLine,
          Organisation,
          UserProfile,
          // the month-end pre-check: the month's logs, the matchings and evaluations they name, the
          // month's submission or else its work-history comparison, the year's rate table; the claim's
          // 세부 활동내용 also names each pair's workplace, decided hours and the assistant's birth date
          ActivityLogEntry,
          Matching,
          ServiceApplication,
          Assistant,
          MonthSubmission,
          AttendanceMonth,
          AttendanceRecord,
          AttendanceJustification,
          AttendanceSetting,
          RateTableVersion,
        ],
      },
    },
  },
  // The yearly rate tables: hq saves a new version (audited), every reader reads them.
  rates: { router: { table: { write: [RateTableVersion, AuditRecord], read: [UserProfile] } } },
  // Presigned uploads of every purpose: signs the PUT, checks what landed, deletes a refused file.
  files: {
    router: {
      table: { write: [Upload], read: [UserProfile] },
      uploads: { sign: ALL_PURPOSES, read: ALL_PURPOSES, remove: ALL_PURPOSES },
    },
  },
  // Anonymous page feedback: puts one PageFeedback item, nothing else. Its only route is public, so
  // the edge never reads a caller's profile.
  surveys: { router: { table: { put: [PageFeedback] } } },
  // Service applications (B1): each step is audited and sent to the applicant by SMS, and to the staff
  // of the branch or agency that acts next in their inbox.
  applications: {
    router: {
      table: {
        write: [ServiceApplication, AuditRecord, AuditSubject, StaffMessage],
        read: [Organisation, RateTableVersion, UserProfile],
      },
      sms: true,
    },
  },
  // The only function that handles resident numbers: registration encrypts one and its lookup hash,
  // the one-agency check looks one up, "전체 보기" decrypts one, an accepted activity application
  // encrypts the applicant's. Qualification evidence: assistants/<id>/qualification-checks/…
  // (registry-routes.ts), taken from its pending upload. Activity applicants hear the decision by SMS;
  // the agency's staff find a new application in their inbox.
  assistants: {
    router: {
      table: {
        write: [Assistant, AssistantRrnClaim, JobPosting, ActivityApplication, AuditRecord, AuditSubject, StaffMessage],
        // 인력조회 reads each person's training applications (근무희망수행기관, 교육수료일자)
        read: [Matching, Organisation, Upload, UserProfile, TrainingApplication],
      },
      documents: { read: ['assistants/'], write: ['assistants/'] },
      uploads: { read: ['evidence'], remove: ['evidence'] },
      residentNumbers: ['encrypt', 'decrypt', 'lookup'],
      sms: true,
    },
  },
  // A matching writes the application's and the assistant's next versions with it (one transaction, a
  // condition on each revision); the worker and the assistant hear of it by SMS.
  matching: {
    router: {
      table: {
        write: [Matching, ServiceApplication, Assistant, AuditRecord, AuditSubject],
        read: [Organisation, RateTableVersion, UserProfile],
      },
      sms: true,
    },
  },
  // Activity logs and consent (C1, C2): consent snapshots, hand-signed scans (taken from their pending
  // upload) and printed months under activity/… (activity/storage.ts); a printed month is written only
  // if it does not exist yet (probe). The worker hears of a consent request by SMS.
  activity: {
    router: {
      table: {
        write: [ActivityLogEntry, ActivityDay, ConsentRound, AuditRecord, AuditSubject],
        read: [Assistant, Matching, Organisation, ServiceApplication, Upload, UserProfile],
      },
      documents: { read: ['activity/'], write: ['activity/'], probe: true },
      uploads: { read: ['consentScan'], remove: ['consentScan'] },
      sms: true,
    },
  },
  // Annual leave (D1): promotion notices as PDFs under leave/notices/… (leave/routes.ts), told by SMS.
  leave: {
    router: {
      table: {
        write: [LeaveProfileSetting, LeaveNotice, LeaveExcessReason, AuditRecord, AuditSubject],
        read: [ActivityLogEntry, Assistant, Matching, Organisation, UserProfile],
      },
      documents: { read: ['leave/notices/'], write: ['leave/notices/'] },
      sms: true,
    },
  },
  // Attendance (C3, C4): the router signs the month's upload and records the request; the upload
  // handler checks the landed file, streams it through the importer and records the import.
  attendance: {
    router: {
      table: {
        write: [
          AttendanceJustification,
          AttendanceSetting,
          AttendanceUpload,
          MonthSubmission,
          Upload,
          AuditRecord,
          AuditSubject,
        ],
        read: [
          ActivityLogEntry,
          AttendanceImport,
          AttendanceMonth,
          AttendanceRecord,
          Organisation,
          RateTableVersion,
          UserProfile,
        ],
      },
      uploads: { sign: ['attendance'] },
    },
    uploads: {
      table: {
        write: [AttendanceImport, AttendanceMonth, AttendanceRecord, AttendanceUpload, Upload, AuditRecord],
        read: [Assistant, MonthSubmission, UserProfile],
      },
      uploads: { read: ['attendance'], remove: ['attendance'] },
    },
  },
  // Payroll and pay slips (D2): the slips are made on request (no stored document); an issued slip is
  // told to the assistant by SMS.
  payroll: {
    router: {
      table: {
        write: [PayrollRecord, PayrollSetting, AuditRecord, AuditSubject],
        read: [ActivityLogEntry, Assistant, Claim, ClaimLine, Organisation, RateTableVersion, UserProfile],
      },
      sms: true,
    },
  },
  // Training (E1): courses and applications with their audit records; the institution and the
  // agencies a person names are read through the organisation port; applicants hear by SMS, the
  // institution's staff by a notice in their inbox (UserProfile read for both).
  training: {
    router: {
      table: {
        write: [TrainingCourse, TrainingApplication, TrainingCertificate, AuditRecord, AuditSubject, StaffMessage],
        // the rate table's completion threshold
        read: [Organisation, UserProfile, RateTableVersion],
      },
      sms: true,
    },
  },
  // Notices and forms (F2): hq and branches publish (audited), agencies and institutions acknowledge;
  // the staff board's threads and posts (audited); the agency registry is read for each reader's
  // branch and for who must acknowledge; hq's page-satisfaction report reads the page answers.
  oversight: {
    router: {
      table: {
        write: [Notice, NoticeAcknowledgement, BoardThread, BoardPost, AuditRecord],
        read: [Organisation, PageFeedback, UserProfile],
      },
    },
  },
  // The staff inbox (issue 15 §7): the caller's own messages, read and marked read.
  inbox: { router: { table: { write: [StaffMessage], read: [UserProfile] } } },
};

/** Step Functions task functions (by task key of the definition) and schedules, keyed by workflow name (WORKFLOWS). */
export const WORKFLOW_GRANTS: Record<string, WorkflowGrants> = {
  'claim-month': {
    tasks: {
      CheckSubmission: { table: { read: [MonthSubmission] } },
      // the workers' co-payment exemptions are read from their evaluations (ServiceApplication)
      ComputeClaim: {
        table: { write: [Claim, ClaimLine], read: [ActivityLogEntry, RateTableVersion, ServiceApplication] },
      },
      AwaitAgency: { table: { write: [Claim] } },
      AwaitBranch: { table: { write: [Claim] } },
      FinalizeClaim: { table: { write: [Claim, Copayment], read: [ClaimLine] } },
      MarkFailed: { table: { write: [Claim] } },
    },
    // creates each agency's claim of the month (audited) and starts its execution
    schedule: { table: { write: [Claim, AuditRecord], read: [Organisation] } },
  },
  // the settlement takes the rate-correction differences the branch carried (issue 15 §6)
  settlement: { tasks: { Settle: { table: { write: [Settlement, RateCorrection], read: [Claim] } } } },
};
