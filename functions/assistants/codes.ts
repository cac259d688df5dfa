// Code lists of the assistants capability, defined once: the entities' enums and the contracts (hence
// the web) derive from these. (Assistant statuses and qualifications live in rules.ts with their rules.)

export const GENDERS = ['M', 'F'] as const;
/** One item of a qualification-restriction check: nothing found, or a disqualifying finding. */
export const FINDING_RESULTS = ['clear', 'found'] as const;
/** The outcome of a whole check. */
export const CHECK_RESULTS = ['clear', 'disqualified'] as const;
export const POSTING_STATUSES = ['open', 'closed'] as const;
export const ACTIVITY_APPLICATION_STATUSES = ['submitted', 'accepted', 'rejected'] as const;
/** The self-declaration of an activity application: the applicant declares no disqualification applies. */
export const SELF_DECLARATION_ANSWERS = ['notApplicable'] as const;
