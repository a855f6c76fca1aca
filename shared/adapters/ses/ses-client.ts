import { SESv2Client } from "@aws-sdk/client-sesv2";
import { type AwsClientSettings, clientOptions, type MatchpathFunction } from "#adapters/aws-clients.ts";
import { clientTiming } from "#adapters/client-timing.ts";
import { timedClientOptions } from "#adapters/request-timing.ts";

/** The SES v2 client (aws-ses-v2-local when the settings name its endpoint), timed for `fn`. */
export function createSesClient(settings: AwsClientSettings, fn: MatchpathFunction): SESv2Client {
  return new SESv2Client({
    ...clientOptions(settings, settings.endpoints.ses),
    ...timedClientOptions(clientTiming(fn, "ses")),
  });
}
