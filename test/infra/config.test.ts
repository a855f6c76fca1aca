import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isDisposable, parseStageConfig } from "../../infra/config.ts";

const cdkJson = JSON.parse(readFileSync(new URL("../../cdk.json", import.meta.url), "utf8"));
const stages = cdkJson.context["matchpath:stages"] as Record<string, unknown>;

const valid = {
  senderAddress: "reminders@mail.example.org",
  senderDomain: "mail.example.org",
  alarmEmail: "operators@example.org",
  secrets: {
    webhookSecretParameter: "/mp/webhook",
    unsubscribeSecretParameter: "/mp/unsubscribe",
    linkSigningKeysParameter: "/mp/link-keys",
  },
};

describe("stage config", () => {
  it.each(Object.keys(stages))("the %s stage in cdk.json is valid", (stage) => {
    expect(parseStageConfig(stage, stages[stage]).stage).toBe(stage);
  });

  it("fills the defaults", () => {
    expect(parseStageConfig("prod", valid)).toMatchObject({
      senderName: "Matchpath",
      manageEmailIdentity: true,
      logRetentionDays: 90,
      api: { rateLimit: 50, burstLimit: 100 },
      scheduler: { maxRetryAttempts: 185, maxEventAgeSeconds: 86_400 },
      sweeperHourUtc: 6,
    });
  });

  it("needs no unsubscribe secret: that one only verifies links sent before the keyring signed them", () => {
    const { unsubscribeSecretParameter: _legacy, ...keyringOnly } = valid.secrets;
    expect(parseStageConfig("prod", { ...valid, secrets: keyringOnly }).secrets).not.toHaveProperty(
      "unsubscribeSecretParameter",
    );
  });

  it.each([
    ["senderAddress", { senderAddress: "reminders@elsewhere.org" }],
    ["senderDomain", { senderDomain: "not a domain" }],
    ["logRetentionDays", { logRetentionDays: 10 }],
    ["publicBaseUrl", { publicBaseUrl: "http://insecure.example.org" }],
    ["secrets.webhookSecretParameter", { secrets: { ...valid.secrets, webhookSecretParameter: "no-slash" } }],
    ["scheduler.maxEventAgeSeconds", { scheduler: { maxRetryAttempts: 1, maxEventAgeSeconds: 10 } }],
  ])("names the wrong key %s", (key, override) => {
    expect(() => parseStageConfig("prod", { ...valid, ...override })).toThrow(key);
  });

  it.each([
    ["reminderConcurency", { reminderConcurency: 4 }],
    ["kmsKeyArm", { secrets: { ...valid.secrets, kmsKeyArm: "arn:aws:kms:us-east-1:123456789012:key/x" } }],
    ["ratelimit", { api: { ratelimit: 10 } }],
    ["maxRetryAttempt", { scheduler: { maxRetryAttempt: 3 } }],
  ])("refuses the misspelled key %s instead of falling back to its default", (key, override) => {
    expect(() => parseStageConfig("prod", { ...valid, ...override })).toThrow(key);
  });

  it("names a stage that has no settings", () => {
    expect(() => parseStageConfig("staging", undefined)).toThrow('No settings for stage "staging"');
  });

  it("treats only dev as disposable", () => {
    expect(isDisposable({ stage: "dev" })).toBe(true);
    expect(isDisposable({ stage: "prod" })).toBe(false);
  });
});
