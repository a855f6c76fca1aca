import { EventBridgeClient } from "@aws-sdk/client-eventbridge";
import { type AwsClientSettings, clientOptions, type MatchpathFunction } from "#adapters/aws-clients.ts";
import { clientTiming } from "#adapters/client-timing.ts";
import { timedClientOptions } from "#adapters/request-timing.ts";

/** The EventBridge client (the local PutEvents stand-in when the settings name its endpoint), timed for `fn`. */
export function createEventBridgeClient(
  settings: AwsClientSettings,
  fn: MatchpathFunction,
): EventBridgeClient {
  return new EventBridgeClient({
    ...clientOptions(settings, settings.endpoints.eventbridge),
    ...timedClientOptions(clientTiming(fn, "eventBridge")),
  });
}
