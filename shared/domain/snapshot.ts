import { displayText } from "./display-text.ts";
import { emailAddress } from "./email-address.ts";
import { startsAtMatchesZone } from "./interview-offset.ts";
import { CLOCK } from "./iso-texts.ts";
import { scoredEntry, scoreOnScale } from "./score-on-scale.ts";
import {
  DATE_YEARS,
  MATCH_YEARS,
  MAX_INTERVIEWS,
  MILESTONE_KEYS,
  MILESTONE_STATUSES,
  SCORE_SCALES,
} from "./snapshot-keys.ts";
import { uniqueInterviews, uniqueMilestoneKeys } from "./unique-entries.ts";
import * as z from "./zod-mini.ts";

export {
  ACTIONS_PER_TRANSACTION,
  DATE_YEARS,
  FIXED_ACTIONS_PER_SUBMISSION,
  MATCH_YEARS,
  MAX_INTERVIEWS,
  MILESTONE_KEYS,
  MILESTONE_STATUSES,
  SCORE_SCALES,
  type ScoreScale,
} from "./snapshot-keys.ts";

/**
 * The applicant snapshot: the one public JSON contract every intake route maps onto.
 * Fields may be added; the ones here keep their meaning.
 */

export const MilestoneKeySchema = z.enum(MILESTONE_KEYS);
export type MilestoneKey = z.infer<typeof MilestoneKeySchema>;

export const MilestoneStatusSchema = z.enum(MILESTONE_STATUSES);
export type MilestoneStatus = z.infer<typeof MilestoneStatusSchema>;

export const VisaSchema = z.enum(["J-1", "H-1B", "none", "undecided"]);
export type Visa = z.infer<typeof VisaSchema>;

/**
 * Every zone name the runtime's tz database (through Intl) accepts: Area/Location names, links such as
 * US/Eastern, and the legacy names GMT, UTC and EST5EDT. UTC offsets ("+05:00") are not zones: they
 * know no daylight saving time, so a reminder planned with one drifts by an hour twice a year.
 */
