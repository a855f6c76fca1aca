import * as z from "zod";
import { REMINDER_CATEGORIES } from "../preferences.ts";
import { SeasonDateKeySchema } from "../seasons/schema.ts";
import { MILESTONE_KEYS, type MilestoneKey, MilestoneKeySchema, VisaSchema } from "../snapshot.ts";
import { START_RECORDS, STEP_ACTIONS } from "../step-actions.ts";
import { CitationFields, CitationSchema, citedCorrectly } from "./citation.ts";
import { DueRuleSchema, LateDeadlineSchema, TargetRuleSchema } from "./date-rules-schema.ts";
import { STEP_STAGES } from "./step-stages.ts";
import { BeforeTokenSchema, SchoolEligibilityCheckSchema, StatusActionsSchema } from "./step-text-schema.ts";

/**
 * The shape of the milestone catalog (milestones.json), as a zod schema: its due and target rules
 * are in date-rules-schema.ts, the reminder ladders' file in ladders-schema.ts and fees.json's in
 * fees-schema.ts. Every fact is cited (citation.ts). test/unit/domain/data-files.test.ts parses
 * the file with it; index.ts reads the file as these types without parsing.
 */

/** A number of days, cited (a lead time). */
const DaysSchema = z.object({ days: z.number().int().min(0), ...CitationFields }).superRefine(citedCorrectly);

