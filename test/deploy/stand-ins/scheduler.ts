import { ApiError, type Violations, validation } from "./api-error.ts";

/**
 * EventBridge Scheduler as its API reference describes it, in process: the validation rules a
 * schedule must pass (name, group, at() format, target input size, retry policy), the errors that
 * decide our call counts (ConflictException on an existing name, ResourceNotFoundException on a
 * missing one), and firing: a one-time schedule fires within the minute of its at() instant (never
 * before it, and never if that instant had passed when it was created), its target receiving the
 * Input with `<aws.scheduler.scheduled-time>` substituted, and with ActionAfterCompletion DELETE it
 * deletes itself afterwards at a moment AWS does not order against anything else: `fire` hands the
 * deletion back to the caller so a test can land it before or after other calls.
 *
 * https://docs.aws.amazon.com/scheduler/latest/APIReference/API_CreateSchedule.html
 * https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html (one-time schedules,
 * 60-second precision) and .../managing-schedule-context-attributes.html (the substitution).
 */

export interface StandInSchedule {
  name: string;
  group: string;
  /** The at() instant, epoch ms. */
  at: number;
  /** When it was created (stand-in clock), epoch ms. */
  createdAt: number;
  actionAfterCompletion: string;
  targetArn: string;
  roleArn: string;
  input: string;
  deadLetterArn?: string;
}

export interface CreateScheduleRequest {
  Name?: string;
  GroupName?: string;
  ScheduleExpression?: string;
  ScheduleExpressionTimezone?: string;
  FlexibleTimeWindow?: { Mode?: string; MaximumWindowInMinutes?: number };
  ActionAfterCompletion?: string;
  State?: string;
  Target?: {
    Arn?: string;
    RoleArn?: string;
    Input?: string;
    RetryPolicy?: { MaximumRetryAttempts?: number; MaximumEventAgeInSeconds?: number };
    DeadLetterConfig?: { Arn?: string };
  };
}

