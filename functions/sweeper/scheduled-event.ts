import * as z from "zod";
import { fieldProblems } from "#domain/snapshot.ts";
import { InvalidInputError } from "#errors";

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
  const parsed = ScheduledEventSchema.safeParse(event);
  if (!parsed.success) {
    throw new InvalidInputError(
      "The sweeper expects an EventBridge Scheduled Event",
      fieldProblems(parsed.error),
      {
        cause: parsed.error,
      },
    );
  }
  return { scheduledAt: new Date(parsed.data.time) };
}