const CatalogEntrySchema = z.object({
  key: MilestoneKeySchema,
  /** The reminder category an applicant can mute it under (preferences.ts). */
  category: z.enum(REMINDER_CATEGORIES),
  /** Where an applicant with this step still open stands, in the advisor's console (console/stage.ts). */
  stage: z.enum(STEP_STAGES),
  title: z.string().min(1),
  /** The step in the advisor's words, a noun phrase without "you"/"your" (console/advisor-voice.ts). */
  advisorName: z.string().min(1),
  why: z.object({ text: z.string().min(1), ...CitationFields }).superRefine(citedCorrectly),
  action: z.string().min(1),
  /**
   * visas null: applies to every applicant. `assumedAfter`: confirmed up to the `matchYear` Match; a later
   * Match keeps it as an assumption (`note`), said in `words` ("{year}": that Match; "{confirmed}": `matchYear`).
   */
  applies: z
    .object({
      visas: z.array(VisaSchema).nullable(),
      assumedAfter: z.object({ matchYear: z.number().int(), words: z.string().min(1) }).optional(),
      ...CitationFields,
    })
    .superRefine(citedCorrectly),
  /** True when ECFMG must accept the school (WDOMS sponsor note) before this can happen. */
  needsEcfmgEligibleSchool: z.boolean(),
  prerequisites: z.array(
    z
      .object({
        key: MilestoneKeySchema,
        /** The step can begin (study, documents) while this is pending; only submitting waits. */
        startsBefore: z.boolean().optional(),
        /**
         * The step needs this result and its own date does not imply it (the OET result, which may
         * follow the Pathway application as a supporting document, by the step's `documentsDue`:
         * the result's `due` then counts back from that deadline, checked below), so a date of the
         * step, ahead or passed, does not make it done; only the step reported done does.
         */
        neededByOwnDate: z.boolean().optional(),
        /**
         * This prerequisite is met on a working day before the step's own date, never the same day:
         * the step cannot be begun the day it is met (the J-1 sponsorship, which the program's
         * liaison initiates only once the contract is signed). Both steps' due rules are office
         * days; where they meet on one day (weekend rolling), the prerequisite's date moves to the
         * working day before (office-days.ts).
         */
        dueBefore: z.boolean().optional(),
        /**
         * The step reported done does not make this done (a later step's may): it is issued apart and
         * asked for until reported (the certificate beside the J-1 sponsorship, whose "done" is the
         * applicant's part sent, before ECFMG's review checks it; the DS-2019 ends that review).
         */
        issuedApart: z.boolean().optional(),
        ...CitationFields,
      })
      .superRefine(citedCorrectly),
  ),
  due: DueRuleSchema,
  /** When true, a date the applicant gave (scheduled or taken) replaces the derived due date. */
  applicantDateIsDue: z.boolean(),
  leadTimeDays: DaysSchema,
  /** An exam's least preparation, below `leadTimeDays`: feasibility's fastest pace (absent: the lead time), advice. */
  fastestPreparationDays: DaysSchema.optional(),
  ladder: z.string().min(1),
  /** Present when an applicant may skip the step ("Not for me" in emails), with the reason. */
  waivable: CitationSchema.optional(),
  /**
   * Present when the step only strengthens an application (clinical experience, research), with the
   * reason: once the applicant has matched it leaves the next steps and the reminders, as there is no
   * application left to strengthen.
   */
  strengthensApplication: CitationSchema.optional(),
  /**
   * The one-tap actions the step offers, as far as the plan allows (snooze needs a
   * reminder left to quiet): "done" on every step, "schedule" ("Scheduled for…") only on a step
   * whose day the applicant books (an exam sitting, not an application they submit), "waive" exactly
   * when `waivable` says why, "start" (in progress) where START_RECORDS says what it answers.
   */
  stepActions: z.array(z.enum(STEP_ACTIONS)).min(1),
  /** Belongs to one Match season: waits while it is out of reach (MATCH_YEAR_NOT_FEASIBLE); absent: no. */
  seasonBound: z.boolean().optional(),
  /**
   * Work done for one season that a later season must redo (a re-applicant who switches Match
   * year): "season-start" counts only when done after the target season's ERAS season began (the
   * previous season's end, a season date); "past-application" counts only when not part of an ERAS
   * application from an earlier season (done on or before it), nor done while the applicant's ERAS
   * token (so their MyERAS registration) was an earlier season's; "pathway-season" (the ECFMG
   * Pathway) counts an application (booked or in progress, dated) only when dated after the day the
   * previous season's Pathways closed (the previous ERAS season's end, the same day), unless the
   * applicant is certified; an accepted one (done) stays done. Absent: done stays done (exams).
   * `again`: what the step asks once it is back, when that is not its first-time `action` (letters
   * are imported from a past application, not asked for again). `imports`: that text carries the
   * earlier season's work over (imported in MyERAS), so it is never called "done again".
   */
  redoneEachSeason: z
    .object({
      from: z.enum(["season-start", "past-application", "pathway-season"]),
      again: z.string().min(1).optional(),
      imports: z.literal(true).optional(),
      ...CitationFields,
    })
    .superRefine(citedCorrectly)
    .optional(),
  /** The competitive date planned backwards from the target Match; always advice, with the reason. */
  target: TargetRuleSchema.optional(),
  /** A later hard deadline that takes over once `due` has passed (LateDeadlineSchema). */
  lateDeadline: LateDeadlineSchema.optional(),
  statusActions: StatusActionsSchema.optional(),
  /**
   * A later deadline for the documents that support an application already submitted by `due`
   * (the Pathway's OET result): a season date plus an offset, cited. Feasibility judges a result
   * still to come against it, not against `due`.
   */
  documentsDue: z
    .object({ dateKey: SeasonDateKeySchema, offsetDays: z.number().int(), ...CitationFields })
    .superRefine(citedCorrectly)
    .optional(),
  /**
   * A document that goes into the ERAS application: while the application is reported done (this
   * season), it is taken as done with it (left out, or not updated since), never overdue; but
   * `mayFollow` (letters, uploaded by their writers after submission) only when left out.
   */
  inErasApplication: z
    .object({ mayFollow: z.literal(true).optional(), ...CitationFields })
    .superRefine(citedCorrectly)
    .optional(),
  /**
   * Work done in MyERAS, which needs the applicant registered there with this season's ERAS token:
   * while the token is not done, what the step asks instead of its not-started `action`, of its
   * `redoneEachSeason.again` (planner/myeras-token-first.ts) and of its `inProgress`.
   */
  beforeToken: BeforeTokenSchema.optional(),
  /**
   * On exactly one milestone: the road's first gate once the school is known eligible (the ECFMG application,
   * which every exam and ECFMG step waits on); not begun, its start-by rung is brought to now (first-gate.ts).
   */
  firstGate: CitationSchema.optional(),
  /**
   * A wait out of the applicant's hands follows this step's start (the J-1 visa's consular interview): once
   * nothing it waits on is outstanding and while it is not begun, it is to start now, urgent, its start-by
   * rung brought to now as the first gate's is; the slack before its latest safe start is kept for that wait.
   */
  startsOnceFree: CitationSchema.optional(),
  /** Present on exactly one milestone: the school's eligibility check (see the schema). */
  schoolEligibilityCheck: SchoolEligibilityCheckSchema.optional(),
  /**
   * Present when ECFMG must confirm this result to NRMP by the rank order list deadline, or the
   * applicant is withdrawn from the Match (EXAMS_LATE_FOR_RANKING, MATCH_YEAR_NOT_FEASIBLE).
   */
  neededForRanking: CitationSchema.optional(),
  /**
   * An exam begun but not booked (in progress, no date): how many days before the step's driving
   * date (its target, else its deadline) to book a sitting, for its booking reminder and standing.
   */
  bookingLeadDays: z
    .object({ days: z.number().int().min(1), ...CitationFields })
    .superRefine(citedCorrectly)
    .optional(),
  /**
   * An exam's minimum passing score (Step 2 CK, Step 3; the OET's lowest sub-test minimum, `others` the
   * other sub-tests': oet-sub-tests-risk.ts), each from its first exam day (absent: every exam before the
   * next entry's), oldest first, cited; a result below the one in force on its date is no pass.
   */
  passingScores: z
    .array(
      z
        .object({
          score: z.number().int().min(1),
          from: z.iso.date().optional(),
          others: z.number().int().min(1).optional(),
          ...CitationFields,
        })
        .superRefine(citedCorrectly),
    )
    .min(1)
    .optional(),
  /** How long a result takes to be reported (exams), for the status text. */
  reportingDays: z
    .object({ days: z.number().int().min(1), ...CitationFields })
    .superRefine(citedCorrectly)
    .optional(),
});
export type CatalogEntry = z.infer<typeof CatalogEntrySchema>;

