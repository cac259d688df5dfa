import { recordAudit, recordPersonalDataRead } from '#commons/audit-trail';
import { readDocument, sha256Hex, writeDocument } from '#commons/documents';
import { Conflict, Forbidden, NotFound, RuleViolation, ValidationFailed } from '#commons/errors';
import { defineRoute } from '#commons/http/route';
import { smsToPerson } from '#commons/notify';
import type { Target } from '#commons/policy';
import { getOrganisation } from '#functions/agencies/repository';
import type { AssistantItem } from '#functions/assistants/entities';
import { getAssistant, listAssistantsByUser } from '#functions/assistants/repository';
import * as clock from '#kernel/clock';
import { shiftDay } from '#kernel/korea-time';
import { agencyLeaveRows } from './agency-list.ts';
import {
  answerBody,
  assistantParams,
  excessReasonBody,
  excessReasonParams,
  excessReasonResponse,
  issuedNoticeResponse,
  issueNoticeBody,
  leaveListResponse,
  ledgerResponse,
  listQuery,
  myLeaveResponse,
  noticeParams,
  noticePdfResponse,
  noticeView as noticeViewSchema,
  profileBody,
  yearQuery,
} from './contract.ts';
import type { LeaveExcessReasonItem, LeaveNoticeItem } from './entities.ts';
import { employedIn } from './inputs.ts';
import { leaveNoticePdf } from './notice-pdf.ts';
import { assistantOfNoticeId, dateListProblems } from './notices.ts';
import { overviewRoutes } from './overview-routes.ts';
import { answerNotice, createNotice, getNotice, getSetting, saveReason, saveSetting } from './repository.ts';
import { checkLeaveProfile, formatLeaveAmount } from './rules.ts';
import { ledgerView, loadAssistantLeave, noticeView } from './service.ts';

// 연차 관리 (SPEC D1): the agency's list by year (seed 000 columns and the masked mobile phone), one
// assistant's ledger with use by month and the promotion notices (§61) to issue, the setting the
// rules need beyond the registration and matchings, and reasons for use beyond the entitlement; the
// assistant's own leave with the notices to answer.

const LABELS = {
  agencyId: '수행기관',
  year: '적용년도',
  assistantId: '근로지원인',
  weeklyContractMinutes: '주 소정근로시간',
  basis: '연차 산정 기준',
  fiscalYearStart: '회계연도 시작일',
  carryOverLimitDays: '이월 한도',
  contractChanges: '근로시간 변경',
  noticeId: '사용촉진 통지',
  designatedDates: '지정한 사용일',
  dates: '사용할 날짜',
  note: '남길 말',
  date: '연차 사용일',
  reason: '초과 사용 사유',
  revision: '불러온 버전',
};

const currentYear = () => Number(clock.today().slice(0, 4));

async function assistantOr404(assistantId: string): Promise<AssistantItem> {
  const assistant = await getAssistant(assistantId);
  if (!assistant) throw new NotFound('근로지원인');
  return assistant;
}

/**
 * A notice, after the scope check on the assistant its id names: another agency (or another
 * assistant) is refused whether or not the notice exists, so ids cannot be probed.
 */
async function noticeInScope(
  noticeId: string,
  allow: (target: Target) => void,
): Promise<LeaveNoticeItem & { subjectId: string }> {
  const assistantId = assistantOfNoticeId(noticeId);
  const assistant = assistantId ? await getAssistant(assistantId) : undefined;
  if (!assistant) throw new NotFound('사용촉진 통지');
  allow({ agencyId: assistant.agencyId, branchId: assistant.branchId, userId: assistant.userId });
  const notice = await getNotice(noticeId);
  if (!notice || notice.assistantId !== assistant.assistantId) throw new NotFound('사용촉진 통지');
  return { ...notice, subjectId: assistant.userId ?? assistant.assistantId };
}

function fail(fields: { field: string; label: string; message: string }[]): never {
  throw new ValidationFailed(fields, fields.map((f) => f.message).join(' '));
}

