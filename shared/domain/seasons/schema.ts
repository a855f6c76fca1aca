import * as z from "zod";
import { CLOCK } from "../iso-texts.ts";
import * as zm from "../zod-mini.ts";
import { ConfirmedFileFormatSchema } from "./confirmed-schema.ts";
import { SEASON_DATE_KEYS, seasonOrderProblems } from "./index.ts";

/**
 * The shapes of the season data files (confirmed.json, projection-rules.json) as zod schemas.
 * test/unit/domain/data-files.test.ts parses the files with them; index.ts reads
 * projection-rules.json as its type without parsing, so no function pays for that parse at cold
 * start, and checks confirmed.json (a hand edit each season) on its first calendar.
 */

export const SeasonDateKeySchema = z.enum(SEASON_DATE_KEYS);

const ClockSchema = z.string().regex(CLOCK);

export { ConfirmedDateSchema } from "./confirmed-schema.ts";

/**
 * confirmed.json: its shape (./confirmed-schema.ts, the same schema the planner checks on its first
 * calendar) and the order of its dates on the calendar it makes with the rules (seasonOrderProblems).
 */
export const ConfirmedFileSchema = ConfirmedFileFormatSchema.check(
  zm.superRefine((file, ctx) => {
    for (const problem of seasonOrderProblems(file)) {
      ctx.addIssue({ code: "custom", path: problem.path, message: problem.message, input: file });
    }
  }),
);

const RuleBase = { key: SeasonDateKeySchema, time: ClockSchema.nullable(), rule: z.string().min(10) };
const ProjectionRuleSchema = z.discriminatedUnion("kind", [
  z.object({
    ...RuleBase,
    kind: z.literal("month_day"),
    yearOffset: z.number().int().min(-1).max(0),
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(31),
    /**
     * The latest of the earlier seasons' candidates, same year offset, when the rule projects the
     * earliest (SeasonDate.latestCandidate): what a check that refuses anything before the date must
     * not rely on the projection for.
     */
    latestCandidate: z
      .object({
        month: z.number().int().min(1).max(12),
        day: z.number().int().min(1).max(31),
        rule: z.string().min(10),
      })
      .optional(),
  }),
  z.object({
    ...RuleBase,
    kind: z.literal("nth_weekday"),
    yearOffset: z.number().int().min(-1).max(0),
    month: z.number().int().min(1).max(12),
    /** ISO weekday: 1 Monday ... 7 Sunday. */
    weekday: z.number().int().min(1).max(7),
    nth: z.number().int().min(1).max(4),
  }),
  z.object({
    ...RuleBase,
    kind: z.literal("offset_days"),
    from: SeasonDateKeySchema,
    days: z.number().int(),
    /**
     * The later of the earlier seasons' offsets, when the rule projects the earlier date
     * (SeasonDate.latestCandidate): `said` is how a refusal names it ("16 days before Match Day in
     * 2022–2025"), since a refusal decided by the earlier date must name the later one.
     */
    latestCandidate: z
      .object({ days: z.number().int(), said: z.string().min(10), rule: z.string().min(10) })
      .optional(),
  }),
]);
export type ProjectionRule = z.infer<typeof ProjectionRuleSchema>;

export const ProjectionFileSchema = z
  .object({
    description: z.string(),
    derivedFrom: z.number().int(),
    rules: z.array(ProjectionRuleSchema),
    /**
     * Milestone deadlines projected from a season date where no season gives the date itself (e.g. the
     * ECFMG Pathways application): the catalog's `due` must use the same offset (a unit test checks it).
     */
    milestoneOffsets: z.array(
      z.object({
        milestone: z.string().min(1),
        from: SeasonDateKeySchema,
        days: z.number().int(),
        rule: z.string().min(10),
        /**
         * The earliest candidate on record as a day of the calendar (`yearOffset` from the Match
         * year, ET `time`), when the authority that sets the date is not the one that sets `from`:
         * the projection is the earlier of it and the offset, so confirming a later `from` moves the
         * projected date only up to this day; `said` names it, `rule` says why with its source.
         */
        earliestCandidate: z
          .object({
            yearOffset: z.number().int().min(-1).max(0),
            month: z.number().int().min(1).max(12),
            day: z.number().int().min(1).max(31),
            time: ClockSchema,
            said: z.string().min(10),
            rule: z.string().min(10),
          })
          .optional(),
        /**
         * The latest candidate offset from the same date, for refusals only
         * (plan on the earliest candidate, refuse only on the latest), counted from that date's
         * own later candidate; `said` names the calendar deadlines on record, the day to check against.
         */
        latestCandidate: z
          .object({ days: z.number().int(), said: z.string().min(10), rule: z.string().min(10) })
          .optional(),
      }),
    ),
  })
  .superRefine((file, ctx) => {
    const keys = new Set(file.rules.map((rule) => rule.key));
    for (const key of SEASON_DATE_KEYS) {
      if (!keys.has(key)) ctx.addIssue({ code: "custom", path: ["rules"], message: `no rule for ${key}` });
    }
  });

export type { ConfirmedDate, ConfirmedFile } from "./confirmed-schema.ts";
export type ProjectionFile = z.infer<typeof ProjectionFileSchema>;
