import {
  ConflictException,
  CreateScheduleCommand,
  type CreateScheduleCommandInput,
  DeleteScheduleCommand,
  ResourceNotFoundException,
  type SchedulerClient,
} from "@aws-sdk/client-scheduler";
import { isTransientAwsError } from "#adapters/aws-errors.ts";
import { ConfigError, TransientError } from "#errors";
import type { ArmOptions, WakeUpScheduler } from "#ports/wake-up-scheduler.ts";

export interface EventBridgeWakeUpOptions {
  groupName: string;
  /** Role Scheduler assumes to invoke the reminder function. */
  roleArn: string;
  /** The reminder function. Unset only inside the reminder function, which passes its own ARN via withTarget(). */
  reminderFunctionArn?: string;
  /** SQS queue for invocations Scheduler could not deliver after its retries. */
  deadLetterArn: string;
  maxRetryAttempts: number;
  maxEventAgeSeconds: number;
}

/**
 * Scheduler names: 1-64 characters of [0-9a-zA-Z-_.]
 * (https://docs.aws.amazon.com/scheduler/latest/APIReference/API_CreateSchedule.html).
 * `w-<applicant>-<yyyymmddThhmmss>`: the instant is part of the name, so each wake-up is its own
 * schedule. The one that just fired is deleted by Scheduler (ActionAfterCompletion DELETE) at a
 * moment AWS does not order against the reminder's re-arm; under its own name that delete can only
 * ever remove itself, never the next wake-up.
 */
export function scheduleNameFor(applicantId: string, at: Date): string {
  const name = `${scheduleNamePrefix(applicantId)}${compactInstant(at)}`;
  if (name.length > 64)
    throw new ConfigError(`Applicant id too long for a schedule name: ${applicantId.length} chars`);
  return name;
}

/** The prefix every schedule of one applicant shares. */
export function scheduleNamePrefix(applicantId: string): string {
  return `w-${applicantId.replace(/[^0-9A-Za-z_.]/g, "_")}-`;
}

function compactInstant(at: Date): string {
  return at.toISOString().slice(0, 19).replace(/[-:]/g, "");
}

/** `at(yyyy-mm-ddThh:mm:ss)`, read in ScheduleExpressionTimezone (UTC here); sub-second parts are dropped. */
export function atExpression(instant: Date): string {
  return `at(${instant.toISOString().slice(0, 19)})`;
}

/** ISO 8601 to the second, as the reminder event carries instants. */
function isoSeconds(instant: Date): string {
  return `${instant.toISOString().slice(0, 19)}Z`;
}

/**
 * Scheduler fires with one-minute precision; an instant already past would leave a one-time
 * schedule that never fires, so the earliest instant armed is a minute from the real now. The
 * event still carries the instant planned for (`plannedFor`), and the reminder plans at that
 * instant, so a wake-up moved later by this rule still finds its reminder due.
 */
export const MIN_LEAD_MS = 60_000;

/**
 * One-time EventBridge Scheduler schedules, one per pending wake-up (DESIGN decision 3), each
 * deleted by Scheduler after it fires (ActionAfterCompletion DELETE).
 *
 * arm() is one CreateSchedule; a ConflictException means that very wake-up (same applicant, same
 * instant) is already armed, which is success. With `replacing`, one DeleteSchedule of the old
 * instant follows the create, so the applicant is never without a wake-up. disarm() is one
 * DeleteSchedule (not found is fine). No Get, Update or List call is needed.
 */
export class EventBridgeWakeUpScheduler implements WakeUpScheduler {
  constructor(
    private readonly client: SchedulerClient,
    private readonly options: EventBridgeWakeUpOptions,
    private readonly realNow: () => Date = () => new Date(),
  ) {}

  /** The same scheduler, targeting the given function (the reminder function's own invoked ARN). */
  withTarget(reminderFunctionArn: string): EventBridgeWakeUpScheduler {
    return new EventBridgeWakeUpScheduler(
      this.client,
      { ...this.options, reminderFunctionArn },
      this.realNow,
    );
  }

  async arm(applicantId: string, at: Date, options: ArmOptions = {}): Promise<void> {
    const input = this.scheduleInput(applicantId, at, options);
    await this.call(async () => {
      try {
        await this.client.send(new CreateScheduleCommand(input));
      } catch (error) {
        if (!(error instanceof ConflictException)) throw error;
      }
    });
    const replacing = options.replacing;
    if (replacing && scheduleNameFor(applicantId, replacing) !== input.Name)
      await this.disarm(applicantId, replacing);
  }

  /**
   * One DeleteSchedule of the wake-up armed at `armedAt` (not found is fine: it fired). Without the
   * instant there is no name to delete: only the planner asks so, for an applicant no longer in the
   * table, whose pending wake-up then fires once, finds no applicant and deletes itself.
   */
  async disarm(applicantId: string, armedAt?: Date): Promise<void> {
    if (!armedAt) return;
    const name = scheduleNameFor(applicantId, armedAt);
    await this.call(async () => {
      try {
        await this.client.send(new DeleteScheduleCommand({ Name: name, GroupName: this.options.groupName }));
      } catch (error) {
        if (!(error instanceof ResourceNotFoundException)) throw error;
      }
    });
  }

  private scheduleInput(applicantId: string, at: Date, options: ArmOptions): CreateScheduleCommandInput {
    const target = this.options.reminderFunctionArn;
    if (!target) throw new ConfigError("REMINDER_FUNCTION_ARN is not set");
    const earliest = this.realNow().getTime() + MIN_LEAD_MS;
    const fireAt = at.getTime() < earliest ? new Date(earliest) : at;
    const event = {
      applicantId,
      plannedFor: isoSeconds(options.plannedFor ?? at),
      ...(options.attempt ? { attempt: options.attempt } : {}),
      // Scheduler substitutes the context attribute when it invokes; the event needs no envelope.
      // https://docs.aws.amazon.com/scheduler/latest/UserGuide/managing-schedule-context-attributes.html
      scheduledTime: "<aws.scheduler.scheduled-time>",
    };
    return {
      Name: scheduleNameFor(applicantId, at),
      GroupName: this.options.groupName,
      ScheduleExpression: atExpression(fireAt),
      ScheduleExpressionTimezone: "UTC",
      FlexibleTimeWindow: { Mode: "OFF" },
      ActionAfterCompletion: "DELETE",
      State: "ENABLED",
      Target: {
        Arn: target,
        RoleArn: this.options.roleArn,
        Input: JSON.stringify(event),
        RetryPolicy: {
          MaximumRetryAttempts: this.options.maxRetryAttempts,
          MaximumEventAgeInSeconds: this.options.maxEventAgeSeconds,
        },
        DeadLetterConfig: { Arn: this.options.deadLetterArn },
      },
    };
  }

  private async call(action: () => Promise<void>): Promise<void> {
    try {
      await action();
    } catch (error) {
      // A ConflictException outside CreateSchedule is a concurrent change to the same schedule:
      // another attempt decides it (https://docs.aws.amazon.com/scheduler/latest/APIReference/CommonErrors.html).
      if (isTransientAwsError(error) || error instanceof ConflictException)
        throw new TransientError("EventBridge Scheduler call failed", { cause: error });
      throw error;
    }
  }
}
