import type { EventBridgeClient } from "@aws-sdk/client-eventbridge";
import {
  ConflictException,
  CreateScheduleCommand,
  DeleteScheduleCommand,
  ResourceNotFoundException,
  type SchedulerClient,
  UpdateScheduleCommand,
} from "@aws-sdk/client-scheduler";
import type { SESv2Client } from "@aws-sdk/client-sesv2";
import type { CallCounter } from "#test/bench/support/call-counter.ts";

/**
 * In-memory stand-ins for the three AWS services the reminder path calls, behind the SDK clients'
 * `send`, so the real adapters (EventBridgeWakeUpScheduler, SesMailer, EventBridgePublisher) run
 * unchanged and every call they make is counted. The Scheduler keeps EventBridge Scheduler's
 * semantics that decide the call count: UpdateSchedule on a missing schedule fails with
 * ResourceNotFoundException, CreateSchedule on an existing one with ConflictException, and a
 * one-time schedule with ActionAfterCompletion DELETE is gone once it has fired.
 * https://docs.aws.amazon.com/scheduler/latest/APIReference/API_UpdateSchedule.html
 */

const metadata = { httpStatusCode: 400 };

export interface FakeSchedule {
  at: number;
  actionAfterCompletion: string;
  version: number;
  /** The schedule's Input, as the reminder function receives it (before Scheduler's substitution). */
  event: { applicantId: string; plannedFor?: string; attempt?: number; scheduledTime?: string };
}

export class FakeScheduler {
  readonly schedules = new Map<string, FakeSchedule>();
  private version = 0;
  /** Throw this (once) on the next call, for fault tests. */
  failNext: Error | undefined;

  constructor(
    private readonly counter: CallCounter,
    /** Told about every schedule created or moved, so the simulation can fire it. */
    private readonly onArmed: (name: string, schedule: FakeSchedule) => void = () => undefined,
    private readonly onCountChange: (delta: number) => void = () => undefined,
  ) {}

  client(scope?: string): SchedulerClient {
    return { send: (command: unknown) => this.send(command, scope) } as unknown as SchedulerClient;
  }

  /** The applicant's earliest pending schedule and its name, if any. */
  pendingFor(applicantId: string): { name: string; schedule: FakeSchedule } | undefined {
    let found: { name: string; schedule: FakeSchedule } | undefined;
    for (const [name, schedule] of this.schedules)
      if (schedule.event.applicantId === applicantId && (!found || schedule.at < found.schedule.at))
        found = { name, schedule };
    return found;
  }

  /** Scheduler fired the schedule: with ActionAfterCompletion DELETE it no longer exists. */
  fired(name: string): void {
    const schedule = this.schedules.get(name);
    if (schedule?.actionAfterCompletion === "DELETE") {
      this.schedules.delete(name);
      this.onCountChange(-1);
    }
  }

  private async send(command: unknown, scope?: string): Promise<unknown> {
    const input = (
      command as {
        input: {
          Name: string;
          ScheduleExpression?: string;
          ActionAfterCompletion?: string;
          Target?: { Input?: string };
        };
      }
    ).input;
    const operation = (command as object).constructor.name.replace(/Command$/, "");
    const fail = (error: Error): never => {
      this.counter.record("scheduler", operation, input, { error: true }, scope);
      throw error;
    };
    if (this.failNext) {
      const failure = this.failNext;
      this.failNext = undefined;
      fail(failure);
    }
    const existing = this.schedules.get(input.Name);
    if (command instanceof UpdateScheduleCommand || command instanceof CreateScheduleCommand) {
      if (command instanceof UpdateScheduleCommand && !existing)
        fail(
          new ResourceNotFoundException({
            message: `Schedule ${input.Name} does not exist.`,
            Message: `Schedule ${input.Name} does not exist.`,
            $metadata: metadata,
          }),
        );
      if (command instanceof CreateScheduleCommand && existing)
        fail(
          new ConflictException({
            message: `Schedule ${input.Name} already exists.`,
            Message: `Schedule ${input.Name} already exists.`,
            $metadata: metadata,
          }),
        );
      const at = Date.parse(`${/^at\((.+)\)$/.exec(input.ScheduleExpression ?? "")?.[1] ?? ""}Z`);
      const schedule = {
        at,
        actionAfterCompletion: input.ActionAfterCompletion ?? "NONE",
        version: ++this.version,
        event: JSON.parse(input.Target?.Input ?? "{}") as FakeSchedule["event"],
      };
      if (!existing) this.onCountChange(1);
      this.schedules.set(input.Name, schedule);
      this.counter.record("scheduler", operation, input, { error: false }, scope);
      this.onArmed(input.Name, schedule);
      return { ScheduleArn: `arn:aws:scheduler:us-east-1:000000000000:schedule/default/${input.Name}` };
    }
    if (command instanceof DeleteScheduleCommand) {
      if (!existing)
        fail(
          new ResourceNotFoundException({ message: "not found", Message: "not found", $metadata: metadata }),
        );
      this.schedules.delete(input.Name);
      this.onCountChange(-1);
      this.counter.record("scheduler", operation, input, { error: false }, scope);
      return {};
    }
    throw new Error(`FakeScheduler: ${operation} is not modelled`);
  }
}

/** SES v2 SendEmail: accepts every message, hands out message ids, counts. */
export class FakeSes {
  private sequence = 0;
  failNext: Error[] = [];
  readonly sent: { to: string; messageId: string }[] = [];

  constructor(
    private readonly counter: CallCounter,
    private readonly keep = false,
  ) {}

  client(scope?: string): SESv2Client {
    return { send: (command: unknown) => this.send(command, scope) } as unknown as SESv2Client;
  }

  private async send(command: unknown, scope?: string): Promise<unknown> {
    const input = (command as { input: { Destination?: { ToAddresses?: string[] } } }).input;
    const failure = this.failNext.shift();
    if (failure) {
      this.counter.record("ses", "SendEmail", input, { error: true }, scope);
      throw failure;
    }
    const messageId = `sim-${++this.sequence}`;
    this.counter.record("ses", "SendEmail", input, { error: false }, scope);
    if (this.keep) this.sent.push({ to: input.Destination?.ToAddresses?.[0] ?? "", messageId });
    return { MessageId: messageId, $metadata: {} };
  }
}

/** EventBridge PutEvents: accepts every entry; counts calls and entries (the billed unit). */
export class FakeEventBridge {
  entries = 0;

  constructor(private readonly counter: CallCounter) {}

  client(scope?: string): EventBridgeClient {
    return { send: (command: unknown) => this.send(command, scope) } as unknown as EventBridgeClient;
  }

  private async send(command: unknown, scope?: string): Promise<unknown> {
    const input = (command as { input: { Entries?: unknown[] } }).input;
    const count = input.Entries?.length ?? 0;
    this.entries += count;
    this.counter.record("eventbridge", "PutEvents", input, { error: false }, scope);
    return { FailedEntryCount: 0, Entries: Array.from({ length: count }, (_, n) => ({ EventId: `e${n}` })) };
  }
}
