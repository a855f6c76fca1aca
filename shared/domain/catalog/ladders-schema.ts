import * as z from "zod";
import { CLOCK } from "../iso-texts.ts";
import { SeasonDateKeySchema } from "../seasons/schema.ts";

/**
 * The shape of reminder-ladders.json: each named ladder's rungs, counted from a step's start-by
 * date, from an exam's booking day, from its deadline, or from a season date that is itself the news,
 * and the cadence of follow-ups after a date that passed. Advice, with its source.
 * Parsed in test/unit/domain/data-files.test.ts; index.ts reads the file as these types; a
 * milestone names its ladder (schema.ts checks the name exists).
 */

const RungSchema = z.discriminatedUnion("anchor", [
  z.object({ rung: z.string().min(1), anchor: z.literal("startBy") }),
  // The booking day of an exam begun but not booked (catalog `bookingLeadDays`).
  z.object({ rung: z.string().min(1), anchor: z.literal("bookBy") }),
  // With `eventEt` ("HH:MM"), the rung announces an ET event on the deadline's ET day less
  // `daysBefore` (SOAP's offer rounds): it is laid against that event, not the deadline.
  z.object({
    rung: z.string().min(1),
    anchor: z.literal("deadline"),
    daysBefore: z.number().int().min(0),
    eventEt: z.optional(z.string().regex(CLOCK)),
  }),
  // A season date that is itself the news (ranking opens): sent at the first delivery slot at or after it (planner/delivery-slot.ts openedSlot).
  z.object({ rung: z.string().min(1), anchor: z.literal("season"), dateKey: SeasonDateKeySchema }),
  // Follow-ups from a date that passed (a step behind), at most `everyDays` apart until the ladder's
  // first deadline rung (planner/follow-ups.ts lays them; the ladder itself lays none on this rung);
  // with `times`, no more than that many (the SOAP outcome's weekly question, planner/match-day.ts);
  // with `far`, only the last `far.nearDays` before that rung at `everyDays`, the span before them at
  // most `far.everyDays` apart (a question asked monthly while its date is far: the certificate's).
  z.object({
    rung: z.string().min(1),
    anchor: z.literal("passed"),
    everyDays: z.number().int().min(1),
    times: z.optional(z.number().int().min(1)),
    far: z.optional(z.object({ everyDays: z.number().int().min(1), nearDays: z.number().int().min(1) })),
  }),
]);
export type LadderRung = z.infer<typeof RungSchema>;

export const LaddersFileSchema = z.object({
  description: z.string(),
  basis: z.literal("advice"),
  source: z.string().startsWith("advice:"),
  ladders: z.record(z.string(), z.array(RungSchema).min(1)),
});

export type LaddersFile = z.infer<typeof LaddersFileSchema>;
