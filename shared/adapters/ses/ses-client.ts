import { SESv2Client } from "@aws-sdk/client-sesv2";
import { type AwsClientSettings, clientOptions } from "#adapters/aws-clients.ts";

/** The SES v2 client (aws-ses-v2-local when the settings name its endpoint). */
export function createSesClient(settings: AwsClientSettings): SESv2Client {
  return new SESv2Client(clientOptions(settings, settings.endpoints.ses));
}