/** The milestones file, checked against the ladder names it may use. */
export const catalogFileSchema = (ladderNames: ReadonlySet<string>) =>
  z.object({ description: z.string(), entries: z.array(CatalogEntrySchema) }).superRefine((file, ctx) => {
    const keys = file.entries.map((entry) => entry.key);
    for (const key of MILESTONE_KEYS) {
      const count = keys.filter((candidate) => candidate === key).length;
      if (count !== 1)
        ctx.addIssue({ code: "custom", message: `${key} appears ${count} times`, path: ["entries"] });
    }
    const gates = file.entries.filter((entry) => entry.firstGate !== undefined).length;
    if (gates !== 1) {
      ctx.addIssue({ code: "custom", message: `${gates} milestones have firstGate; need exactly 1` });
    }
    const checks = file.entries.filter((entry) => entry.schoolEligibilityCheck !== undefined).length;
    if (checks !== 1) {
      ctx.addIssue({
        code: "custom",
        message: `${checks} milestones have schoolEligibilityCheck; need exactly 1`,
      });
    }
    for (const entry of file.entries) {
      const offers = new Set(entry.stepActions);
      const wrong = [
        !offers.has("done") && "every step offers done",
        offers.has("schedule") && !entry.applicantDateIsDue && "schedule needs applicantDateIsDue",
        offers.has("waive") !== (entry.waivable !== undefined) && "waive exactly when waivable",
        offers.has("start") !== entry.key in START_RECORDS && "start exactly with START_RECORDS",
      ].filter((problem) => problem !== false);
      for (const problem of wrong)
        ctx.addIssue({ code: "custom", message: `${entry.key}: stepActions: ${problem}` });
      // The fastest preparation is a second, shorter figure; an equal one says nothing new.
      if ((entry.fastestPreparationDays?.days ?? -1) >= entry.leadTimeDays.days)
        ctx.addIssue({ code: "custom", message: `${entry.key}: fastestPreparationDays not shorter` });
      if (!ladderNames.has(entry.ladder)) {
        ctx.addIssue({ code: "custom", message: `${entry.key}: unknown ladder ${entry.ladder}` });
      }
    }
    const byKey = new Map(file.entries.map((entry) => [entry.key, entry]));
    // A result a step needs (`neededByOwnDate`) while the step has a later deadline for supporting
    // documents (the OET for the Pathway) is due when a sitting's result still reaches that
    // deadline: its season date, less the result's `reportingDays`. One rule, so the result's card
    // and the step's agree on when it is late.
    for (const entry of file.entries) {
      if (entry.documentsDue === undefined) continue;
      for (const prerequisite of entry.prerequisites) {
        if (prerequisite.neededByOwnDate !== true) continue;
        const result = byKey.get(prerequisite.key);
        const due = result?.due;
        const expected = entry.documentsDue.offsetDays - (result?.reportingDays?.days ?? 0);
        if (
          due?.from !== "season" ||
          due.dateKey !== entry.documentsDue.dateKey ||
          result?.reportingDays === undefined ||
          due.offsetDays !== expected
        )
          ctx.addIssue({
            code: "custom",
            message: `${prerequisite.key}: due must be ${entry.key}'s documentsDue less its reportingDays (${entry.documentsDue.dateKey} ${expected} days)`,
          });
      }
    }
    // A milestone-relative target must bottom out in a season date or a due date: no cycles.
    for (const entry of file.entries) {
      const seen = new Set<MilestoneKey>([entry.key]);
      let target = entry.target;
      while (target !== undefined && target.from === "milestone") {
        if (seen.has(target.key)) {
          ctx.addIssue({
            code: "custom",
            message: `${entry.key}: targets form a cycle through ${target.key}`,
          });
          break;
        }
        seen.add(target.key);
        target = byKey.get(target.key)?.target;
      }
    }
    // A milestone-relative due date must bottom out in a season date or nothing: no cycles.
    for (const entry of file.entries) {
      const seen = new Set<MilestoneKey>([entry.key]);
      let due = entry.due;
      while (due.from === "milestone") {
        if (seen.has(due.key)) {
          ctx.addIssue({
            code: "custom",
            message: `${entry.key}: due dates form a cycle through ${due.key}`,
          });
          break;
        }
        seen.add(due.key);
        const next = byKey.get(due.key);
        if (next === undefined) break;
        due = next.due;
      }
    }
  });

export type CatalogFile = z.infer<ReturnType<typeof catalogFileSchema>>;
