import * as z from "#domain/zod-mini.ts";
import { parseOrThrow } from "#errors";
import { DIGEST_SCHEDULE_INPUT } from "./schedule-input.ts";

/**
 * The event an EventBridge schedule rule delivers: the "Scheduled Event" envelope from
 * aws.events with an empty detail
 * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-run-lambda-schedule.html).
 */
export const ScheduledEventSchema = z.object({
  "detail-type": z.literal("Scheduled Event"),
  source: z.literal("aws.events"),
  time: z.iso.datetime({ offset: true, message: "must be an ISO 8601 instant" }),
  id: z.string().check(z.minLength(1)),
  resources: z.array(z.string()),
});

/**
 * The advisors' daily digest schedule's input: EventBridge Scheduler delivers a schedule's `Input`
 * as the event, with `<aws.scheduler.scheduled-time>` replaced by the scheduled instant
 * (https://docs.aws.amazon.com/scheduler/latest/UserGuide/managing-schedule-context-attributes.html).
 */
export const DigestEventSchema = z.object({
  kind: z.literal(DIGEST_SCHEDULE_INPUT.kind),
  scheduledAt: z.iso.datetime({ offset: true, message: "must be an ISO 8601 instant" }),
});

export type SweeperJob = { kind: "sweep"; scheduledAt: Date } | { kind: "advisor-digest"; scheduledAt: Date };

/** The rule's scheduled time. Throws InvalidInputError (not retriable) for any other event. */
export function parseScheduledEvent(event: unknown): { scheduledAt: Date } {
  const { time } = parseOrThrow(
    ScheduledEventSchema,
    event,
    "The sweeper expects an EventBridge Scheduled Event",
  );
  return { scheduledAt: new Date(time) };
}

/** Which of the sweeper's two daily jobs an event asks for. Throws InvalidInputError for any other event. */
export function parseSweeperJob(event: unknown): SweeperJob {
  const digest = DigestEventSchema.safeParse(event);
  if (digest.success) return { kind: "advisor-digest", scheduledAt: new Date(digest.data.scheduledAt) };
  return { kind: "sweep", ...parseScheduledEvent(event) };
}
