import * as z from "zod";
import { parseOrThrow } from "#errors";

/**
 * The event an EventBridge schedule rule delivers: the "Scheduled Event" envelope from
 * aws.events with an empty detail
 * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-run-lambda-schedule.html).
 */
export const ScheduledEventSchema = z.object({
  "detail-type": z.literal("Scheduled Event"),
  source: z.literal("aws.events"),
  time: z.iso.datetime({ offset: true, message: "must be an ISO 8601 instant" }),
  id: z.string().min(1),
  resources: z.array(z.string()),
});

/** The rule's scheduled time. Throws InvalidInputError (not retriable) for any other event. */
export function parseScheduledEvent(event: unknown): { scheduledAt: Date } {
  const { time } = parseOrThrow(
    ScheduledEventSchema,
    event,
    "The sweeper expects an EventBridge Scheduled Event",
  );
  return { scheduledAt: new Date(time) };
}
