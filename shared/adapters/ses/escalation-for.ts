import type { Mailer, OutgoingEmail } from "#ports/mailer.ts";
import type { ReminderLedger } from "#ports/reminder-ledger.ts";
import type { SuppressionList } from "#ports/suppression-list.ts";
import type { AwsClientFactory, AwsClientSettings, MatchpathFunction } from "../aws-clients.ts";

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
 * Resolves the SES client builder when the first escalation is sent. The planner's and sweeper's
 * handler.ts pass a loader that dynamically imports ses-client.ts, so @aws-sdk/client-sesv2 is
 * evaluated on the first escalation, not at every cold start (most invocations send none);
 * in-process callers (the local stack, the benchmarks' counting clients) pass `sesOnFirstUse(clients)`.
 */
export type SesLoader = () => Promise<AwsClientFactory["ses"]>;

/** A loader over a builder already in hand (one process running every function). */
export function sesOnFirstUse(clients: Pick<AwsClientFactory, "ses">): SesLoader {
  return () => Promise.resolve(clients.ses);
}

/**
 * A Mailer that builds its SES client and SesMailer on the first send and keeps them. A failed
 * load is not kept: the next send tries again (the failed send throws, so its record is retried).
 */
function mailerOnFirstSend(make: () => Promise<Mailer>): Mailer {
  let made: Promise<Mailer> | undefined;
  return {
    async send(email: OutgoingEmail) {
      made ??= make().catch((error: unknown) => {
        made = undefined;
        throw error;
      });
      return (await made).send(email);
    },
  };
}

/**
 * An SES mailer sending from `sender.senderAddress` (through its configuration set, if any) whose
 * SES client, and the SDK module behind it, are loaded on the first send (see SesLoader): for
 * functions where sending is the rare path (escalations, the console's resend). The client is
 * timed for `fn`, the function sending.
 */
export function sesMailerOnFirstSend(
  settings: AwsClientSettings,
  fn: MatchpathFunction,
  loadSes: SesLoader,
  sender: { senderAddress: string; sesConfigurationSet?: string },
): Mailer {
  return mailerOnFirstSend(async () => {
    const [{ SesMailer }, ses] = await Promise.all([import("./ses-mailer.ts"), loadSes()]);
    return new SesMailer(ses(settings, fn), {
      from: sender.senderAddress,
      ...(sender.sesConfigurationSet ? { configurationSetName: sender.sesConfigurationSet } : {}),
    });
  });
}

/**
 * The planner's escalation wiring: SES from the configured sender, links into the console at
 * PUBLIC_BASE_URL. Undefined when the configuration names no sender (escalation off). The SES
 * client and its SDK module are loaded on the first escalation sent (see SesLoader), timed for `fn`.
 */
export function escalationFor(
  config: AwsClientSettings & {
    escalation?: { senderAddress: string; sesConfigurationSet?: string; publicBaseUrl: string };
  },
  fn: MatchpathFunction,
  ports: { ledger: ReminderLedger; suppression: Pick<SuppressionList, "suppressionReason"> },
  loadSes: SesLoader,
):
  | {
      ledger: ReminderLedger;
      suppression: Pick<SuppressionList, "suppressionReason">;
      mailer: Mailer;
      consoleUrl(applicantId: string): string;
    }
  | undefined {
  const settings = config.escalation;
  if (settings === undefined) return undefined;
  return {
    ...ports,
    mailer: sesMailerOnFirstSend(config, fn, loadSes, {
      senderAddress: settings.senderAddress,
      ...(settings.sesConfigurationSet ? { sesConfigurationSet: settings.sesConfigurationSet } : {}),
    }),
    consoleUrl: (applicantId) => consoleApplicantUrl(settings.publicBaseUrl, applicantId),
  };
}