export function isIanaZone(zone: string): boolean {
  if (zone.trim() !== zone || /^[+-]/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const IanaZoneSchema = z.string().check(
  z.maxLength(100),
  z.refine(isIanaZone, {
    message: "must be an IANA time zone such as America/New_York, Asia/Kolkata, GMT or EST5EDT",
  }),
);

export const IsoDateSchema = z.iso.date({ message: "must be a calendar date YYYY-MM-DD" });
export const IsoInstantWithOffsetSchema = z.iso.datetime({
  offset: true,
  message: "must be an ISO 8601 date-time with a UTC offset, e.g. 2026-11-02T14:00:00-05:00",
});

/** A text without a 4-digit year is the format check's to name, not this one's. */
const inDateYears = (text: string) => {
  if (!/^\d{4}-/.test(text)) return true;
  const year = Number(text.slice(0, 4));
  return year >= DATE_YEARS.earliest && year <= DATE_YEARS.latest;
};
const yearsMessage = `${DATE_YEARS.earliest}-01-01 to ${DATE_YEARS.latest}-12-31`;

/**
 * A calendar date within DATE_YEARS: every date a submission carries (a JSON webhook's as a form's)
 * and the console's typed dates. Outside those years a date is a typo, never a plan.
 */
export const TypedDateSchema = IsoDateSchema.check(
  z.refine(inDateYears, { message: `must be a calendar date YYYY-MM-DD from ${yearsMessage}`, abort: true }),
);

/** A date-time with its offset, its date within DATE_YEARS (as written, in its own offset). */
export const TypedInstantWithOffsetSchema = IsoInstantWithOffsetSchema.check(
  z.refine(inDateYears, {
    message: `must be a date-time with a UTC offset from ${yearsMessage}, e.g. 2026-11-02T14:00:00-05:00`,
    abort: true,
  }),
);

export const MedicalSchoolSchema = z.object({
  name: displayText(300),
  country: z
    .string()
    .check(z.regex(/^[A-Z]{2}$/, { message: "must be an ISO 3166-1 alpha-2 country code such as IN or NG" })),
  /** true: WDOMS shows an ECFMG sponsor note; false: it does not; null: not yet checked. */
  wdomsSponsorNote: z.nullable(
    z.boolean({
      message: "must be true, false or null (null: not checked yet; the plan asks for the check)",
    }),
  ),
});

export const ApplicantSchema = z.object({
  externalId: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  email: emailAddress(),
  fullName: displayText(200),
  timezone: IanaZoneSchema,
  matchYear: z.number().check(z.int(), z.minimum(MATCH_YEARS.earliest), z.maximum(MATCH_YEARS.latest)),
  // Each specialty once: ERAS fee tiers restart per specialty, so a repeat would understate the fee.
  specialties: z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(120))).check(
    z.minLength(1),
    z.maxLength(10),
    z.refine((list) => new Set(list.map((name) => name.toLowerCase())).size === list.length, {
      message: "each specialty may appear only once (ERAS fees are counted per specialty)",
    }),
  ),
  visa: VisaSchema,
  graduation: TypedDateSchema,
  medicalSchool: MedicalSchoolSchema,
  programsPlanned: z.number().check(z.int(), z.minimum(0), z.maximum(1000)),
  advisorEmail: z.optional(emailAddress()),
  /**
   * The applicant's consent that `advisorEmail` is emailed, once per risk, when a critical risk
   * appears in their plan or a deadline becomes overdue. Absent or false: never.
   */
  escalateToAdvisor: z.optional(z.boolean()),
  /**
   * Entering the NRMP Match as one partner of a couple (NRMP's Couples in the Match): the plan says to
   * link in R3, pair the rank order lists and budgets this partner's couples fee. Absent or false: a
   * single applicant. The partner plans with their own snapshot; nothing about them is held here.
   */
  couplesMatch: z.optional(
    z.boolean({ message: "must be true or false (true: entering the Match as a couple)" }),
  ),
  /** Local time of day reminders arrive, "HH:MM" 24-hour; default 09:00. */
  reminderTime: z.optional(z.string().check(z.regex(CLOCK, { message: "must be HH:MM (24-hour)" }))),
});
export type Applicant = z.infer<typeof ApplicantSchema>;

export const MilestoneEntrySchema = z
  .object({
    key: MilestoneKeySchema,
    status: MilestoneStatusSchema,
    /** Scheduled date (status scheduled) or completion date (status done). */
    date: z.optional(TypedDateSchema),
    /** On its milestone's scale (SCORE_SCALES), checked by the entry, where the key is known. */
    score: z.optional(
      z.number().check(
        z.describe(
          `On its milestone's scale: ${Object.entries(SCORE_SCALES)
            .map(([key, scale]) => `${key} ${scale.minimum}-${scale.maximum}`)
            .join(", ")}; no other milestone takes a score`,
        ),
      ),
    ),
    note: z.optional(z.string().check(z.maxLength(1000))),
    /**
     * Snoozed until this local date: reminders of this milestone before it are not sent,
     * except the last one before each deadline and any critical notice (snoozes.ts applySnoozes).
     */
    snoozedUntil: z.optional(TypedDateSchema),
  })
  // Checked even when another field of the entry fails (a status refused), so a report lists both.
  .check(z.superRefine(scoreOnScale, { when: (payload) => scoredEntry(payload.value) }));
export type MilestoneEntry = z.infer<typeof MilestoneEntrySchema>;

export const InterviewIdSchema = z
  .string()
  .check(
    z.regex(/^[A-Za-z0-9_.:-]{1,80}$/, { message: "must be 1-80 characters of letters, digits and _.:-" }),
  );

const InterviewFieldsSchema = z.object({
  /** Operator's id for the interview; when absent one is derived from program and start. */
  id: z.optional(InterviewIdSchema),
  program: displayText(300),
  /** Its offset must be `timezone`'s at that instant ("Z" excepted): see interview-offset.ts. */
  startsAt: TypedInstantWithOffsetSchema,
  timezone: IanaZoneSchema,
  format: z.enum(["virtual", "in_person"]),
});
export const InterviewSchema = InterviewFieldsSchema.check(z.superRefine(startsAtMatchesZone));
export type Interview = z.infer<typeof InterviewSchema>;

