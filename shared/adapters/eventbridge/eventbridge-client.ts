import { EventBridgeClient } from "@aws-sdk/client-eventbridge";
import { type AwsClientSettings, clientOptions } from "#adapters/aws-clients.ts";

/** The EventBridge client (the local PutEvents stand-in when the settings name its endpoint). */
export function createEventBridgeClient(settings: AwsClientSettings): EventBridgeClient {
  return new EventBridgeClient(clientOptions(settings, settings.endpoints.eventbridge));
}
