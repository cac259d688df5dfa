import { randomBytes } from 'node:crypto';
import { recordPersonalDataRead } from '#commons/audit-trail';
import { BRANCHES } from '#commons/branches';
import type { Caller } from '#commons/caller';
import { Conflict, type FieldProblem, NotFound, RuleViolation, ValidationFailed } from '#commons/errors';
import { defineRoute } from '#commons/http/route';
import { smsToPerson } from '#commons/notify';
import type { Target } from '#commons/policy';
import { agencyOf, holds, isHq, ownBranchOf } from '#commons/policy';
import { getOrganisation } from '#functions/agencies/repository';
import { label, SUPPORT_TYPES, WEEKDAY_LABELS } from '#functions/applications/codes';
import type { ServiceApplicationItem } from '#functions/applications/entities';
import { serviceLimits } from '#functions/applications/limits';
import { getApplication, notifyApplicant } from '#functions/applications/repository';
import { nextVersion } from '#functions/applications/steps';
import type { AssistantItem } from '#functions/assistants/entities';
import { loadAssistant } from '#functions/assistants/repository';
import { ASSISTANT_STATUS_LABELS, canBeMatched, qualificationState } from '#functions/assistants/rules';
import * as clock from '#kernel/clock';
import { koreaDay, lastDayOfMonth, shiftDay } from '#kernel/korea-time';
import {
  createMatchingBody,
  endMatchingBody,
  listMatchingsQuery,
  MATCHING_LABELS,
  matching,
  matchingList,
  matchingParams,
  myMatchingList,
} from './contract.ts';
import type { MatchingItem } from './entities.ts';
import {
  createMatching,
  getMatching,
  inForce,
  listByAgency,
  listByAssistant,
  listByBranch,
  listByWorker,
  saveMatching,
} from './repository.ts';
import { assistantProblems, type Problem, periodProblem, scheduleProblems, workerProblems } from './rules.ts';

// 매칭 (SPEC B3): the agency the branch sent the request to assigns one of its assistants to the worker
// for a period, with a weekly schedule and the decided support type. The rules of ./rules.ts refuse
// an inactive assistant, more than the configured number of workers at once, and hours beyond the
// decision; the maximum comes from hq's yearly rate table. The history stays per worker and per
// assistant.

const LABELS = MATCHING_LABELS;

function fail(problems: Problem[]): never {
  const fields: FieldProblem[] = problems.map((p) => ({
    field: `body.${p.field}`,
    label: LABELS[p.field] ?? LABELS[p.field.split('.')[0]!] ?? p.field,
    message: p.message,
  }));
  throw new ValidationFailed(fields, fields.map((f) => f.message).join(' '));
}

/** A refusal of the matching rules: the whole message says why and what to do. */
function refuse(problems: Problem[], code: string): void {
  if (problems.length) throw new RuleViolation(problems.map((p) => p.message).join(' '), code);
}

function shapeOf(
  m: Pick<
    MatchingItem,
    'matchingId' | 'workerId' | 'workerName' | 'workplaceKey' | 'workplaceName' | 'startDate' | 'endDate' | 'schedule'
  >,
) {
  return {
    matchingId: m.matchingId,
    workerId: m.workerId,
    workerName: m.workerName,
    workplaceKey: m.workplaceKey,
    workplaceName: m.workplaceName,
    startDate: m.startDate,
    endDate: m.endDate,
    schedule: m.schedule,
  };
}

export function scheduleText(schedule: MatchingItem['schedule']): string {
  return [...schedule]
    .sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start))
    .map((s) => `${WEEKDAY_LABELS[s.weekday]} ${s.start}~${s.end}`)
    .join(', ');
}

