import {
  type EventBridgeClient,
  PutEventsCommand,
  type PutEventsCommandOutput,
  type PutEventsRequestEntry,
} from "@aws-sdk/client-eventbridge";
import { isTransientAwsError } from "#adapters/aws-errors.ts";
import { TransientError } from "#errors";
import type { DomainEvent, EventPublisher } from "#ports/event-publisher.ts";

/** Events carry this source; DetailType is the event's type (PlanChanged, ReminderSent, ...). */
export const EVENT_SOURCE = "matchpath";

/** PutEvents accepts at most 10 entries per call. https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutEvents.html */
const MAX_ENTRIES_PER_CALL = 10;

/** Publishes domain events to the custom bus. Events are delivered at least once. */
export class EventBridgePublisher implements EventPublisher {
  constructor(
    private readonly client: EventBridgeClient,
    private readonly eventBusName: string,
  ) {}

  async publish(events: DomainEvent[]): Promise<void> {
    for (let start = 0; start < events.length; start += MAX_ENTRIES_PER_CALL) {
      await this.putBatch(events.slice(start, start + MAX_ENTRIES_PER_CALL));
    }
  }

  private async putBatch(events: DomainEvent[]): Promise<void> {
    const entries: PutEventsRequestEntry[] = events.map((event) => ({
      EventBusName: this.eventBusName,
      Source: EVENT_SOURCE,
      DetailType: event.type,
      Time: new Date(event.at),
      Detail: JSON.stringify(event),
    }));
    let output: PutEventsCommandOutput;
    try {
      output = await this.client.send(new PutEventsCommand({ Entries: entries }));
    } catch (error) {
      if (isTransientAwsError(error))
        throw new TransientError("EventBridge PutEvents failed", { cause: error });
      throw error;
    }
    if ((output.FailedEntryCount ?? 0) > 0) {
      // Entries keep their order in the response; a failed one carries ErrorCode.
      const failed = (output.Entries ?? [])
        .map((entry, index) => ({ entry, event: events[index] }))
        .filter(({ entry }) => entry.ErrorCode)
        .map(
          ({ entry, event }) => `${event?.type ?? "?"} for ${event?.applicantId ?? "?"} (${entry.ErrorCode})`,
        );
      throw new TransientError(
        `EventBridge rejected ${output.FailedEntryCount} event(s): ${failed.join(", ")}`,
      );
    }
  }
}
