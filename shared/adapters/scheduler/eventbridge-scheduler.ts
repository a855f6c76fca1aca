import {
  ConflictException,
  CreateScheduleCommand,
  type CreateScheduleCommandInput,
  DeleteScheduleCommand,
  ResourceNotFoundException,
  type SchedulerClient,
  UpdateScheduleCommand,
} from "@aws-sdk/client-scheduler";
import { isTransientAwsError } from "#adapters/aws-errors.ts";
import { ConfigError, TransientError } from "#errors";
import type { WakeUpScheduler } from "#ports/wake-up-scheduler.ts";

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
  /**
   * Set for the reminder function: it runs because this applicant's one-time schedule just fired,
   * and ActionAfterCompletion DELETE has removed it, so arm() tries CreateSchedule first (one call)
   * instead of UpdateSchedule → ResourceNotFound → CreateSchedule (two). A ConflictException (the
   * planner re-armed meanwhile) falls back to one UpdateSchedule.
   */
  createFirst?: boolean;
}

/** Scheduler names: 1-64 characters of [0-9a-zA-Z-_.]. */
export function scheduleNameFor(applicantId: string): string {
  const safe = applicantId.replace(/[^0-9A-Za-z_.-]/g, "_");
  const name = `wake-${safe}`;
  if (name.length > 64)
    throw new ConfigError(`Applicant id too long for a schedule name: ${applicantId.length} chars`);
  return name;
}

/** `at(yyyy-mm-ddThh:mm:ss)`, read in ScheduleExpressionTimezone (UTC here); sub-second parts are dropped. */
export function atExpression(instant: Date): string {
  return `at(${instant.toISOString().slice(0, 19)})`;
}

/**
 * Scheduler fires with one-minute precision; an instant already past would leave a one-time
 * schedule that never fires, so the earliest instant armed is a minute from the real now.
 */
const MIN_LEAD_MS = 60_000;

/**
 * One one-time EventBridge Scheduler schedule per applicant (DESIGN decision 3), deleted by
 * Scheduler after it fires (ActionAfterCompletion DELETE).
 *
 * arm() costs ONE UpdateSchedule call when the applicant already has a pending schedule (the
 * common case: re-planning moves it), and two calls (UpdateSchedule → ResourceNotFound →
 * CreateSchedule) when none exists. A concurrent creator (ConflictException) is answered with one
 * more UpdateSchedule so the latest instant wins. disarm() is one DeleteSchedule; not found is fine.
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

  async arm(applicantId: string, at: Date): Promise<void> {
    const earliest = this.realNow().getTime() + MIN_LEAD_MS;
    const instant = at.getTime() < earliest ? new Date(earliest) : at;
    const input = this.scheduleInput(applicantId, instant);
    await this.call(async () => {
      if (this.options.createFirst) {
        try {
          await this.client.send(new CreateScheduleCommand(input));
        } catch (error) {
          if (!(error instanceof ConflictException)) throw error;
          await this.client.send(new UpdateScheduleCommand(input));
        }
        return;
      }
      try {
        await this.client.send(new UpdateScheduleCommand(input));
      } catch (error) {
        if (!(error instanceof ResourceNotFoundException)) throw error;
        try {
          await this.client.send(new CreateScheduleCommand(input));
        } catch (createError) {
          if (!(createError instanceof ConflictException)) throw createError;
          await this.client.send(new UpdateScheduleCommand(input));
        }
      }
    });
  }

  async disarm(applicantId: string): Promise<void> {
    await this.call(async () => {
      try {
        await this.client.send(
          new DeleteScheduleCommand({
            Name: scheduleNameFor(applicantId),
            GroupName: this.options.groupName,
          }),
        );
      } catch (error) {
        if (!(error instanceof ResourceNotFoundException)) throw error;
      }
    });
  }

  private scheduleInput(applicantId: string, at: Date): CreateScheduleCommandInput {
    const target = this.options.reminderFunctionArn;
    if (!target) throw new ConfigError("REMINDER_FUNCTION_ARN is not set");
    return {
      Name: scheduleNameFor(applicantId),
      GroupName: this.options.groupName,
      ScheduleExpression: atExpression(at),
      ScheduleExpressionTimezone: "UTC",
      FlexibleTimeWindow: { Mode: "OFF" },
      ActionAfterCompletion: "DELETE",
      State: "ENABLED",
      Target: {
        Arn: target,
        RoleArn: this.options.roleArn,
        // Scheduler substitutes the context attribute when it invokes; the event needs no envelope.
        // https://docs.aws.amazon.com/scheduler/latest/UserGuide/managing-schedule-context-attributes.html
        Input: JSON.stringify({ applicantId, scheduledTime: "<aws.scheduler.scheduled-time>" }),
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
      if (isTransientAwsError(error))
        throw new TransientError("EventBridge Scheduler call failed", { cause: error });
      throw error;
    }
  }
}
