import type { Mailer } from "#ports/mailer.ts";
import type { ReminderLedger } from "#ports/reminder-ledger.ts";
import { type AwsClientSettings, createSesClient } from "../aws-clients.ts";
import { SesMailer } from "./ses-mailer.ts";

/**
 * The planner's escalation wiring: SES from the configured sender, links into the console at
 * PUBLIC_BASE_URL. Undefined when the configuration names no sender (escalation off).
 */
export function escalationFor(
  config: AwsClientSettings & {
    escalation?: { senderAddress: string; sesConfigurationSet?: string; publicBaseUrl: string };
  },
  ledger: ReminderLedger,
): { ledger: ReminderLedger; mailer: Mailer; consoleUrl(applicantId: string): string } | undefined {
  const settings = config.escalation;
  if (settings === undefined) return undefined;
  return {
    ledger,
    mailer: new SesMailer(createSesClient(config), {
      from: settings.senderAddress,
      ...(settings.sesConfigurationSet ? { configurationSetName: settings.sesConfigurationSet } : {}),
    }),
    consoleUrl: (applicantId) =>
      `${settings.publicBaseUrl}/console/applicants/${encodeURIComponent(applicantId)}`,
  };
}
