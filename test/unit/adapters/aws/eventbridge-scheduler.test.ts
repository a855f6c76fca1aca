import "aws-sdk-client-mock-vitest/extend";
import type { UpdateScheduleCommandInput } from "@aws-sdk/client-scheduler";
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

const expectedSchedule: UpdateScheduleCommandInput = {
  Name: "wake-a_abc",
  GroupName: "matchpath-wake-ups",
  ScheduleExpression: "at(2026-03-10T09:00:00)",
  ScheduleExpressionTimezone: "UTC",
  FlexibleTimeWindow: { Mode: "OFF" },
  ActionAfterCompletion: "DELETE",
  Target: {
    Arn: options.reminderFunctionArn,
    RoleArn: options.roleArn,
    Input: '{"applicantId":"a_abc","scheduledTime":"<aws.scheduler.scheduled-time>"}',
    RetryPolicy: { MaximumRetryAttempts: 185, MaximumEventAgeInSeconds: 86_400 },
    DeadLetterConfig: { Arn: options.deadLetterArn },
  },
};

describe("EventBridgeWakeUpScheduler", () => {
  beforeEach(() => scheduler.reset());

  it("moves an existing schedule with one UpdateSchedule call", async () => {
    scheduler.on(UpdateScheduleCommand).resolves({ ScheduleArn: "arn" });
    await wakeUps().arm("a_abc", new Date("2026-03-10T09:00:00.250Z"));
    expect(scheduler).toHaveReceivedCommandTimes(UpdateScheduleCommand, 1);
    expect(scheduler).toHaveReceivedCommandWith(UpdateScheduleCommand, { ...expectedSchedule });
    expect(scheduler).not.toHaveReceivedCommand(CreateScheduleCommand);
  });

  it("creates the schedule when UpdateSchedule finds none", async () => {
    scheduler.on(UpdateScheduleCommand).rejects(new ResourceNotFoundException({ message: "none", ...meta }));
    scheduler.on(CreateScheduleCommand).resolves({ ScheduleArn: "arn" });
    await wakeUps().arm("a_abc", new Date("2026-03-10T09:00:00Z"));
    expect(scheduler).toHaveReceivedCommandWith(CreateScheduleCommand, { ...expectedSchedule });
  });

  it("updates once more when a concurrent creator won (ConflictException)", async () => {
    scheduler
      .on(UpdateScheduleCommand)
      .rejectsOnce(new ResourceNotFoundException({ message: "none", ...meta }))
      .resolves({ ScheduleArn: "arn" });
    scheduler.on(CreateScheduleCommand).rejects(new ConflictException({ message: "exists", ...meta }));
    await wakeUps().arm("a_abc", new Date("2026-03-10T09:00:00Z"));
    expect(scheduler).toHaveReceivedCommandTimes(UpdateScheduleCommand, 2);
  });

  it("arms an instant already past one minute after the real now", async () => {
    scheduler.on(UpdateScheduleCommand).resolves({ ScheduleArn: "arn" });
    await wakeUps().arm("a_abc", new Date("2026-02-01T00:00:00Z"));
    expect(scheduler).toHaveReceivedCommandWith(UpdateScheduleCommand, {
      ScheduleExpression: "at(2026-03-01T00:01:00)",
    });
  });

  it("turns throttling into a TransientError", async () => {
    scheduler.on(UpdateScheduleCommand).rejects(new ThrottlingException({ message: "slow", ...meta }));
    await expect(wakeUps().arm("a_abc", new Date("2026-03-10T09:00:00Z"))).rejects.toBeInstanceOf(
      TransientError,
    );
  });

  it("disarms with DeleteSchedule and tolerates a schedule already gone", async () => {
    scheduler.on(DeleteScheduleCommand).rejects(new ResourceNotFoundException({ message: "none", ...meta }));
    await expect(wakeUps().disarm("a_abc")).resolves.toBeUndefined();
    expect(scheduler).toHaveReceivedCommandWith(DeleteScheduleCommand, {
      Name: "wake-a_abc",
      GroupName: "matchpath-wake-ups",
    });
  });

  it("targets the ARN given to withTarget when none is configured", async () => {
    scheduler.on(UpdateScheduleCommand).resolves({ ScheduleArn: "arn" });
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
    expect(scheduler).toHaveReceivedCommandWith(UpdateScheduleCommand, {
      Target: expect.objectContaining({ Arn: "arn:aws:lambda:us-east-1:123456789012:function:self" }),
    });
  });

  it("derives valid schedule names and at() expressions", () => {
    expect(scheduleNameFor("a_b.c-d")).toMatch(/^[0-9A-Za-z_.-]{1,64}$/);
    expect(scheduleNameFor("a/b c")).toBe("wake-a_b_c");
    expect(() => scheduleNameFor("x".repeat(60))).toThrow(ConfigError);
    expect(atExpression(new Date("2026-12-31T23:59:59.999Z"))).toBe("at(2026-12-31T23:59:59)");
  });
});
