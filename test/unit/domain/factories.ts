import { catalogEntry } from "#domain/catalog/index.ts";
import type { PlannerInput } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type {
  Applicant,
  Interview,
  MilestoneEntry,
  MilestoneKey,
  MilestoneStatus,
  Visa,
} from "#domain/snapshot.ts";
import { localDate } from "#domain/time.ts";

/** A valid applicant: a 2026 Match J-1 graduate in India whose school has an ECFMG sponsor note. */
export function applicantFactory(overrides: Partial<Applicant> = {}): Applicant {
  return {
    externalId: "applicant-1",
    email: "asha@example.org",
    fullName: "Asha Rao",
    timezone: "Asia/Kolkata",
    matchYear: 2026,
    specialties: ["Internal Medicine"],
    visa: "J-1",
    graduation: "2024-06-30",
    medicalSchool: { name: "Example Medical College", country: "IN", wdomsSponsorNote: true },
    programsPlanned: 100,
    ...overrides,
  };
}

export function milestoneFactory(key: MilestoneKey, status: MilestoneStatus, date?: string): MilestoneEntry {
  return date === undefined ? { key, status } : { key, status, date };
}

export function interviewFactory(overrides: Partial<Interview> = {}): Interview {
  return {
    program: "Mercy Internal Medicine",
    startsAt: "2025-11-12T10:00:00-05:00",
    timezone: "America/New_York",
    format: "virtual",
    ...overrides,
  };
}

export function inputFactory(overrides: Partial<PlannerInput> = {}): PlannerInput {
  return { applicant: applicantFactory(), milestones: [], interviews: [], ...overrides };
}

/**
 * Marks every listed milestone done (dated before the season), the rest left as given. The
 * season's own work (catalog `redoneEachSeason`: ERAS, NRMP, ranking…) is left undated, so it
 * counts for whichever Match the test plans once that season has begun (past-season.ts); a date
 * before the season would make it an earlier season's.
 */
export function doneMilestones(keys: readonly MilestoneKey[], date = "2025-01-15"): MilestoneEntry[] {
  return keys.map((key) =>
    catalogEntry(key).redoneEachSeason === undefined
      ? milestoneFactory(key, "done", date)
      : milestoneFactory(key, "done"),
  );
}

export const PRE_ERAS_KEYS: readonly MilestoneKey[] = [
  "wdoms_listing",
  "ecfmg_application",
  "usmle_step1",
  "usmle_step2ck",
  "oet_medicine",
  "ecfmg_pathway",
  "usce",
  "research",
  "lors",
  "personal_statement",
  "cv",
  "program_list",
  "eras_token",
  "eras_application",
  "budget",
];

/** The exams, ERAS and NRMP steps done, the OET and the Pathway not: an applicant in the Match but for them. */
export const DONE_TO_NRMP_BUT_OET_AND_PATHWAY = [
  "wdoms_listing",
  "ecfmg_application",
  "usmle_step1",
  "usmle_step2ck",
  "eras_token",
  "eras_application",
  "nrmp_registration",
] as const satisfies readonly MilestoneKey[];

/**
 * A Pathway applicant registered for the Match with everything done but the OET and the ECFMG
 * Pathway (USCE not started, as these tests always had it): the applicant of the
 * Pathway/OET tests.
 */
export const DONE_BUT_OET_AND_PATHWAY = [
  ...DONE_TO_NRMP_BUT_OET_AND_PATHWAY,
  "lors",
  "cv",
  "personal_statement",
  "program_list",
] as const satisfies readonly MilestoneKey[];

/**
 * Every step up to NRMP registration (no optional research, no budget): an applicant registered
 * for the Match, whose rank order list and visa steps are next.
 */
export const REGISTERED_KEYS: readonly MilestoneKey[] = [
  "wdoms_listing",
  "ecfmg_application",
  "usmle_step1",
  "usmle_step2ck",
  "oet_medicine",
  "ecfmg_pathway",
  "usce",
  "lors",
  "personal_statement",
  "cv",
  "program_list",
  "eras_token",
  "eras_application",
  "nrmp_registration",
];

