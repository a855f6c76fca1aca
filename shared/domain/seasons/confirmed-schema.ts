import { CLOCK } from "../iso-texts.ts";
import { ET_ZONE } from "../time.ts";
import * as z from "../zod-mini.ts";

/**
 * The shape of confirmed.json, in zod's mini API because the planner checks the file on its first
 * season calendar (seasonCalendar), so a malformed edit is blamed on the file at run time, not on
 * an applicant's Match year; classic zod would cost its schema classes' module init at cold start
 * (test/infra/bundle-clients.test.ts). The order of the dates is checked beside it
 * (seasonOrderProblems in ./index.ts), on the calendar the file and the rules make together.
 */

const ClockSchema = z.string().check(z.regex(CLOCK));
const UrlSchema = z
  .string()
  .check(z.regex(/^https?:\/\//, { message: "a confirmed date needs a source URL" }));

export const ConfirmedDateSchema = z.object({
  key: z.string().check(z.minLength(1)),
  date: z.iso.date(),
  time: z.nullable(ClockSchema),
  zone: z.literal(ET_ZONE),
  status: z.literal("confirmed"),
  source: UrlSchema,
  /** Where and when the date was read, so a reader knows how fresh it is. */
  asOf: z.string().check(z.minLength(1)),
  note: z.optional(z.string()),
});

export const ConfirmedFileFormatSchema = z.object({
  description: z.string(),
  seasons: z
    .array(
      z.object({
        matchYear: z.number().check(z.int(), z.minimum(2026)),
        label: z.string(),
        dates: z.array(ConfirmedDateSchema).check(z.minLength(1)),
      }),
    )
    .check(z.minLength(1)),
});

export type ConfirmedDate = z.infer<typeof ConfirmedDateSchema>;
export type ConfirmedFile = z.infer<typeof ConfirmedFileFormatSchema>;
