import * as z from "zod";
import { fieldProblems } from "#domain/snapshot.ts";
import { InvalidInputError } from "#errors";

/**
 * The reminder function's event: the schedule's templated Input, delivered bare (no EventBridge
 * envelope), `{"applicantId": "...", "scheduledTime": "<aws.scheduler.scheduled-time>"}`, where
 * Scheduler substitutes e.g. "2026-09-17T08:00:00Z".
 */
export const ReminderEventSchema = z.object({
  applicantId: z.string().regex(/^[A-Za-z0-9_.:-]{1,200}$/, { message: "must be an applicant id" }),
  scheduledTime: z.iso.datetime({ offset: true, message: "must be an ISO 8601 instant" }).optional(),
});

export interface WakeUpCall {
  applicantId: string;
  firedAt?: Date;
}

/**
 * Validates the event or throws InvalidInputError, which is not retriable: no retry can repair a
 * malformed event, so it ends in the function's failure destination for a person to inspect.
 */
export function parseReminderEvent(event: unknown): WakeUpCall {
  const parsed = ReminderEventSchema.safeParse(event);
  if (!parsed.success) {
    throw new InvalidInputError("The wake-up event is malformed", fieldProblems(parsed.error), {
      cause: parsed.error,
    });
  }
  const { applicantId, scheduledTime } = parsed.data;
  return scheduledTime ? { applicantId, firedAt: new Date(scheduledTime) } : { applicantId };
}