/**
 * An interview in a milestone.update: without `status` (or `"scheduled"`) it adds the interview, or
 * moves it when the id is one the applicant already has (its reminders move with it); `"cancelled"`
 * with the id removes it, and with it every reminder it drove.
 */
export const InterviewChangeSchema = z.discriminatedUnion("status", [
  z
    .extend(InterviewFieldsSchema, { status: z.optional(z.literal("scheduled")) })
    .check(z.superRefine(startsAtMatchesZone)),
  z.object({ id: InterviewIdSchema, status: z.literal("cancelled") }),
]);
export type InterviewChange = z.infer<typeof InterviewChangeSchema>;

const SubmissionIdSchema = z.string().check(
  z.regex(/^[A-Za-z0-9_.:@-]{1,200}$/, {
    message: "must be 1-200 characters of letters, digits and _.:@-",
  }),
);

/** A snapshot's or an update's milestones: each key at most once; none when left out. */
const MilestoneEntriesSchema = z._default(
  z.array(MilestoneEntrySchema).check(z.maxLength(MILESTONE_KEYS.length), z.superRefine(uniqueMilestoneKeys)),
  [],
);

export const ApplicantSnapshotSchema = z.object({
  type: z.literal("applicant.snapshot"),
  submissionId: SubmissionIdSchema,
  applicant: ApplicantSchema,
  milestones: MilestoneEntriesSchema,
  interviews: z._default(
    z.array(InterviewSchema).check(z.maxLength(MAX_INTERVIEWS), z.superRefine(uniqueInterviews)),
    [],
  ),
});
export type ApplicantSnapshot = z.infer<typeof ApplicantSnapshotSchema>;

export const ApplicantRefSchema = z.union(
  [
    z.object({ externalId: ApplicantSchema.shape.externalId }),
    z.object({ email: ApplicantSchema.shape.email }),
  ],
  { message: 'must name the applicant by "externalId" or by "email", as their snapshot gave it' },
);
export type ApplicantRef = z.infer<typeof ApplicantRefSchema>;

/**
 * The applicant's track in a milestone.update: the visa they plan to train on and the Match year
 * they aim at (each optional, at least one). The rest of the profile changes only by a snapshot;
 * these two are what an advisor's what-if switches, saved without restating the applicant.
 */
export const TrackChangeSchema = z
  .strictObject({ visa: z.optional(VisaSchema), matchYear: z.optional(ApplicantSchema.shape.matchYear) })
  .check(
    z.refine((track) => track.visa !== undefined || track.matchYear !== undefined, {
      message: "must change visa or matchYear",
    }),
  );
export type TrackChange = z.infer<typeof TrackChangeSchema>;

export const MilestoneUpdateSchema = z
  .object({
    type: z.literal("milestone.update"),
    submissionId: SubmissionIdSchema,
    applicant: ApplicantRefSchema,
    milestones: MilestoneEntriesSchema,
    interviews: z.optional(
      z.array(InterviewChangeSchema).check(z.maxLength(MAX_INTERVIEWS), z.superRefine(uniqueInterviews)),
    ),
    track: z.optional(TrackChangeSchema),
  })
  .check(
    z.refine(
      (update) =>
        (update.milestones?.length ?? 0) > 0 ||
        (update.interviews?.length ?? 0) > 0 ||
        update.track !== undefined,
      {
        path: ["milestones"],
        message: "a milestone.update must change at least one milestone, interview or the track",
        // Checked even when other fields fail, so a report lists an empty update beside them.
        when: (payload) => typeof payload.value === "object" && payload.value !== null,
      },
    ),
  );
export type MilestoneUpdate = z.infer<typeof MilestoneUpdateSchema>;

/** Anything an intake route may hand to the store. */
export const SubmissionSchema = z.discriminatedUnion("type", [
  ApplicantSnapshotSchema,
  MilestoneUpdateSchema,
]);
export type Submission = z.infer<typeof SubmissionSchema>;
