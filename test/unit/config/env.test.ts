import { describe, expect, it } from "vitest";
import { loadHttpApiConfig } from "#config/http-api.ts";
import { loadPlannerConfig } from "#config/planner.ts";
import { loadReminderConfig } from "#config/reminder.ts";
import { ConfigError } from "#errors";

const base = { AWS_REGION: "us-east-1", TABLE_NAME: "matchpath-table" };
const httpEnv = {
  ...base,
  WEBHOOK_SECRET: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
  UNSUBSCRIBE_SECRET: "u".repeat(40),
  LINK_SIGNING_KEYS: `k2=${"n".repeat(40)}\nk1=${"o".repeat(40)}`,
};
const eventbridge = {
  WAKE_UP_SCHEDULER: "eventbridge",
  SCHEDULE_GROUP_NAME: "matchpath-wake-ups",
  SCHEDULER_ROLE_ARN: "arn:aws:iam::123456789012:role/scheduler",
  REMINDER_FUNCTION_ARN: "arn:aws:lambda:us-east-1:123456789012:function:reminder",
  SCHEDULER_DLQ_ARN: "arn:aws:sqs:us-east-1:123456789012:wake-up-dlq",
};
const plannerEnv = { ...base, EVENT_BUS_NAME: "matchpath", ...eventbridge };
const reminderEnv = {
  ...plannerEnv,
  SENDER_ADDRESS: "Matchpath <reminders@example.org>",
  PUBLIC_BASE_URL: "https://api.example.org/",
  LINK_SIGNING_KEYS_PARAMETER: "/matchpath/link-signing-keys",
};

