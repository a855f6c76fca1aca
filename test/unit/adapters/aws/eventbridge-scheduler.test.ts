import "aws-sdk-client-mock-vitest/extend";
import type { CreateScheduleCommandInput } from "@aws-sdk/client-scheduler";
import {
  ConflictException,
  CreateScheduleCommand,
  DeleteScheduleCommand,
  ResourceNotFoundException,
  SchedulerClient,
  ThrottlingException,
  UpdateScheduleCommand,
} from "@aws-sdk/client-scheduler";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import {
  atExpression,
  EventBridgeWakeUpScheduler,
  scheduleNameFor,
  scheduleNamePrefix,
} from "#adapters/scheduler/eventbridge-scheduler.ts";
import { ConfigError, TransientError } from "#errors";

const scheduler = mockClient(SchedulerClient);
const meta = { $metadata: {}, Message: "from the mock" };
const realNow = () => new Date("2026-03-01T00:00:00Z");
const options = {
  groupName: "matchpath-wake-ups",
  roleArn: "arn:aws:iam::123456789012:role/scheduler",
  reminderFunctionArn: "arn:aws:lambda:us-east-1:123456789012:function:reminder",
  deadLetterArn: "arn:aws:sqs:us-east-1:123456789012:wake-up-dlq",
  maxRetryAttempts: 185,
  maxEventAgeSeconds: 86_400,
};
const wakeUps = () =>
  new EventBridgeWakeUpScheduler(
    new SchedulerClient({ region: "us-east-1", maxAttempts: 1 }),
    options,
    realNow,
  );

const expectedSchedule: CreateScheduleCommandInput = {
  Name: "w-a_abc-20260310T090000",
  GroupName: "matchpath-wake-ups",
  ScheduleExpression: "at(2026-03-10T09:00:00)",
  ScheduleExpressionTimezone: "UTC",
  FlexibleTimeWindow: { Mode: "OFF" },
  ActionAfterCompletion: "DELETE",
  Target: {
    Arn: options.reminderFunctionArn,
    RoleArn: options.roleArn,
    Input:
      '{"applicantId":"a_abc","plannedFor":"2026-03-10T09:00:00Z","scheduledTime":"<aws.scheduler.scheduled-time>"}',
    RetryPolicy: { MaximumRetryAttempts: 185, MaximumEventAgeInSeconds: 86_400 },
    DeadLetterConfig: { Arn: options.deadLetterArn },
  },
};

