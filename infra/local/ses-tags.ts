import type { AwsClientFactory } from "#adapters/aws-clients.ts";
import { aroundSendEmail } from "./ses-send-middleware.ts";

/**
 * What SES keeps and the emulator drops: each message's EmailTags. SES publishes them with every
 * event about the message (`mail.tags`, one array of values per name), which is how an escalation
 * to an advisor (tag `applicantId`) finds the applicant's ledger although the address is not the
 * applicant's. aws-ses-v2-local accepts EmailTags but does not store them, so the local stack
 * remembers them itself, between SendEmail's answer (its MessageId) and the feedback for that
 * message (ses-feedback.ts), which takes them once. Kept in memory: after a restart, mail sent
 * before it is traced by its address only, as before.
 * https://docs.aws.amazon.com/ses/latest/dg/event-publishing-retrieving-sns-contents.html#event-publishing-retrieving-sns-contents-mail-object
 */
export interface SesTagMemory {
  /** The factory with every SES client it builds remembering the tags of what it sends. */
  remembering(clients: AwsClientFactory): AwsClientFactory;
  /** The tags a message was sent with, as SES's events carry them, forgotten once taken. */
  take(messageId: string): Record<string, string[]> | undefined;
}

export function createSesTagMemory(): SesTagMemory {
  const tags = new Map<string, Record<string, string[]>>();
  return {
    remembering(clients) {
      return aroundSendEmail(clients, "localSesTagMemory", async (input, send) => {
        const output = await send(input);
        const sent = input.EmailTags ?? [];
        if (output.MessageId && sent.length > 0) {
          const byName: Record<string, string[]> = {};
          for (const { Name, Value } of sent) {
            if (Name && Value) byName[Name] = [...(byName[Name] ?? []), Value];
          }
          tags.set(output.MessageId, byName);
        }
        return output;
      });
    },
    take(messageId) {
      const found = tags.get(messageId);
      tags.delete(messageId);
      return found;
    },
  };
}