function failure(load: () => unknown): ConfigError {
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("config", () => {
  it("reads the http-api settings with the system clock by default", () => {
    expect(loadHttpApiConfig(httpEnv)).toMatchObject({
      region: "us-east-1",
      tableName: "matchpath-table",
      clock: "system",
      endpoints: {},
      webhookSecret: { kind: "value", value: httpEnv.WEBHOOK_SECRET },
      unsubscribeSecret: { kind: "value", value: httpEnv.UNSUBSCRIBE_SECRET },
      linkSigningKeys: { kind: "value", value: httpEnv.LINK_SIGNING_KEYS },
    });
  });

  it("reads no pre-keyring unsubscribe secret when none is set: unsubscribe links are signed by the keyring", () => {
    const { UNSUBSCRIBE_SECRET: _legacy, ...keyringOnly } = httpEnv;
    expect(loadHttpApiConfig(keyringOnly)).not.toHaveProperty("unsubscribeSecret");
    expect(
      loadHttpApiConfig({ ...keyringOnly, UNSUBSCRIBE_SECRET_PARAMETER: "/p/u" }).unsubscribeSecret,
    ).toEqual({
      kind: "parameter",
      name: "/p/u",
    });
  });

  it("reads the link-signing keyring of the reminder function from its SSM parameter", () => {
    expect(loadReminderConfig(reminderEnv).linkSigningKeys).toEqual({
      kind: "parameter",
      name: "/matchpath/link-signing-keys",
    });
  });

  it.each(["TABLE_NAME", "AWS_REGION"])("names a missing %s", (name) => {
    const env: Record<string, string> = { ...httpEnv };
    delete env[name];
    expect(failure(() => loadHttpApiConfig(env)).message).toContain(name);
  });

  it("explains a wrong value in Matchpath's words (zod/mini registers no locale: issue-words.ts words it)", () => {
    expect(
      failure(() => loadPlannerConfig({ ...plannerEnv, SCHEDULER_MAX_RETRY_ATTEMPTS: "500" })).message,
    ).toMatch(/SCHEDULER_MAX_RETRY_ATTEMPTS must be at most 185/);
  });

  it("treats an empty variable as missing", () => {
    expect(failure(() => loadHttpApiConfig({ ...httpEnv, TABLE_NAME: "" })).message).toContain("TABLE_NAME");
  });

  it.each([
    ["WEBHOOK_SECRET not whsec_", { WEBHOOK_SECRET: "plain" }, "WEBHOOK_SECRET"],
    ["both webhook secret forms", { WEBHOOK_SECRET_PARAMETER: "/p" }, "WEBHOOK_SECRET_PARAMETER"],
    ["a short unsubscribe secret", { UNSUBSCRIBE_SECRET: "short" }, "UNSUBSCRIBE_SECRET"],
    ["a keyring with a short key", { LINK_SIGNING_KEYS: "k1=short" }, "LINK_SIGNING_KEYS"],
    ["a missing keyring", { LINK_SIGNING_KEYS: "" }, "LINK_SIGNING_KEYS"],
    ["an unknown clock", { CLOCK: "sundial" }, "CLOCK"],
    ["a bad endpoint", { MATCHPATH_DYNAMODB_ENDPOINT: "localhost" }, "MATCHPATH_DYNAMODB_ENDPOINT"],
  ])("refuses %s, naming the variable", (_name, change, named) => {
    expect(failure(() => loadHttpApiConfig({ ...httpEnv, ...change })).message).toContain(named);
  });

  it("needs a webhook secret in one of its two forms", () => {
    const { WEBHOOK_SECRET: _unused, ...env } = httpEnv;
    expect(failure(() => loadHttpApiConfig(env)).message).toContain(
      "WEBHOOK_SECRET or WEBHOOK_SECRET_PARAMETER",
    );
    expect(
      loadHttpApiConfig({ ...env, WEBHOOK_SECRET_PARAMETER: "/matchpath/webhook" }).webhookSecret,
    ).toEqual({
      kind: "parameter",
      name: "/matchpath/webhook",
    });
  });

  it("reads the planner's EventBridge Scheduler settings with AWS's retry defaults", () => {
    expect(loadPlannerConfig(plannerEnv).wakeUps).toEqual({
      kind: "eventbridge",
      groupName: "matchpath-wake-ups",
      roleArn: eventbridge.SCHEDULER_ROLE_ARN,
      reminderFunctionArn: eventbridge.REMINDER_FUNCTION_ARN,
      deadLetterArn: eventbridge.SCHEDULER_DLQ_ARN,
      maxRetryAttempts: 185,
      maxEventAgeSeconds: 86_400,
    });
  });

  it.each([
    ["SCHEDULER_MAX_RETRY_ATTEMPTS", "186"],
    ["SCHEDULER_MAX_EVENT_AGE_SECONDS", "59"],
    ["SCHEDULER_ROLE_ARN", "role"],
    ["WAKE_UP_SCHEDULER", "cron"],
  ])("refuses %s=%s", (name, value) => {
    expect(failure(() => loadPlannerConfig({ ...plannerEnv, [name]: value })).message).toContain(name);
  });

  it("requires the planner's REMINDER_FUNCTION_ARN but lets the reminder function fall back to its own", () => {
    const { REMINDER_FUNCTION_ARN: _unused, ...withoutArn } = plannerEnv;
    expect(failure(() => loadPlannerConfig(withoutArn)).message).toContain("REMINDER_FUNCTION_ARN");
    const { REMINDER_FUNCTION_ARN: _also, ...reminderWithoutArn } = reminderEnv;
    expect(loadReminderConfig(reminderWithoutArn).wakeUps).not.toHaveProperty("reminderFunctionArn");
  });

  it("needs nothing more for the table scheduler, and keeps local endpoints", () => {
    const config = loadPlannerConfig({
      ...base,
      EVENT_BUS_NAME: "bus",
      WAKE_UP_SCHEDULER: "table",
      CLOCK: "local",
      MATCHPATH_DYNAMODB_ENDPOINT: "http://127.0.0.1:8000",
      MATCHPATH_EVENTBRIDGE_ENDPOINT: "http://127.0.0.1:4010",
    });
    expect(config).toMatchObject({
      clock: "local",
      wakeUps: { kind: "table" },
      endpoints: { dynamodb: "http://127.0.0.1:8000", eventbridge: "http://127.0.0.1:4010" },
    });
  });

  it("reads the reminder settings and trims the base URL's trailing slash", () => {
    expect(loadReminderConfig(reminderEnv)).toMatchObject({
      senderAddress: "Matchpath <reminders@example.org>",
      publicBaseUrl: "https://api.example.org",
      linkSigningKeys: { kind: "parameter", name: "/matchpath/link-signing-keys" },
    });
    // The reminder signs unsubscribe links with the keyring; it needs no other secret.
    expect(loadReminderConfig({ ...reminderEnv, UNSUBSCRIBE_SECRET_PARAMETER: "/x" })).not.toHaveProperty(
      "unsubscribeSecret",
    );
    expect(loadReminderConfig(reminderEnv)).not.toHaveProperty("sesConfigurationSet");
  });

  it.each(["SENDER_ADDRESS", "PUBLIC_BASE_URL", "EVENT_BUS_NAME"])(
    "names the reminder's missing %s",
    (name) => {
      const env: Record<string, string> = { ...reminderEnv };
      delete env[name];
      expect(failure(() => loadReminderConfig(env)).message).toContain(name);
    },
  );
});