/**
 * The exams, the OET and Pathway, ERAS and NRMP registration: what a matched applicant of the
 * visa-chain tests has done before the Match (REGISTERED_KEYS without USCE and the application
 * documents).
 */
export const BEFORE_MATCH_KEYS: readonly MilestoneKey[] = REGISTERED_KEYS.filter(
  (key) => !["usce", "lors", "personal_statement", "cv", "program_list"].includes(key),
);

/**
 * An applicant matched in the 2027 Match (`visa`, default J-1, in `timezone`): the steps before the
 * Match done, the rank order list certified on 1 Feb 2027, Match Week on 15 Mar, SOAP waived, Match
 * Day on 19 Mar 2027 unless `matchDay` is false, then the `extra` entries as given; the contract and
 * the visa chain stand open unless `extra` says otherwise.
 */
export function matched2027(
  timezone: string,
  {
    visa = "J-1",
    matchDay = true,
    extra = [],
  }: { visa?: Visa; matchDay?: boolean; extra?: MilestoneEntry[] } = {},
): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({ matchYear: 2027, timezone, visa }),
    milestones: [
      ...doneMilestones(BEFORE_MATCH_KEYS),
      milestoneFactory("rank_order_list", "done", "2027-02-01"),
      milestoneFactory("match_week", "done", "2027-03-15"),
      milestoneFactory("soap", "waived"),
      // Match Day's release (Fri 19 Mar 2027, 12:00 PM ET) is already Saturday east of Cairo.
      ...(matchDay
        ? [
            milestoneFactory(
              "match_day",
              "done",
              localDate(timezone, seasonCalendar(2027).dates.nrmp_match_day.at),
            ),
          ]
        : []),
      ...extra,
    ],
  });
}

/**
 * The exams and Pathway NRMP needs, done: an applicant for whom the season is within reach, so
 * rules about this season's fees and deadlines apply (with nothing done, the season is out of
 * reach and MATCH_YEAR_NOT_FEASIBLE holds those back).
 */
export function examsDone(date = "2025-01-15"): MilestoneEntry[] {
  return doneMilestones(["usmle_step1", "usmle_step2ck", "oet_medicine", "ecfmg_pathway"], date);
}

/**
 * A J-1 applicant in Lagos, graduated 30 Jun 2025, with every step up to NRMP done and a 2027 rank
 * order list certified on 10 Feb 2027, who never tells us Match Day's result.
 */
/**
 * A J-1 applicant in `timezone` whose 2027 rank order list was certified on 3 Feb 2027, every step
 * up to NRMP registration done (10 Sep 2026) but the `open` entries, which stand as given: the
 * certified list whose Match hangs on an answer not yet given.
 */
export function certifiedListWith(timezone: string, ...open: MilestoneEntry[]): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({ timezone, matchYear: 2027, graduation: "2022-11-15", visa: "J-1" }),
    milestones: [
      ...doneMilestones(
        REGISTERED_KEYS.filter((key) => !open.some((entry) => entry.key === key)),
        "2026-09-10",
      ),
      ...open,
      milestoneFactory("rank_order_list", "done", "2027-02-03"),
    ],
  });
}

export function certifiedListInLagos(externalId: string): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({
      externalId,
      timezone: "Africa/Lagos",
      matchYear: 2027,
      graduation: "2025-06-30",
    }),
    milestones: [
      ...doneMilestones(REGISTERED_KEYS),
      milestoneFactory("rank_order_list", "done", "2027-02-10"),
    ],
  });
}

/**
 * A 2027 applicant with everything to NRMP done, the OET passed and the ECFMG Pathway at `status`
 * dated `date` (the Pathway-review tests), in `timezone`.
 */
