import { ApplicantIdSchema } from "#domain/applicant-id.ts";
import * as z from "#domain/zod-mini.ts";
import { parseOrThrow } from "#errors";

const instant = z.iso.datetime({ offset: true, message: "must be an ISO 8601 instant" });

/**
 * The reminder function's event: the schedule's templated Input, delivered bare (no EventBridge
 * envelope), `{"applicantId": "...", "plannedFor": "2026-09-17T09:00:00Z", "attempt": 1,
 * "scheduledTime": "<aws.scheduler.scheduled-time>"}`, where Scheduler substitutes e.g.
 * "2026-09-17T09:01:00Z". `plannedFor` is the instant the wake-up was planned for, which can be
 * earlier than the scheduled time (Scheduler needs a minute's lead) or than a retry's time;
 * `attempt` counts the sends this wake-up retries.
 */
export const ReminderEventSchema = z.object({
  applicantId: ApplicantIdSchema,
  plannedFor: z.optional(instant),
  attempt: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(100))),
  scheduledTime: z.optional(instant),
});
/** The event as Scheduler sends it (and the local stack's clock imitates). */
export type ReminderEvent = z.input<typeof ReminderEventSchema>;

export interface WakeUpCall {
  applicantId: string;
  /** The instant to plan at: `plannedFor`, else the scheduled time; absent for a manual invocation. */
  firedAt?: Date;
  /** Send attempts this wake-up retries; absent for a planned wake-up. */
  attempt?: number;
}

/**
 * Validates the event or throws InvalidInputError, which is not retriable: no retry can repair a
 * malformed event, so it ends in the function's failure destination for a person to inspect.
 */
export function parseReminderEvent(event: unknown): WakeUpCall {
  const { applicantId, plannedFor, scheduledTime, attempt } = parseOrThrow(
    ReminderEventSchema,
    event,
    "The wake-up event is malformed",
  );
  const planned = plannedFor ?? scheduledTime;
  return {
    applicantId,
    ...(planned ? { firedAt: new Date(planned) } : {}),
    ...(attempt ? { attempt } : {}),
  };
}
