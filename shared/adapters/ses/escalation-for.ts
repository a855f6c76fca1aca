import type { Mailer } from "#ports/mailer.ts";
import type { ReminderLedger } from "#ports/reminder-ledger.ts";
import type { AwsClientFactory, AwsClientSettings } from "../aws-clients.ts";
import { SesMailer } from "./ses-mailer.ts";

/**
 * The applicant's page as a link that works from an email: the public shell with the page in its
 * fragment (`/console#/applicants/a_…`). The data route `/console/applicants/…` needs a bearer
 * token (the JWT authorizer guards it in the cloud), which a clicked link never carries; the shell
 * signs the advisor in and then opens the route in the fragment.
 */
export function consoleApplicantUrl(publicBaseUrl: string, applicantId: string): string {
  return `${publicBaseUrl}/console#/applicants/${encodeURIComponent(applicantId)}`;
}

/**
 * The planner's escalation wiring: SES from the configured sender, links into the console at
 * PUBLIC_BASE_URL. Undefined when the configuration names no sender (escalation off).
 */
export function escalationFor(
  config: AwsClientSettings & {
    escalation?: { senderAddress: string; sesConfigurationSet?: string; publicBaseUrl: string };
  },
  ledger: ReminderLedger,
  clients: Pick<AwsClientFactory, "ses">,
): { ledger: ReminderLedger; mailer: Mailer; consoleUrl(applicantId: string): string } | undefined {
  const settings = config.escalation;
  if (settings === undefined) return undefined;
  return {
    ledger,
    mailer: new SesMailer(clients.ses(config), {
      from: settings.senderAddress,
      ...(settings.sesConfigurationSet ? { configurationSetName: settings.sesConfigurationSet } : {}),
    }),
    consoleUrl: (applicantId) => consoleApplicantUrl(settings.publicBaseUrl, applicantId),
  };
}
