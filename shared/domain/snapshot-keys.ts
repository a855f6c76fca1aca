/**
 * The snapshot contract's plain values, apart from its zod schemas (snapshot.ts, which re-exports
 * them): esbuild keeps every schema a module builds at its top level once anything of the module is
 * imported, so the planner, sweeper and reminder, which need the keys and limits but parse no
 * snapshot, import them from here and do not build the schemas at each cold start.
 */

export const MILESTONE_KEYS = [
  "wdoms_listing",
  "ecfmg_application",
  "usmle_step1",
  "usmle_step2ck",
  "oet_medicine",
  "ecfmg_pathway",
  "ecfmg_certification",
  "usce",
  "research",
  "lors",
  "personal_statement",
  "cv",
  "program_list",
  "eras_token",
  "eras_application",
  "nrmp_registration",
  "rank_order_list",
  "match_week",
  "soap",
  "match_day",
  "contract",
  "usmle_step3",
  "j1_statement_of_need",
  "j1_ecfmg_sponsorship",
  "j1_ds2019",
  "visa_j1",
  "visa_h1b",
  "visa_h1b_stamping",
  "budget",
] as const;

export const MILESTONE_STATUSES = ["not_started", "in_progress", "scheduled", "done", "waived"] as const;

/** The Match years an applicant may have: the snapshot schema's bounds and the seasons kept current. */
export const MATCH_YEARS = { earliest: 2026, latest: 2100 } as const;

/**
 * The years a date typed by a person may name: the form intake's bounds (shared/intake/mapping,
 * PROVIDERS.md), which the console's date inputs share. Outside them a date is a typo (`0001`,
 * `0026`, `20226`), refused naming the field rather than planned.
 */
export const DATE_YEARS = { earliest: 1900, latest: 2100 } as const;

/** DynamoDB's TransactWriteItems limit (actions per transaction; AWS DynamoDB service quotas). */
export const ACTIONS_PER_TRANSACTION = 100;

/**
 * Actions every submission may need besides milestones and interviews: the idempotency record, the
 * applicant's intake copy, the profile, the new email lookup and the old one's delete.
 */
export const FIXED_ACTIONS_PER_SUBMISSION = 5;

/**
 * The most interviews one submission may list, and one applicant may have stored. A snapshot is
 * written in one DynamoDB transaction (at most 100 actions, so it commits whole or not at all):
 * the fixed actions, one per milestone key, and up to 2 × MAX_INTERVIEWS for interviews written and
 * interviews dropped. Derived from MILESTONE_KEYS so a new key shrinks it rather than breaking it
 * (29 keys: 5 + 29 + 2 × 33 = 100).
 */
export const MAX_INTERVIEWS = Math.floor(
  (ACTIONS_PER_TRANSACTION - FIXED_ACTIONS_PER_SUBMISSION - MILESTONE_KEYS.length) / 2,
);

/** The scale a milestone's reported score is on, cited: a score outside it is a typo, never a result. */
export interface ScoreScale {
  minimum: number;
  maximum: number;
  /** What the score is, for the problem that names the bound: "a USMLE three-digit score". */
  what: string;
  basis: "official";
  source: string;
  /**
   * The first exam day whose result is pass/fail only, cited: a score earned on or after it is refused,
   * since the exam reports none for that sitting.
   */
  passFailFrom?: { date: string; source: string };
}

const USMLE_THREE_DIGIT: ScoreScale = {
  minimum: 1,
  maximum: 300,
  what: "a USMLE three-digit score",
  basis: "official",
  source:
    "USMLE Score Interpretation Guidelines: 'Reported scores for Step 1, Step 2 CK, and Step 3 range from 1 to 300' (as copied at http://azkurs.org/pars_docs/refs/6/5500/azkurs.org/pdfview/usmle-score-interpretation-guidelines-description-of-examinati.html)",
};

/**
 * The milestones that report a score, each with its scale; a score on any other milestone is refused
 * (snapshot.ts). Step 1 is pass/fail since 2022 (`passFailFrom`), but a score from before stays on its scale. OET
 * reports each sub-test on its own 0-500 scale; the snapshot holds one score, read on that scale.
 */
export const SCORE_SCALES: Readonly<Partial<Record<(typeof MILESTONE_KEYS)[number], ScoreScale>>> = {
  usmle_step1: {
    ...USMLE_THREE_DIGIT,
    passFailFrom: {
      date: "2022-01-26",
      source: "https://www.usmle.org/usmle-step-1-transition-passfail-only-score-reporting",
    },
  },
  usmle_step2ck: USMLE_THREE_DIGIT,
  usmle_step3: USMLE_THREE_DIGIT,
  oet_medicine: {
    minimum: 0,
    maximum: 500,
    what: "an OET sub-test score",
    basis: "official",
    source:
      "https://support.occupationalenglishtest.org/hc/en-gb/articles/360000127195-Why-is-there-a-number-grade-on-my-Statement-of-Results- ('a score (0 - 500)' for each of the four subtests)",
  },
};
