import type { ResidentNumberUse } from '../security/pii-key.ts';
import type { DocumentAccess, UploadAccess } from '../storage/buckets.ts';
import type { TableAccess } from '../storage/table.ts';

/**
 * Everything a Lambda of the product may reach, by intent, declared per function in
 * lib/api/capability-grants.ts. ServiceFunction.bindGrants turns it into IAM statements and the
 * environment variables the code reads, so a grant and its configuration never drift apart; what is
 * not declared is not granted (test/cdk/capability-grants.test.ts compares every function's synthesized
 * policies with its declaration, and its kept code with both).
 *
 * Not declared here because they are declared elsewhere: the workflows a router starts and answers
 * (WorkflowDefinition.usedBy, and a workflow's own schedule function), and the function's own log
 * group and X-Ray traces, which every function has.
 */
export interface FunctionGrants {
  /** items of the single table, by the ElectroDB entities the code uses (their partition-key prefixes) */
  table?: TableAccess;
  /** objects of the documents bucket, by key prefix */
  documents?: DocumentAccess;
  /** pending browser uploads, by upload purpose */
  uploads?: UploadAccess;
  /** the personal-data keys: encrypting, decrypting and finding resident numbers */
  residentNumbers?: readonly ResidentNumberUse[];
  /** product SMS through SNS (functions/commons/sms-sink.ts) */
  sms?: boolean;
  /**
   * The user pool: `signIn` knows the pool and its client (the public sign-in calls need no IAM
   * permission); `administer` may also add people to groups, set MFA, create and delete users.
   */
  userPool?: 'signIn' | 'administer';
}

/** A capability's functions: its API router and, if it declares `uploadEvents`, its upload handler. */
export interface CapabilityGrants {
  router: FunctionGrants;
  uploads?: FunctionGrants;
}

/** A workflow's functions: one per task (a handler file serving several tasks gets their union) and its schedule. */
export interface WorkflowGrants {
  tasks: Record<string, FunctionGrants>;
  schedule?: FunctionGrants;
}

/** The union of several declarations (a handler file shared by several tasks is deployed once). */
export function mergeGrants(all: readonly FunctionGrants[]): FunctionGrants {
  const list = <T>(pick: (g: FunctionGrants) => readonly T[] | undefined) => {
    const values = [...new Set(all.flatMap((g) => pick(g) ?? []))];
    return values.length > 0 ? values : undefined;
  };
  const pool = all.some((g) => g.userPool === 'administer')
    ? 'administer'
    : all.some((g) => g.userPool === 'signIn')
      ? 'signIn'
      : undefined;
  const merged: FunctionGrants = {
    table: { read: list((g) => g.table?.read), write: list((g) => g.table?.write), put: list((g) => g.table?.put) },
    documents: {
      read: list((g) => g.documents?.read),
      write: list((g) => g.documents?.write),
      probe: all.some((g) => g.documents?.probe) || undefined,
    },
    uploads: {
      sign: list((g) => g.uploads?.sign),
      read: list((g) => g.uploads?.read),
      remove: list((g) => g.uploads?.remove),
    },
    residentNumbers: list((g) => g.residentNumbers),
    sms: all.some((g) => g.sms) || undefined,
    userPool: pool,
  };
  return prune(merged);
}

/** Drops empty parts, so that "declares nothing of X" has one shape. */
function prune(grants: FunctionGrants): FunctionGrants {
  const empty = (value: object | undefined) => !value || Object.values(value).every((v) => v === undefined);
  return Object.fromEntries(
    Object.entries(grants).filter(([, value]) =>
      typeof value === 'object' && !Array.isArray(value) ? !empty(value) : value !== undefined,
    ),
  ) as FunctionGrants;
}

/** The table entities a declaration names for reading (read ∪ write), writing (write ∪ put). */
export function tableEntities(grants: FunctionGrants) {
  const table = grants.table ?? {};
  return {
    read: [...(table.read ?? []), ...(table.write ?? [])],
    write: [...(table.write ?? []), ...(table.put ?? [])],
  };
}