describe("EventBridgeWakeUpScheduler", () => {
  beforeEach(() => scheduler.reset());

  it("arms a wake-up with one CreateSchedule named by its instant", async () => {
    scheduler.on(CreateScheduleCommand).resolves({ ScheduleArn: "arn" });
    await wakeUps().arm("a_abc", new Date("2026-03-10T09:00:00.250Z"));
    expect(scheduler).toHaveReceivedCommandTimes(CreateScheduleCommand, 1);
    expect(scheduler).toHaveReceivedCommandWith(CreateScheduleCommand, { ...expectedSchedule });
    expect(scheduler).not.toHaveReceivedCommand(UpdateScheduleCommand);
    expect(scheduler).not.toHaveReceivedCommand(DeleteScheduleCommand);
  });

  it("takes ConflictException on create as already armed (same applicant, same instant)", async () => {
    scheduler.on(CreateScheduleCommand).rejects(new ConflictException({ message: "exists", ...meta }));
    await expect(wakeUps().arm("a_abc", new Date("2026-03-10T09:00:00Z"))).resolves.toBeUndefined();
    expect(scheduler).toHaveReceivedCommandTimes(CreateScheduleCommand, 1);
  });

  it("moves a wake-up by creating the new one first, then deleting the one it replaces", async () => {
    const calls: string[] = [];
    scheduler.on(CreateScheduleCommand).callsFake((input: { Name: string }) => {
      calls.push(`create ${input.Name}`);
      return { ScheduleArn: "arn" };
    });
    scheduler.on(DeleteScheduleCommand).callsFake((input: { Name: string }) => {
      calls.push(`delete ${input.Name}`);
      return {};
    });
    await wakeUps().arm("a_abc", new Date("2026-03-10T09:00:00Z"), {
      replacing: new Date("2026-03-09T09:00:00Z"),
    });
    expect(calls).toEqual(["create w-a_abc-20260310T090000", "delete w-a_abc-20260309T090000"]);
  });

  it("arms an instant already past one minute after the real now, carrying the planned instant", async () => {
    scheduler.on(CreateScheduleCommand).resolves({ ScheduleArn: "arn" });
    await wakeUps().arm("a_abc", new Date("2026-02-28T23:59:30Z"));
    expect(scheduler).toHaveReceivedCommandWith(CreateScheduleCommand, {
      Name: "w-a_abc-20260228T235930",
      ScheduleExpression: "at(2026-03-01T00:01:00)",
      Target: expect.objectContaining({
        Input: expect.stringContaining('"plannedFor":"2026-02-28T23:59:30Z"'),
      }) as never,
    });
  });

  it("carries a retry's planned instant and attempt in the event", async () => {
    scheduler.on(CreateScheduleCommand).resolves({ ScheduleArn: "arn" });
    await wakeUps().arm("a_abc", new Date("2026-03-10T09:03:17Z"), {
      plannedFor: new Date("2026-03-10T09:00:00Z"),
      attempt: 2,
    });
    expect(scheduler).toHaveReceivedCommandWith(CreateScheduleCommand, {
      Name: "w-a_abc-20260310T090317",
      Target: expect.objectContaining({
        Input:
          '{"applicantId":"a_abc","plannedFor":"2026-03-10T09:00:00Z","attempt":2,"scheduledTime":"<aws.scheduler.scheduled-time>"}',
      }) as never,
    });
  });

  it("turns throttling into a TransientError", async () => {
    scheduler.on(CreateScheduleCommand).rejects(new ThrottlingException({ message: "slow", ...meta }));
    await expect(wakeUps().arm("a_abc", new Date("2026-03-10T09:00:00Z"))).rejects.toBeInstanceOf(
      TransientError,
    );
  });

  it("turns a ConflictException on delete (a concurrent change) into a TransientError", async () => {
    scheduler.on(DeleteScheduleCommand).rejects(new ConflictException({ message: "busy", ...meta }));
    await expect(wakeUps().disarm("a_abc", new Date("2026-03-10T09:00:00Z"))).rejects.toBeInstanceOf(
      TransientError,
    );
  });

  it("disarms with DeleteSchedule and tolerates a schedule already gone", async () => {
    scheduler.on(DeleteScheduleCommand).rejects(new ResourceNotFoundException({ message: "none", ...meta }));
    await expect(wakeUps().disarm("a_abc", new Date("2026-03-10T09:00:00Z"))).resolves.toBeUndefined();
    expect(scheduler).toHaveReceivedCommandWith(DeleteScheduleCommand, {
      Name: "w-a_abc-20260310T090000",
      GroupName: "matchpath-wake-ups",
    });
  });

  it("makes no call to disarm without an instant (an applicant gone from the table)", async () => {
    await wakeUps().disarm("a_abc");
    expect(scheduler.calls()).toHaveLength(0);
  });

  it("targets the ARN given to withTarget when none is configured", async () => {
    scheduler.on(CreateScheduleCommand).resolves({ ScheduleArn: "arn" });
    const { reminderFunctionArn: _unused, ...withoutTarget } = options;
    const bare = new EventBridgeWakeUpScheduler(
      new SchedulerClient({ region: "us-east-1" }),
      withoutTarget,
      realNow,
    );
    await expect(bare.arm("a_abc", new Date("2026-03-10T09:00:00Z"))).rejects.toBeInstanceOf(ConfigError);
    await bare
      .withTarget("arn:aws:lambda:us-east-1:123456789012:function:self")
      .arm("a_abc", new Date("2026-03-10T09:00:00Z"));
    expect(scheduler).toHaveReceivedCommandWith(CreateScheduleCommand, {
      Target: expect.objectContaining({ Arn: "arn:aws:lambda:us-east-1:123456789012:function:self" }),
    });
  });

  it("derives valid schedule names and at() expressions", () => {
    const at = new Date("2026-12-31T23:59:59.999Z");
    expect(scheduleNameFor("a_b.c-d", at)).toMatch(/^[0-9A-Za-z_.-]{1,64}$/);
    expect(scheduleNameFor("a/b c", at)).toBe("w-a_b_c-20261231T235959");
    // The applicant part holds no '-', so one applicant's prefix never matches another's names.
    expect(scheduleNameFor("a-b", at).startsWith(scheduleNamePrefix("a"))).toBe(false);
    expect(scheduleNameFor(`a_${"x".repeat(26)}`, at).length).toBeLessThanOrEqual(64);
    expect(() => scheduleNameFor("x".repeat(60), at)).toThrow(ConfigError);
    expect(atExpression(new Date("2026-12-31T23:59:59.999Z"))).toBe("at(2026-12-31T23:59:59)");
  });
});
