import * as z from "zod/mini";
import {
  awsPieces,
  awsSettings,
  type Environment,
  eventPieces,
  linkSecrets,
  mailPieces,
  parse,
  SchedulerSchema,
  type SecretSetting,
  secretPieces,
  wakeUpSettings,
  withoutEmpty,
} from "./env-pieces.ts";
import type { PlannerConfig } from "./planner.ts";

/** The reminder function's configuration, read from the environment once at cold start (env-pieces.ts says how). */

export interface ReminderConfig extends PlannerConfig {
  senderAddress: string;
  sesConfigurationSet?: string;
  publicBaseUrl: string;
  linkSigningKeys: SecretSetting;
}

const ReminderSchema = z.object({
  ...awsPieces,
  ...eventPieces,
  ...mailPieces,
  ...secretPieces("LINK_SIGNING_KEYS", "LINK_SIGNING_KEYS_PARAMETER"),
});

/** reminder: the planner's settings plus SENDER_ADDRESS, SES_CONFIGURATION_SET, PUBLIC_BASE_URL, LINK_SIGNING_KEYS(_PARAMETER). */
export function loadReminderConfig(env: Environment = process.env): ReminderConfig {
  const values = withoutEmpty(env);
  const base = parse(ReminderSchema, values);
  const scheduler = parse(SchedulerSchema, values);
  return {
    ...awsSettings(base, {
      ses: base.MATCHPATH_SES_ENDPOINT,
      eventbridge: base.MATCHPATH_EVENTBRIDGE_ENDPOINT,
      scheduler:
        scheduler.WAKE_UP_SCHEDULER === "eventbridge" ? scheduler.MATCHPATH_SCHEDULER_ENDPOINT : undefined,
    }),
    eventBusName: base.EVENT_BUS_NAME,
    wakeUps: wakeUpSettings(scheduler),
    senderAddress: base.SENDER_ADDRESS,
    ...(base.SES_CONFIGURATION_SET ? { sesConfigurationSet: base.SES_CONFIGURATION_SET } : {}),
    publicBaseUrl: base.PUBLIC_BASE_URL.replace(/\/+$/, ""),
    ...linkSecrets(values),
  };
}
