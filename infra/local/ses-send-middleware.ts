import type { SendEmailCommandInput, SendEmailCommandOutput } from "@aws-sdk/client-sesv2";
import type { AwsClientFactory } from "#adapters/aws-clients.ts";

/** One SendEmail as a step of the local stack sees it: the input to send, and the call that sends it. */
export type AroundSendEmail = (
  input: SendEmailCommandInput,
  send: (input: SendEmailCommandInput) => Promise<SendEmailCommandOutput>,
) => Promise<SendEmailCommandOutput>;

/**
 * The factory with every SES client it builds passing each SendEmail through `around` (an SDK
 * middleware named `name` at the initialize step); other commands pass untouched. The local stack
 * adds what the emulator lacks this way (ses-tags.ts, ses-local-time.ts), where AWS needs nothing.
 */
export function aroundSendEmail(
  clients: AwsClientFactory,
  name: string,
  around: AroundSendEmail,
): AwsClientFactory {
  return {
    ...clients,
    ses(settings, fn) {
      const client = clients.ses(settings, fn);
      client.middlewareStack.add(
        (next, context) => async (args) => {
          if (context.commandName !== "SendEmailCommand") return next(args);
          let sent: Awaited<ReturnType<typeof next>> | undefined;
          const output = await around(args.input as SendEmailCommandInput, async (input) => {
            sent = await next({ ...args, input });
            return sent.output as SendEmailCommandOutput;
          });
          if (sent === undefined) throw new Error(`${name} returned without sending the email`);
          return { ...sent, output };
        },
        { step: "initialize", name },
      );
      return client;
    },
  };
}