export function pathwayDatedInput(
  status: "scheduled" | "in_progress",
  date: string,
  timezone: string,
): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({ matchYear: 2027, timezone }),
    milestones: [
      ...doneMilestones(DONE_TO_NRMP_BUT_OET_AND_PATHWAY, "2026-09-10"),
      milestoneFactory("oet_medicine", "done", "2026-08-01"),
      milestoneFactory("ecfmg_pathway", status, date),
    ],
  });
}

/** The certification steps a registered or interviewing applicant's plan presumes done when never reported. */
const PRESUMABLE_KEYS: readonly MilestoneKey[] = [
  "ecfmg_application",
  "usmle_step1",
  "usmle_step2ck",
  "oet_medicine",
  "ecfmg_pathway",
];

/**
 * `entries` with each certification step they leave out reported "not_started".
 * An applicant who reports this season's ERAS application and
 * NRMP registration done is presumed to have done the certification steps never reported, as an
 * interviewing one is: a test whose registered applicant has a step "not done" says so.
 */
export function openStepsNotStarted(entries: readonly MilestoneEntry[]): MilestoneEntry[] {
  const reported = new Set(entries.map((entry) => entry.key));
  return [
    ...entries,
    ...PRESUMABLE_KEYS.filter((key) => !reported.has(key)).map((key) => milestoneFactory(key, "not_started")),
  ];
}

/**
 * A 2027 J-1 applicant with everything to NRMP registration done (1 Oct 2026) but Step 2 CK, sat on
 * `sat` and failed with `score`: the retake cases' snapshot, in the applicant's `timezone`.
 */
export function failedStep2ckInput(options: {
  externalId: string;
  timezone: string;
  sat: string;
  score: number;
  programsPlanned?: number;
}): PlannerInput {
  const failed: MilestoneEntry = {
    ...milestoneFactory("usmle_step2ck", "done", options.sat),
    score: options.score,
  };
  return inputFactory({
    applicant: applicantFactory({
      externalId: options.externalId,
      timezone: options.timezone,
      matchYear: 2027,
      visa: "J-1",
      graduation: "2024-06-30",
      ...(options.programsPlanned === undefined ? {} : { programsPlanned: options.programsPlanned }),
    }),
    milestones: [
      ...doneMilestones(
        REGISTERED_KEYS.filter((key) => key !== "usmle_step2ck"),
        "2026-10-01",
      ),
      failed,
    ],
  });
}

/**
 * The milestones of a 2027 applicant in Match Week's reach: every step before the rank order list
 * done on 20 Sep 2026 and the list certified on 10 Feb 2027 (Match Week, SOAP and Match Day to come).
 */
export function rankListCertified2027(): MilestoneEntry[] {
  return [
    ...(
      [
        "wdoms_listing",
        "ecfmg_application",
        "usmle_step1",
        "usmle_step2ck",
        "oet_medicine",
        "ecfmg_pathway",
        "eras_application",
        "nrmp_registration",
      ] as const
    ).map((key) => milestoneFactory(key, "done", "2026-09-20")),
    milestoneFactory("rank_order_list", "done", "2027-02-10"),
  ];
}

/**
 * An H-1B applicant abroad (Cairo), list certified and ECFMG-certified, with Step 3 booked for
 * `step3Day` (by default Mon 12 Apr 2027, after the petition's sit-by day); `matchDay`: Match Day
 * reported. Match Week and SOAP are left unreported, so the Match's answer is Match Day's alone.
 */
export function h1bStep3BookedInCairo2027(matchDay: boolean, step3Day = "2027-04-12") {
  const input = matched2027("Africa/Cairo", {
    visa: "H-1B",
    matchDay,
    extra: [
      milestoneFactory("ecfmg_certification", "done", "2025-11-03"),
      milestoneFactory("usmle_step3", "scheduled", step3Day),
    ],
  });
  return { ...input, milestones: input.milestones.filter((m) => m.key !== "match_week" && m.key !== "soap") };
}
