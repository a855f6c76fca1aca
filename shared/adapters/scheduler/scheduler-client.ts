import { SchedulerClient } from "@aws-sdk/client-scheduler";
import { type AwsClientSettings, clientOptions, type MatchpathFunction } from "#adapters/aws-clients.ts";
import { clientTiming } from "#adapters/client-timing.ts";
import { timedClientOptions } from "#adapters/request-timing.ts";

/** The EventBridge Scheduler client (the local stand-in when the settings name its endpoint), timed for `fn`. */
export function createSchedulerClient(settings: AwsClientSettings, fn: MatchpathFunction): SchedulerClient {
  return new SchedulerClient({
    ...clientOptions(settings, settings.endpoints.scheduler),
    ...timedClientOptions(clientTiming(fn, "scheduler")),
  });
}
