import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awsClients } from "#adapters/aws-clients-all.ts";
import { SesMailer } from "#adapters/ses/ses-mailer.ts";
import { readSesStore, type SesEmulator, startSesEmulator } from "#local/ses-local.ts";
import { LOCAL_CLOCK_HEADER, stampingLocalClock } from "#local/ses-local-time.ts";
import { createSesTagMemory } from "#local/ses-tags.ts";

/**
 * The emulator drops EmailTags, which SES hands back with each event about a message (an advisor's
 * escalation finds its applicant by tag). The local stack remembers them per MessageId, layered
 * over the local clock's stamp as the stack builds its clients: both must hold on one send.
 */
let emulator: SesEmulator;
beforeAll(async () => {
  emulator = await startSesEmulator({ port: 0 });
});
afterAll(() => emulator.stop());

describe("the local stack remembers what SES keeps and the emulator drops", () => {
  it("gives a message's tags once, by its MessageId, and the clock's stamp still reaches the inbox", async () => {
    const memory = createSesTagMemory();
    const clients = memory.remembering(
      stampingLocalClock(awsClients, { now: () => new Date("2027-03-19T16:00:00.000Z") }),
    );
    const client = clients.ses({ region: "us-east-1", endpoints: { ses: emulator.endpoint } }, "reminder");
    const mailer = new SesMailer(client, { from: "Matchpath <reminders@matchpath.example>" });
    const { messageId } = await mailer.send({
      to: "advisor@example.com",
      subject: "Escalation: Match Day",
      text: "An applicant has not answered.",
      html: "<p>An applicant has not answered.</p>",
      headers: [],
      tags: { kind: "escalation", applicantId: "app-1" },
    });

    expect(memory.take(messageId)).toEqual({ kind: ["escalation"], applicantId: ["app-1"] });
    expect(memory.take(messageId)).toBeUndefined();
    const email = (await readSesStore(emulator.endpoint)).find((each) => each.messageId === messageId);
    expect(email?.headers).toContainEqual({ name: LOCAL_CLOCK_HEADER, value: "2027-03-19T16:00:00.000Z" });
  });
});