/** Why this assistant cannot be matched at all, whatever the schedule. */
export function assistantRefusal(assistant: AssistantItem, agencyId: string): string | undefined {
  if (assistant.agencyId !== agencyId) return '매칭의뢰를 받은 수행기관 소속 근로지원인만 매칭할 수 있습니다.';
  if (!canBeMatched(assistant.status)) {
    return `${assistant.name} 근로지원인은 지금 ‘${ASSISTANT_STATUS_LABELS[assistant.status]}’ 상태라 매칭할 수 없습니다. ‘대기’나 ‘활동’ 상태인 근로지원인을 골라 주세요.`;
  }
  const qualification = qualificationState(assistant);
  if (qualification === 'unchecked') {
    return `${assistant.name} 근로지원인은 자격제한 조회 기록이 없어 매칭할 수 없습니다. 근로지원인 관리에서 자격제한 조회 결과와 증빙을 먼저 기록해 주세요.`;
  }
  if (qualification === 'disqualified') {
    return `${assistant.name} 근로지원인은 가장 최근 자격제한 조회에서 결격사유가 확인되어 매칭할 수 없습니다.`;
  }
  return undefined;
}

function bumpAssistant(assistant: AssistantItem, by: string, at: string, today: string): AssistantItem {
  const last = assistant.statusHistory[assistant.statusHistory.length - 1]?.on ?? assistant.hireDate;
  const activate = assistant.status === 'waiting';
  return {
    ...assistant,
    revision: assistant.revision + 1,
    updatedAt: at,
    ...(activate
      ? {
          status: 'active' as const,
          statusHistory: [
            ...assistant.statusHistory,
            { status: 'active' as const, on: today > last ? today : last, by, at, reason: '매칭' },
          ],
        }
      : {}),
  };
}

function bumpApplication(item: ServiceApplicationItem, by: string, at: string, note: string): ServiceApplicationItem {
  if (item.status === 'matchingRequested') return nextVersion(item, 'matched', { by, at, note });
  // a later matching (a second assistant, a replacement) only moves the revision: the rules were
  // checked against this version, and a concurrent matching for the same worker must retry
  return { ...item, revision: item.revision + 1, updatedAt: at };
}

async function tellAssistant(assistant: AssistantItem, text: string): Promise<void> {
  await smsToPerson(assistant.userId, `[근로지원인] ${text}`, 'matching');
}

interface Scope {
  target: Target;
  agencyId?: string;
  branchIds: string[];
}

async function scopeOf(caller: Caller, query: { agencyId?: string; branchId?: string }): Promise<Scope> {
  const agencyId = query.agencyId ?? (isHq(caller) || holds(caller, 'branch') ? undefined : agencyOf(caller));
  if (agencyId) {
    const agency = await getOrganisation(agencyId);
    if (agency?.kind !== 'agency') throw new NotFound('수행기관');
    return { target: { agencyId, branchId: agency.branchId }, agencyId, branchIds: [agency.branchId] };
  }
  const branchId = query.branchId ?? (isHq(caller) ? undefined : ownBranchOf(caller));
  if (branchId) return { target: { branchId }, branchIds: [branchId] };
  if (!isHq(caller)) throw new RuleViolation('조회할 지사나 수행기관을 골라 주세요.');
  return { target: {}, branchIds: BRANCHES.map((b) => b.branchId) };
}

/** In force some day of the month (else of the year) the query names; no period, every matching. */
function inPeriod(m: { startDate: string; endDate: string }, query: { year?: number; month?: string }): boolean {
  const from = query.month ? `${query.month}-01` : query.year ? `${query.year}-01-01` : undefined;
  const to = query.month ? lastDayOfMonth(query.month) : query.year ? `${query.year}-12-31` : undefined;
  return (!from || m.endDate >= from) && (!to || m.startDate <= to);
}

