import * as z from "zod/mini";
import {
  type AwsSettings,
  awsPieces,
  awsSettings,
  type Environment,
  eventPieces,
  parse,
  withoutEmpty,
} from "./env-pieces.ts";

/** The ses-events function's configuration, read from the environment once at cold start (env-pieces.ts says how). */

export interface SesEventsConfig extends AwsSettings {
  eventBusName: string;
}

const SesEventsSchema = z.object({ ...awsPieces, ...eventPieces });

/** ses-events: the AWS pieces (TABLE_NAME, AWS_REGION, …) and EVENT_BUS_NAME (EmailSuppressed goes there). */
export function loadSesEventsConfig(env: Environment = process.env): SesEventsConfig {
  const base = parse(SesEventsSchema, withoutEmpty(env));
  return {
    ...awsSettings(base, { eventbridge: base.MATCHPATH_EVENTBRIDGE_ENDPOINT }),
    eventBusName: base.EVENT_BUS_NAME,
  };
}