const NAME = /^[0-9a-zA-Z-_.]{1,64}$/;
const AT = /^at\((\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\)$/;
/** Target Input: 1 to 8192 characters (API_Target). */
const MAX_INPUT = 8192;

export class SchedulerStandIn {
  readonly schedules = new Map<string, StandInSchedule>();
  readonly calls: { operation: string; name?: string; at: number }[] = [];

  constructor(
    private readonly now: () => number,
    private readonly violations?: Violations,
  ) {}

  private key(group: string, name: string): string {
    return `${group}/${name}`;
  }

  createSchedule(request: CreateScheduleRequest): { ScheduleArn: string } {
    this.calls.push({
      operation: "CreateSchedule",
      ...(request.Name ? { name: request.Name } : {}),
      at: this.now(),
    });
    const schedule = this.validate(request);
    const key = this.key(schedule.group, schedule.name);
    if (this.schedules.has(key))
      throw new ApiError("ConflictException", 409, `Schedule ${schedule.name} already exists.`);
    this.schedules.set(key, schedule);
    return { ScheduleArn: this.arn(schedule.group, schedule.name) };
  }

  updateSchedule(request: CreateScheduleRequest): { ScheduleArn: string } {
    this.calls.push({
      operation: "UpdateSchedule",
      ...(request.Name ? { name: request.Name } : {}),
      at: this.now(),
    });
    const schedule = this.validate(request);
    const key = this.key(schedule.group, schedule.name);
    if (!this.schedules.has(key))
      throw new ApiError("ResourceNotFoundException", 404, `Schedule ${schedule.name} does not exist.`);
    this.schedules.set(key, schedule);
    return { ScheduleArn: this.arn(schedule.group, schedule.name) };
  }

  deleteSchedule(name: string, group = "default"): Record<string, never> {
    this.calls.push({ operation: "DeleteSchedule", name, at: this.now() });
    this.checkName("Name", name);
    if (!this.schedules.delete(this.key(group, name)))
      throw new ApiError("ResourceNotFoundException", 404, `Schedule ${name} does not exist.`);
    return {};
  }

  listSchedules(group: string | undefined, prefix: string | undefined): { Schedules: { Name: string }[] } {
    this.calls.push({ operation: "ListSchedules", at: this.now() });
    return {
      Schedules: [...this.schedules.values()]
        .filter((s) => (group === undefined || s.group === group) && s.name.startsWith(prefix ?? ""))
        .map((s) => ({ Name: s.name, GroupName: s.group })),
    };
  }

  /** Schedules whose minute has come (at() ≤ now), earliest first. */
  due(): StandInSchedule[] {
    const now = this.now();
    return [...this.schedules.values()].filter((s) => s.at <= now).sort((a, b) => a.at - b.at);
  }

  /**
   * Fires one schedule as Scheduler does: returns the event its target receives and, separately,
   * the completion action (the self-delete), for the caller to apply when it chooses.
   */
  fire(schedule: StandInSchedule): { event: unknown; complete: () => void } {
    if (schedule.at <= schedule.createdAt)
      this.violations?.add(
        "scheduler",
        `${schedule.name} was created for an instant already past: it never fires`,
      );
    const scheduledTime = `${new Date(schedule.at).toISOString().slice(0, 19)}Z`;
    const event = JSON.parse(
      schedule.input.replaceAll("<aws.scheduler.scheduled-time>", scheduledTime),
    ) as unknown;
    const key = this.key(schedule.group, schedule.name);
    return {
      event,
      complete: () => {
        // DELETE removes whatever schedule now holds this name: the hazard a re-arm under the same
        // name would run into.
        if (schedule.actionAfterCompletion === "DELETE") this.schedules.delete(key);
      },
    };
  }

  private arn(group: string, name: string): string {
    return `arn:aws:scheduler:us-east-1:000000000000:schedule/${group}/${name}`;
  }

  private checkName(field: string, value: string | undefined): string {
    if (value === undefined || !NAME.test(value))
      throw this.refuse(`${field} must match [0-9a-zA-Z-_.]{1,64}: ${value}`);
    return value;
  }

  private refuse(message: string): ApiError {
    this.violations?.add("scheduler", message);
    return validation(message);
  }

  private validate(request: CreateScheduleRequest): StandInSchedule {
    const name = this.checkName("Name", request.Name);
    const group =
      request.GroupName === undefined ? "default" : this.checkName("GroupName", request.GroupName);
    const at = AT.exec(request.ScheduleExpression ?? "");
    if (!at)
      throw this.refuse(`ScheduleExpression must be at(yyyy-mm-ddThh:mm:ss): ${request.ScheduleExpression}`);
    if ((request.ScheduleExpressionTimezone ?? "UTC") !== "UTC")
      throw this.refuse("this stand-in reads at() in UTC only");
    const instant = Date.parse(`${at[1]}-${at[2]}-${at[3]}T${at[4]}:${at[5]}:${at[6]}Z`);
    if (Number.isNaN(instant))
      throw this.refuse(`ScheduleExpression is not a date: ${request.ScheduleExpression}`);
    const mode = request.FlexibleTimeWindow?.Mode;
    if (mode !== "OFF" && mode !== "FLEXIBLE")
      throw this.refuse("FlexibleTimeWindow.Mode is required (OFF or FLEXIBLE)");
    if (
      request.ActionAfterCompletion !== undefined &&
      !["NONE", "DELETE"].includes(request.ActionAfterCompletion)
    )
      throw this.refuse(`ActionAfterCompletion must be NONE or DELETE: ${request.ActionAfterCompletion}`);
    const target = request.Target;
    if (!target?.Arn || !target.RoleArn) throw this.refuse("Target.Arn and Target.RoleArn are required");
    const input = target.Input ?? "";
    if (input.length < 1 || input.length > MAX_INPUT)
      throw this.refuse(`Target.Input must be 1-${MAX_INPUT} characters`);
    const retry = target.RetryPolicy;
    if (
      retry?.MaximumRetryAttempts !== undefined &&
      (retry.MaximumRetryAttempts < 0 || retry.MaximumRetryAttempts > 185)
    )
      throw this.refuse("RetryPolicy.MaximumRetryAttempts must be 0-185");
    if (
      retry?.MaximumEventAgeInSeconds !== undefined &&
      (retry.MaximumEventAgeInSeconds < 60 || retry.MaximumEventAgeInSeconds > 86_400)
    )
      throw this.refuse("RetryPolicy.MaximumEventAgeInSeconds must be 60-86400");
    return {
      name,
      group,
      at: instant,
      createdAt: this.now(),
      actionAfterCompletion: request.ActionAfterCompletion ?? "NONE",
      targetArn: target.Arn,
      roleArn: target.RoleArn,
      input,
      ...(target.DeadLetterConfig?.Arn ? { deadLetterArn: target.DeadLetterConfig.Arn } : {}),
    };
  }
}
