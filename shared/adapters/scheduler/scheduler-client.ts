import { SchedulerClient } from "@aws-sdk/client-scheduler";
import { type AwsClientSettings, clientOptions } from "#adapters/aws-clients.ts";

/** The EventBridge Scheduler client (the local stand-in when the settings name its endpoint). */
export function createSchedulerClient(settings: AwsClientSettings): SchedulerClient {
  return new SchedulerClient(clientOptions(settings, settings.endpoints.scheduler));
}
