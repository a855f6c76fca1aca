import * as z from "zod";
import { SeasonDateKeySchema } from "../seasons/schema.ts";
import { MilestoneKeySchema } from "../snapshot.ts";
import { CitationFields, citedCorrectly } from "./citation.ts";

/**
 * When a milestone is due and when it is competitive (milestones.json's `due` and `target`): a
 * season date or another milestone's date, plus an offset in days. Every due rule is cited
 * (citation.ts); a target is always advice, with its reason. The catalog's entry schema
 * (schema.ts) uses them; the file-wide check there refuses a chain of milestones that loops.
 */

/**
 * `asDay`: the due date is advice that means a day, not an instant (Deadline.precision "day"): a
 * post-Match step counted back from residency start (midnight ET) or Match Day, which read "Sat 17
 * Apr 2027, 12:00 AM EDT". Shown as the rule's day, the same in every zone, and due until that
 * day ends in the rule's zone or, if earlier, in the applicant's (planner/date-math.ts wholeDay).
 */
const AsDay = { asDay: z.literal(true).optional() };
/**
 * `officeDays`: the step is met by an office acting (a Ministry of Health, ECFMG, the program's GME
 * office, a consulate), so its due day is a working day: one that falls on a weekend moves to the
 * Friday before (planner/office-days.ts).
 */
const OfficeDays = { officeDays: z.literal(true).optional() };
/**
 * `projects`: the rule, advice in how it counts, stands for an authority's date that is not
 * published, so its date is "projected" (plan.ts DateBasis), never "our advice":
 * ECFMG's Pathway deadline, projected from earlier seasons' deadlines. Only on an advice rule.
 */
const Projects = { projects: z.literal(true).optional() };
export const DueRuleSchema = z.discriminatedUnion("from", [
  z
    .object({
      from: z.literal("season"),
      dateKey: SeasonDateKeySchema,
      offsetDays: z.number().int(),
      ...AsDay,
      ...OfficeDays,
      ...Projects,
      ...CitationFields,
    })
    .superRefine(citedCorrectly)
    .refine((rule) => rule.projects !== true || rule.basis === "advice", {
      message: "only an advice rule projects an authority's date",
    }),
  z
    .object({
      from: z.literal("milestone"),
      key: MilestoneKeySchema,
      offsetDays: z.number().int(),
      ...AsDay,
      ...OfficeDays,
      ...CitationFields,
    })
    .superRefine(citedCorrectly),
  z.object({ from: z.literal("none"), ...CitationFields }).superRefine(citedCorrectly),
]);
export type DueRule = z.infer<typeof DueRuleSchema>;

/** A competitive target: a season date or another milestone's target (else its due date), plus an offset. */
export const TargetRuleSchema = z.discriminatedUnion("from", [
  z
    .object({
      from: z.literal("season"),
      dateKey: SeasonDateKeySchema,
      offsetDays: z.number().int(),
      basis: z.literal("advice"),
      source: z.string().startsWith("advice:"),
    })
    .strict(),
  z
    .object({
      from: z.literal("milestone"),
      key: MilestoneKeySchema,
      offsetDays: z.number().int(),
      basis: z.literal("advice"),
      source: z.string().startsWith("advice:"),
    })
    .strict(),
]);
export type TargetRule = z.infer<typeof TargetRuleSchema>;

/**
 * A later hard deadline that takes over once a step's `due` has passed (NRMP late registration
 * closes with the rank order list deadline): the step keeps its own ladder against it and the
 * action text, `inProgressAction` for a step reported begun (what finishes it, never "register now"),
 * `scheduledAction` for one planned for a day ({date}) still ahead (that day named: what waiting costs),
 * `scheduledPassedAction` once that day has passed (did you? if not, now); planned with no day,
 * `scheduledUndatedAction` (now, or the day asked); planned for the day the later deadline falls on
 * ({close}) or a later one, `scheduledOnCloseAction` ({by}: now, or today by its hour) and
 * `scheduledAfterCloseAction`: by {close} or not in the {matchYear} Match.
 */
export const LateDeadlineSchema = z
  .object({
    dateKey: SeasonDateKeySchema,
    action: z.string().min(1),
    inProgressAction: z.string().min(1).optional(),
    scheduledAction: z.string().includes("{date}").optional(),
    scheduledPassedAction: z.string().includes("{date}").optional(),
    scheduledUndatedAction: z.string().includes("{close}").optional(),
    scheduledOnCloseAction: z.string().includes("{close}").includes("{by}").optional(),
    scheduledAfterCloseAction: z.string().includes("{close}").includes("{date}").optional(),
    ...CitationFields,
  })
  .superRefine(citedCorrectly);
