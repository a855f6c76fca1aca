import * as z from "zod/mini";
import type { WakeUpSettings } from "#adapters/scheduler/wake-up-scheduler-for.ts";
import { ConfigError } from "#errors";
import {
  type AwsSettings,
  awsPieces,
  awsSettings,
  type Environment,
  eventPieces,
  mailPieces,
  parse,
  SchedulerSchema,
  wakeUpSettings,
  withoutEmpty,
} from "./env-pieces.ts";

/** The planner function's configuration, read from the environment once at cold start (env-pieces.ts says how). */

export interface PlannerConfig extends AwsSettings {
  eventBusName: string;
  wakeUps: WakeUpSettings;
  /**
   * Where advisor escalations are sent from and link to: set when SENDER_ADDRESS and
   * PUBLIC_BASE_URL are; absent, the planner escalates nothing.
   */
  escalation?: { senderAddress: string; sesConfigurationSet?: string; publicBaseUrl: string };
}

const PlannerSchema = z.object({
  ...awsPieces,
  ...eventPieces,
  SENDER_ADDRESS: z.optional(mailPieces.SENDER_ADDRESS),
  SES_CONFIGURATION_SET: mailPieces.SES_CONFIGURATION_SET,
  MATCHPATH_SES_ENDPOINT: mailPieces.MATCHPATH_SES_ENDPOINT,
  PUBLIC_BASE_URL: z.optional(mailPieces.PUBLIC_BASE_URL),
});

/** planner: the AWS pieces, EVENT_BUS_NAME, the wake-up scheduler settings, and for escalations optional SENDER_ADDRESS + PUBLIC_BASE_URL (SES_CONFIGURATION_SET). */
export function loadPlannerConfig(env: Environment = process.env): PlannerConfig {
  const values = withoutEmpty(env);
  const base = parse(PlannerSchema, values);
  const scheduler = parse(SchedulerSchema, values);
  if (scheduler.WAKE_UP_SCHEDULER === "eventbridge" && !scheduler.REMINDER_FUNCTION_ARN) {
    throw new ConfigError("Invalid configuration: REMINDER_FUNCTION_ARN is required");
  }
  return {
    ...awsSettings(base, {
      ses: base.SENDER_ADDRESS ? base.MATCHPATH_SES_ENDPOINT : undefined,
      eventbridge: base.MATCHPATH_EVENTBRIDGE_ENDPOINT,
      scheduler:
        scheduler.WAKE_UP_SCHEDULER === "eventbridge" ? scheduler.MATCHPATH_SCHEDULER_ENDPOINT : undefined,
    }),
    eventBusName: base.EVENT_BUS_NAME,
    wakeUps: wakeUpSettings(scheduler),
    ...(base.SENDER_ADDRESS && base.PUBLIC_BASE_URL
      ? {
          escalation: {
            senderAddress: base.SENDER_ADDRESS,
            ...(base.SES_CONFIGURATION_SET ? { sesConfigurationSet: base.SES_CONFIGURATION_SET } : {}),
            publicBaseUrl: base.PUBLIC_BASE_URL.replace(/\/+$/, ""),
          },
        }
      : {}),
  };
}
