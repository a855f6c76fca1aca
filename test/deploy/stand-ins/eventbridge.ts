import { ApiError, type Violations, validation } from "./api-error.ts";

/**
 * EventBridge PutEvents as its API reference constrains it: 1-10 entries, each with Source,
 * DetailType and a Detail that is a JSON object, on a bus that exists, the whole request at most
 * 256 KB counted as EventBridge counts entry sizes (Time 14 bytes, the UTF-8 bytes of Source,
 * DetailType, Detail and each Resource). Accepted entries are kept for the test to read.
 * https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutEvents.html ,
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-putevent-size.html
 */

export interface PutEventsEntry {
  Source?: string;
  DetailType?: string;
  Detail?: string;
  EventBusName?: string;
  Resources?: string[];
  Time?: number | string;
}

const MAX_REQUEST_BYTES = 256 * 1024;

export function entrySize(entry: PutEventsEntry): number {
  const bytes = (text: string | undefined) => Buffer.byteLength(text ?? "", "utf8");
  return (
    (entry.Time !== undefined ? 14 : 0) +
    bytes(entry.Source) +
    bytes(entry.DetailType) +
    bytes(entry.Detail) +
    (entry.Resources ?? []).reduce((sum, resource) => sum + bytes(resource), 0)
  );
}

export class EventBridgeStandIn {
  readonly events: { bus: string; source: string; detailType: string; detail: unknown }[] = [];

  constructor(
    private readonly buses: readonly { name: string; arn: string }[],
    private readonly violations?: Violations,
  ) {}

  /** The bus an entry names (name or ARN; absent means "default"). */
  busOf(entry: PutEventsEntry): { name: string; arn: string } | undefined {
    const named = entry.EventBusName ?? "default";
    return this.buses.find((bus) => bus.name === named || bus.arn === named);
  }

  putEvents(entries: PutEventsEntry[] | undefined): {
    FailedEntryCount: number;
    Entries: { EventId: string }[];
  } {
    const refuse = (message: string): never => {
      this.violations?.add("eventbridge", message);
      throw validation(message);
    };
    const list = entries ?? [];
    if (list.length < 1 || list.length > 10) refuse(`PutEvents takes 1-10 entries, got ${list.length}`);
    const size = list.reduce((sum, entry) => sum + entrySize(entry), 0);
    if (size > MAX_REQUEST_BYTES) refuse(`PutEvents request of ${size} bytes exceeds 256 KB`);
    for (const entry of list) {
      if (!entry.Source || !entry.DetailType || !entry.Detail)
        refuse("each entry needs Source, DetailType and Detail");
      let detail: unknown;
      try {
        detail = JSON.parse(entry.Detail ?? "");
      } catch {
        refuse("Detail must be valid JSON");
      }
      if (typeof detail !== "object" || detail === null || Array.isArray(detail))
        refuse("Detail must be a JSON object");
      const bus = this.busOf(entry);
      if (!bus)
        throw new ApiError(
          "ResourceNotFoundException",
          400,
          `Event bus ${entry.EventBusName} does not exist.`,
        );
      this.events.push({
        bus: bus.name,
        source: entry.Source ?? "",
        detailType: entry.DetailType ?? "",
        detail,
      });
    }
    return {
      FailedEntryCount: 0,
      Entries: list.map((_, index) => ({ EventId: `standin-${this.events.length}-${index}` })),
    };
  }
}