/** The assistant hears of a notice by SMS and answers it in the portal; a failed message never undoes the notice. */
async function tellAssistant(notice: LeaveNoticeItem): Promise<void> {
  if (!notice.assistantUserId) return;
  const unused = formatLeaveAmount(notice.unusedMinutes, notice.dailyMinutes);
  const ask =
    notice.action === 'request'
      ? `${notice.replyBy}까지 연차를 쓸 날짜를 정해 알려 주세요.`
      : `지정한 사용일: ${notice.designatedDates.join(', ')}. 확인했다고 알려 주세요.`;
  const text = `[연차 사용촉진 ${notice.round}차] ${notice.agencyName}에서 연차 사용촉진 통지서를 보냈습니다. 남은 연차 ${unused}(사용기간 ${notice.periodEnd}까지). ${ask} 근로지원인 포털 > 마이페이지 > 나의 연차(/my/annual-leave)에서 통지서(${notice.pdfFileName})를 보고 답할 수 있습니다.`;
  await smsToPerson(notice.assistantUserId, text, 'leave-promotion');
}

export const leaveRoutes = [
  defineRoute({
    method: 'GET',
    path: '/leave',
    summary: '연차관리 목록: 수행기관의 근로지원인별 적용년도 연차 발생·사용·이월과 월별 사용',
    response: leaveListResponse,
    access: { action: 'read', resource: 'leave', roles: ['agency', 'branch', 'hq'] },
    query: listQuery,
    labels: LABELS,
    handle: async ({ query, caller, allow }) => {
      const agency = await getOrganisation(query.agencyId);
      if (agency?.kind !== 'agency') throw new NotFound('수행기관');
      allow({ agencyId: agency.organisationId, branchId: agency.branchId });
      const year = query.year ?? currentYear();
      const day = clock.today();
      const { rows, subjects } = await agencyLeaveRows(agency.organisationId, year, day);
      await recordPersonalDataRead(caller!, {
        action: 'leave.list',
        targetType: 'organisation',
        targetId: `${agency.organisationId}#${year}`,
        branchId: agency.branchId,
        subjects,
      });
      return { body: { agencyId: agency.organisationId, agencyName: agency.name, year, asOf: day, rows } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/leave/assistants/{assistantId}',
    summary: '연차 대장: 근로지원인 한 명의 발생·사용·소멸, 월별 사용, 사용촉진 제안과 발행 기록',
    response: ledgerResponse,
    access: { action: 'read', resource: 'leave', roles: ['agency', 'branch', 'hq'] },
    params: assistantParams,
    query: yearQuery,
    labels: LABELS,
    handle: async ({ params, query, caller, allow }) => {
      const assistant = await assistantOr404(params.assistantId);
      allow({ agencyId: assistant.agencyId, branchId: assistant.branchId });
      const year = query.year ?? currentYear();
      const leave = await loadAssistantLeave(assistant, year, clock.today());
      await recordAudit(caller!, {
        action: 'leave.read',
        targetType: 'assistant',
        targetId: assistant.assistantId,
        subjectId: assistant.userId ?? assistant.assistantId,
        branchId: assistant.branchId,
      });
      return { body: { year, asOf: leave.ledger.asOf, ...ledgerView(leave) } };
    },
  }),
  defineRoute({
    method: 'PUT',
    path: '/leave/assistants/{assistantId}/profile',
    summary: '연차 산정 설정 저장: 주 소정근로시간, 산정 기준(입사일·회계연도), 이월 한도',
    response: ledgerResponse,
    access: { action: 'update', resource: 'leave', roles: ['agency'] },
    params: assistantParams,
    body: profileBody,
    labels: LABELS,
    handle: async ({ params, body, caller, allow }) => {
      const assistant = await assistantOr404(params.assistantId);
      allow({ agencyId: assistant.agencyId, branchId: assistant.branchId });
      const fiscalYearStart = body.basis === 'fiscalYear' ? (body.fiscalYearStart ?? '01-01') : undefined;
      const problems = checkLeaveProfile({
        hireDate: assistant.hireDate,
        endDate: assistant.leaveDate ?? null,
        weeklyContractMinutes: body.weeklyContractMinutes,
        contractChanges: body.contractChanges ?? [],
        basis: body.basis,
        ...(fiscalYearStart ? { fiscalYearStart } : {}),
      });
      if (problems.length) fail(problems.map((p) => ({ ...p, field: `body.${p.field}` })));
      const before = await getSetting(assistant.assistantId);
      if ((before?.revision ?? 0) !== body.revision) {
        throw new Conflict(
          '방금 다른 담당자가 연차 산정 설정을 먼저 바꿨습니다. 화면을 새로 고쳐 확인한 뒤 다시 저장해 주세요.',
          'STALE',
        );
      }
      await saveSetting(
        caller!,
        {
          action: 'leave.profile.save',
          targetType: 'assistant',
          targetId: assistant.assistantId,
          branchId: assistant.branchId,
        },
        before,
        {
          assistantId: assistant.assistantId,
          agencyId: assistant.agencyId,
          branchId: assistant.branchId,
          weeklyContractMinutes: body.weeklyContractMinutes,
          contractChanges: body.contractChanges ?? [],
          basis: body.basis,
          ...(fiscalYearStart ? { fiscalYearStart } : {}),
          ...(body.carryOverLimitDays ? { carryOverLimitDays: body.carryOverLimitDays } : {}),
          revision: (before?.revision ?? 0) + 1,
          updatedBy: caller!.userId,
          updatedAt: clock.nowIso(),
        },
      );
      const leave = await loadAssistantLeave(assistant, currentYear(), clock.today());
      return { body: { year: currentYear(), asOf: leave.ledger.asOf, ...ledgerView(leave) } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/leave/assistants/{assistantId}/notices',
    summary: '연차 사용촉진 통지 발행 (1·2·3차): PDF를 보관하고 근로지원인에게 알림',
    response: issuedNoticeResponse,
    access: { action: 'issue', resource: 'leaveNotice', roles: ['agency'] },
    params: assistantParams,
    body: issueNoticeBody,
    labels: LABELS,
    handle: async ({ params, body, caller, allow }) => {
      const assistant = await assistantOr404(params.assistantId);
      allow({ agencyId: assistant.agencyId, branchId: assistant.branchId });
      const day = clock.today();
      const leave = await loadAssistantLeave(assistant, Number(day.slice(0, 4)), day);
      const found = leave.periods
        .flatMap(({ period, notices }) => notices.map((notice) => ({ period, notice })))
        .find(({ notice }) => notice.noticeId === body.noticeId);
      if (!found) {
        throw new RuleViolation(
          '이 사용촉진 통지는 지금 발행할 수 있는 목록에 없습니다. 연차 대장 화면을 새로 고쳐 다시 골라 주세요.',
          'LEAVE_NOTICE_UNKNOWN',
        );
      }
      const { period, notice } = found;
      if (!notice.canIssue) {
        // issued already (a second click, another person): 409; not yet or not needed: 400
        throw notice.issued
          ? new Conflict(notice.blockedReason!, 'LEAVE_NOTICE_ISSUED')
          : new RuleViolation(notice.blockedReason!, 'LEAVE_NOTICE_NOT_NOW');
      }
      const designatedDates = [...new Set(body.designatedDates ?? [])].sort();
      if (notice.action !== 'request') {
        const problems = dateListProblems(
          body.designatedDates ?? [],
          day,
          period.periodEnd,
          'body.designatedDates',
          '지정한 사용일',
        );
        if (problems.length) fail(problems);
      }
      const issuedAt = clock.nowIso();
      const replyBy = notice.action === 'request' ? shiftDay(day, 10) : undefined;
      const pdf = await leaveNoticePdf({
        noticeId: notice.noticeId,
        round: notice.round,
        action: notice.action,
        label: notice.label,
        statute: notice.statute,
        agencyName: assistant.agencyName,
        assistantName: assistant.name,
        periodEnd: period.periodEnd,
        unusedMinutes: notice.unusedMinutes,
        dailyMinutes: leave.ledger.dailyMinutes,
        issuedAt,
        ...(replyBy ? { replyBy } : {}),
        designatedDates: notice.action === 'request' ? [] : designatedDates,
        late: notice.late,
      });
      const pdfKey = `leave/notices/${assistant.assistantId}/${notice.noticeId}/${sha256Hex(pdf)}.pdf`;
      await writeDocument(pdfKey, pdf, 'application/pdf');
      const item: LeaveNoticeItem = {
        noticeId: notice.noticeId,
        assistantId: assistant.assistantId,
        ...(assistant.userId ? { assistantUserId: assistant.userId } : {}),
        assistantName: assistant.name,
        agencyId: assistant.agencyId,
        agencyName: assistant.agencyName,
        branchId: assistant.branchId,
        kind: period.kind,
        periodEnd: period.periodEnd,
        round: notice.round,
        action: notice.action,
        batch: notice.batch,
        label: notice.label,
        statute: notice.statute,
        proposedDate: notice.proposedDate,
        issueBy: notice.issueBy,
        ...(replyBy ? { replyBy } : {}),
        unusedMinutes: notice.unusedMinutes,
        dailyMinutes: leave.ledger.dailyMinutes,
        designatedDates: notice.action === 'request' ? [] : designatedDates,
        issuedAt,
        issuedBy: caller!.userId,
        pdfKey,
        pdfFileName: `연차사용촉진_${notice.round}차_${notice.noticeId}.pdf`,
        status: 'issued',
        revision: 1,
      };
      await createNotice(
        caller!,
        {
          action: 'leave.notice.issue',
          targetType: 'leaveNotice',
          targetId: notice.noticeId,
          subjectId: assistant.userId ?? assistant.assistantId,
          branchId: assistant.branchId,
        },
        item,
      );
      await tellAssistant(item);
      return { status: 201, body: { ...noticeView(item), late: notice.late } };
    },
  }),
  defineRoute({
    method: 'PUT',
    path: '/leave/assistants/{assistantId}/excess-reasons/{date}',
    summary: '연차 초과 사용 사유 기록: 남은 연차보다 많이 쓴 날의 사유',
    response: excessReasonResponse,
    access: { action: 'update', resource: 'leave', roles: ['agency'] },
    params: excessReasonParams,
    body: excessReasonBody,
    labels: LABELS,
    handle: async ({ params, body, caller, allow }) => {
      const assistant = await assistantOr404(params.assistantId);
      allow({ agencyId: assistant.agencyId, branchId: assistant.branchId });
      const year = Number(params.date.slice(0, 4));
      const leave = await loadAssistantLeave(assistant, year, clock.today());
      const use = leave.ledger.uses.find((u) => u.date === params.date);
      if (!use) {
        throw new RuleViolation(
          `${params.date}에는 활동일지에 연차 사용이 없습니다. 날짜를 확인해 주세요.`,
          'LEAVE_USE_NOT_FOUND',
        );
      }
      if (!use.reasonRequired) {
        throw new RuleViolation(
          `${params.date}의 연차 사용은 남은 연차 안이어서 초과 사용 사유가 필요 없습니다.`,
          'LEAVE_NOT_EXCESS',
        );
      }
      const before = leave.reasons.find((r) => r.date === params.date);
      if ((before?.revision ?? 0) !== body.revision) {
        throw new Conflict(
          '방금 다른 담당자가 이 날의 사유를 먼저 바꿨습니다. 화면을 새로 고쳐 확인한 뒤 다시 저장해 주세요.',
          'STALE',
        );
      }
      const after: LeaveExcessReasonItem = {
        assistantId: assistant.assistantId,
        date: params.date,
        agencyId: assistant.agencyId,
        branchId: assistant.branchId,
        reason: body.reason,
        recordedBy: caller!.userId,
        recordedAt: clock.nowIso(),
        revision: (before?.revision ?? 0) + 1,
      };
      await saveReason(
        caller!,
        {
          action: 'leave.excessReason.save',
          targetType: 'assistant',
          targetId: `${assistant.assistantId}_${params.date}`,
          branchId: assistant.branchId,
        },
        before,
        after,
      );
      return { body: { date: after.date, reason: after.reason, revision: after.revision } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/leave/notices/{noticeId}/pdf',
    summary: '연차 사용촉진 통지서 내려받기 (PDF)',
    response: noticePdfResponse,
    access: { action: 'read', resource: 'leaveNotice', roles: ['agency', 'branch', 'hq', 'assistant'] },
    params: noticeParams,
    labels: LABELS,
    handle: async ({ params, caller, allow }) => {
      const notice = await noticeInScope(params.noticeId, allow);
      await recordPersonalDataRead(caller!, {
        action: 'leaveNotice.download',
        targetType: 'leaveNotice',
        targetId: notice.noticeId,
        subjects: [notice.subjectId],
      });
      const bytes = await readDocument(notice.pdfKey);
      return {
        body: {
          fileName: notice.pdfFileName,
          contentType: 'application/pdf',
          base64: Buffer.from(bytes).toString('base64'),
        },
      };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/leave/notices/{noticeId}/answer',
    summary: '근로지원인: 사용촉진 통지에 답하기 (1차는 사용할 날짜, 2·3차는 확인)',
    response: noticeViewSchema,
    access: { action: 'answer', resource: 'leaveNotice', roles: ['assistant'] },
    params: noticeParams,
    body: answerBody,
    labels: LABELS,
    handle: async ({ params, body, caller, allow }) => {
      const notice = await noticeInScope(params.noticeId, allow);
      // the assistant whose login is on the notice answers it (a later registration's login may differ)
      if (notice.assistantUserId !== caller!.userId) throw new Forbidden('본인에게 온 통지에만 답할 수 있습니다.');
      if (notice.status === 'answered') {
        throw new Conflict(
          `이 통지에는 ${notice.answeredAt!.slice(0, 10)}에 이미 답했습니다.`,
          'LEAVE_NOTICE_ANSWERED',
        );
      }
      if (notice.revision !== body.revision) {
        throw new Conflict('통지 내용이 바뀌었습니다. 화면을 새로 고쳐 확인한 뒤 다시 답해 주세요.', 'STALE');
      }
      const day = clock.today();
      const dates = [...new Set(body.dates ?? [])].sort();
      if (notice.action === 'request') {
        const problems = dateListProblems(body.dates ?? [], day, notice.periodEnd, 'body.dates', '사용할 날짜');
        if (problems.length) fail(problems);
      }
      await answerNotice(
        caller!,
        {
          action: 'leave.notice.answer',
          targetType: 'leaveNotice',
          targetId: notice.noticeId,
          subjectId: caller!.userId,
          branchId: notice.branchId,
        },
        notice,
        {
          answerDates: notice.action === 'request' ? dates : [],
          answeredAt: clock.nowIso(),
          ...(body.note ? { answerNote: body.note } : {}),
        },
      );
      return { body: noticeView((await getNotice(notice.noticeId))!) };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/me/leave',
    summary: '근로지원인: 나의 연차 (남은 연차, 발생과 사용, 사용촉진 통지)',
    response: myLeaveResponse,
    access: { action: 'read', resource: 'ownLeave', roles: ['assistant'] },
    query: yearQuery,
    labels: LABELS,
    handle: async ({ query, caller, allow }) => {
      allow({ userId: caller!.userId });
      const year = query.year ?? currentYear();
      const day = clock.today();
      const registrations = (await listAssistantsByUser(caller!.userId)).filter((a) =>
        employedIn(year, a.hireDate, a.leaveDate),
      );
      const employments = [];
      for (const assistant of registrations) {
        const leave = await loadAssistantLeave(assistant, year, day);
        const view = ledgerView(leave);
        employments.push({
          assistantId: assistant.assistantId,
          agencyName: assistant.agencyName,
          hireDate: assistant.hireDate,
          leaveDate: assistant.leaveDate ?? null,
          balanceMinutes: leave.ledger.balanceMinutes,
          balanceText: view.balanceText,
          dailyMinutes: leave.ledger.dailyMinutes,
          row: view.row,
          grants: view.grants,
          uses: view.uses,
          notices: view.notices,
        });
      }
      return { body: { year, asOf: day, employments } };
    },
  }),
  // the internal system's read-only view of every agency in scope
  ...overviewRoutes,
];