export const matchingRoutes = [
  defineRoute({
    method: 'POST',
    path: '/matchings',
    summary: '매칭(수행기관): 근로지원인 배정, 기간, 주간 일정, 지원 유형 — 동시 지원 최대 인원과 결정 시간을 확인',
    response: matching,
    access: { action: 'create', resource: 'matching', roles: ['agency'] },
    body: createMatchingBody,
    labels: LABELS,
    handle: async ({ body, caller, allow }) => {
      const application = await getApplication(body.applicationId);
      if (!application) throw new NotFound('매칭의뢰');
      allow({ agencyId: application.requestedAgencyId ?? 'NONE' });
      if (application.status !== 'matchingRequested' && application.status !== 'matched') {
        throw new RuleViolation('매칭의뢰를 받은 신청만 매칭할 수 있습니다.', 'NOT_REQUESTED');
      }
      const decision = application.evaluation!;
      const assistant = await loadAssistant(body.assistantId);
      allow({ agencyId: assistant.agencyId });
      const refusal = assistantRefusal(assistant, application.requestedAgencyId!);
      if (refusal) throw new RuleViolation(refusal, 'ASSISTANT_NOT_AVAILABLE');
      if (body.supportType !== decision.supportType) {
        fail([
          {
            field: 'supportType',
            message: `지사가 결정한 지원 유형은 ${label(SUPPORT_TYPES, decision.supportType)}입니다. 같은 유형으로 매칭해 주세요.`,
          },
        ]);
      }
      const shapeProblems = [...scheduleProblems(body.schedule)];
      const period = periodProblem(body);
      if (period) shapeProblems.push(period);
      if (!period && body.startDate < assistant.hireDate) {
        shapeProblems.push({
          field: 'startDate',
          message: `매칭 시작일이 근로지원인의 입사일(${assistant.hireDate})보다 빠릅니다.`,
        });
      }
      if (shapeProblems.length) fail(shapeProblems);

      const candidate = {
        workerId: application.applicantId,
        workerName: application.applicantName,
        workplaceKey: application.workplace.businessNumber,
        workplaceName: application.workplace.companyName,
        startDate: body.startDate,
        endDate: body.endDate,
        schedule: body.schedule,
      };
      const workerMatchings = inForce(await listByWorker(application.applicantId)).map(shapeOf);
      refuse(workerProblems(candidate, workerMatchings, decision), 'WORKER_HOURS');
      const assistantMatchings = inForce(await listByAssistant(assistant.assistantId)).map(shapeOf);
      const { maxConcurrentWorkers } = await serviceLimits(candidate.startDate, candidate.endDate);
      refuse(assistantProblems(candidate, assistantMatchings, maxConcurrentWorkers), 'ASSISTANT_CONCURRENCY');

      const now = clock.now();
      const at = now.toISOString();
      const today = koreaDay(now);
      const item: MatchingItem = {
        ...candidate,
        matchingId: `MT-${today.replace(/-/g, '')}-${randomBytes(3).toString('hex').toUpperCase()}`,
        applicationId: application.applicationId,
        assistantId: assistant.assistantId,
        assistantName: assistant.name,
        assistantUserId: assistant.userId,
        agencyId: assistant.agencyId,
        agencyName: assistant.agencyName,
        branchId: application.branchId,
        supportType: body.supportType,
        status: 'active',
        note: body.note,
        createdBy: caller!.userId,
        createdAt: at,
        revision: 1,
      };
      const nextApplication = bumpApplication(
        application,
        caller!.userId,
        at,
        `${assistant.name} (${assistant.agencyName})`,
      );
      await createMatching(
        caller!,
        item,
        { before: application, after: nextApplication },
        { before: assistant, after: bumpAssistant(assistant, caller!.userId, at, today) },
      );
      await notifyApplicant(
        nextApplication,
        `근로지원인 ${assistant.name} 님이 배정되었습니다. 기간 ${item.startDate}~${item.endDate}, 일정 ${scheduleText(item.schedule)} (${assistant.agencyName}).`,
        'matching-created',
      );
      await tellAssistant(
        assistant,
        `${application.workplace.companyName} ${application.applicantName} 님 지원이 배정되었습니다. 기간 ${item.startDate}~${item.endDate}, 일정 ${scheduleText(item.schedule)}.`,
      );
      return { status: 201, body: item };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/matchings',
    summary: '매칭 이력 조회: 수행기관·지사·본부 범위에서 근로자별, 근로지원인별',
    response: matchingList,
    access: { action: 'list', resource: 'matching', roles: ['agency', 'branch', 'hq'] },
    query: listMatchingsQuery,
    labels: {
      agencyId: '수행기관',
      branchId: '지사',
      workerId: '근로자',
      assistantId: '근로지원인',
      status: '매칭 상태',
      year: '연도',
      month: '월',
    },
    handle: async ({ query, caller, allow }) => {
      const scope = await scopeOf(caller!, query);
      allow(scope.target);
      let items: MatchingItem[];
      if (query.workerId) items = await listByWorker(query.workerId);
      else if (query.assistantId) items = await listByAssistant(query.assistantId);
      else if (scope.agencyId) items = await listByAgency(scope.agencyId, query.status);
      else items = (await Promise.all(scope.branchIds.map((b) => listByBranch(b, query.status)))).flat();
      // a worker's or assistant's history shows only what falls in the caller's scope
      const visible = items
        .filter((m) => (scope.agencyId ? m.agencyId === scope.agencyId : scope.branchIds.includes(m.branchId)))
        .filter((m) => !query.status || m.status === query.status)
        .filter((m) => inPeriod(m, query))
        .sort((a, b) => b.startDate.localeCompare(a.startDate) || b.createdAt.localeCompare(a.createdAt));
      await recordPersonalDataRead(caller!, {
        action: 'matching.list',
        targetType: 'matchings',
        targetId: query.workerId ?? query.assistantId ?? scope.agencyId ?? scope.branchIds.join(','),
        branchId: scope.target.branchId,
        subjects: visible.flatMap((m) => [m.workerId, m.assistantUserId ?? m.assistantId]),
      });
      return { body: { items: visible, count: visible.length } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/me/matchings',
    summary: '내 근로지원인 서비스 이력(장애인 근로자, 마이페이지)',
    response: myMatchingList,
    access: { action: 'list', resource: 'ownMatching', roles: ['worker'] },
    handle: async ({ caller, allow }) => {
      allow({ userId: caller!.userId });
      const matchings = await listByWorker(caller!.userId);
      const items = matchings.map((m) => ({
        matchingId: m.matchingId,
        assistantName: m.assistantName,
        agencyName: m.agencyName,
        workplaceName: m.workplaceName,
        startDate: m.startDate,
        endDate: m.endDate,
        schedule: m.schedule,
        supportType: m.supportType,
        status: m.status,
        endedOn: m.endedOn,
      }));
      // the worker sees the names of the assistants who supported them
      await recordPersonalDataRead(caller!, {
        action: 'matching.ownHistory',
        targetType: 'worker',
        targetId: caller!.userId,
        subjects: matchings.map((m) => m.assistantUserId ?? m.assistantId),
      });
      return { body: { items, count: items.length } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/matchings/{matchingId}/end',
    summary: '매칭 종료(수행기관): 종료일과 사유',
    response: matching,
    access: { action: 'end', resource: 'matching', roles: ['agency'] },
    params: matchingParams,
    body: endMatchingBody,
    labels: { endDate: '종료일', reason: '종료 사유' },
    handle: async ({ params, body, caller, allow }) => {
      const item = await getMatching(params.matchingId);
      if (!item) throw new NotFound('매칭');
      allow({ agencyId: item.agencyId });
      if (item.status === 'ended') throw new Conflict('이미 종료한 매칭입니다.', 'ALREADY_ENDED');
      if (item.revision !== body.revision) {
        throw new Conflict('다른 담당자가 이 매칭을 먼저 바꿨습니다. 화면을 새로 고쳐 주세요.', 'STALE');
      }
      const dayBefore = shiftDay(item.startDate, -1);
      if (body.endDate < dayBefore || body.endDate > item.endDate) {
        fail([
          {
            field: 'endDate',
            message: `종료일은 ${dayBefore}(시작 전 취소)부터 현재 종료일 ${item.endDate} 사이로 골라 주세요.`,
          },
        ]);
      }
      const next: MatchingItem = {
        ...item,
        status: 'ended',
        endDate: body.endDate,
        endedOn: body.endDate,
        endReason: body.reason,
        revision: item.revision + 1,
      };
      await saveMatching(caller!, item, next, 'matching.end', body.reason);
      const application = await getApplication(item.applicationId);
      if (application) {
        await notifyApplicant(
          application,
          `근로지원인 ${item.assistantName} 님의 지원이 ${body.endDate}에 끝납니다. 사유: ${body.reason}`,
          'matching-ended',
        );
      }
      return { body: next };
    },
  }),
];
