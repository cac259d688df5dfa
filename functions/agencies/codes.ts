// The code lists of the agencies capability, defined once: the entities' enums, the rules' types and
// the contracts (hence the web) all derive from these.

/** 수행기관 (agency) or 양성교육기관 (institution). */
export const ORGANISATION_KINDS = ['agency', 'institution'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** A seal version's state: asked for approval, approved (the one that stamps), rejected, or replaced. */
export const SEAL_STATUSES = ['requested', 'approved', 'rejected', 'retired'] as const;
export type SealStatus = (typeof SEAL_STATUSES)[number];

export const AGREEMENT_STATUSES = ['draft', 'issued', 'returned', 'complete', 'superseded', 'discarded'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

export const AGREEMENT_ACTIONS = ['edit', 'issue', 'return', 'stamp', 'reissue', 'supersede', 'discard'] as const;
export type AgreementAction = (typeof AGREEMENT_ACTIONS)[number];

/** Who acts: KEAD (branch or hq staff) or the agency that is party to the agreement. */
export const AGREEMENT_SIDES = ['kead', 'agency'] as const;
export type Side = (typeof AGREEMENT_SIDES)[number];

/** Which step produced an agreement document. */
export const DOCUMENT_STAGES = ['issued', 'complete', 'supersession'] as const;
export type DocumentStage = (typeof DOCUMENT_STAGES)[number];
