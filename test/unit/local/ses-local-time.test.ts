import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awsClients } from "#adapters/aws-clients-all.ts";
import { SesMailer } from "#adapters/ses/ses-mailer.ts";
import { readSesStore, type SesEmulator, startSesEmulator } from "#local/ses-local.ts";
import { LOCAL_CLOCK_HEADER, stampingLocalClock } from "#local/ses-local-time.ts";

/**
 * The local inbox dated each email by the wall clock, the second the emulator stored it: with the
 * local clock moved to Fri 2 Apr 2027 (MATCHPATH_CLOCK), an email saying "due today" sat beside a
 * date months earlier. Each message now carries the local clock's instant, and the inbox page's
 * "At" line shows it, the real time beside it.
 */
let emulator: SesEmulator;
beforeAll(async () => {
  emulator = await startSesEmulator({ port: 0 });
});
afterAll(() => emulator.stop());

const SIMULATED = "2027-04-02T14:00:00.000Z";

async function sendOne(): Promise<string> {
  const clients = stampingLocalClock(awsClients, { now: () => new Date(SIMULATED) });
  const client = clients.ses({ region: "us-east-1", endpoints: { ses: emulator.endpoint } }, "reminder");
  const mailer = new SesMailer(client, { from: "Matchpath <reminders@matchpath.example>" });
  const { messageId } = await mailer.send({
    to: "ada@example.com",
    subject: "Sign your program's contract: due today, Fri 2 Apr 2027",
    text: "Due today.",
    html: "<p>Due today.</p>",
    headers: [{ name: "List-Unsubscribe-Post", value: "List-Unsubscribe=One-Click" }],
    tags: { kind: "reminder" },
  });
  return messageId;
}

describe("the local inbox dates an email by the local clock", () => {
  it("stamps each message with the local clock's instant, its own headers kept", async () => {
    const messageId = await sendOne();
    const email = (await readSesStore(emulator.endpoint)).find((each) => each.messageId === messageId);
    expect(email?.headers).toEqual([
      { name: "List-Unsubscribe-Post", value: "List-Unsubscribe=One-Click" },
      { name: LOCAL_CLOCK_HEADER, value: SIMULATED },
    ]);
    // The store's own second stays the real one: `GET /store?since=` reads by it.
    expect(Math.abs((email?.at ?? 0) * 1000 - Date.now())).toBeLessThan(60_000);
  });

  it("serves the inbox page with its At line reading that instant, the real time beside it", async () => {
    const messageId = await sendOne();
    const email = (await readSesStore(emulator.endpoint)).find((each) => each.messageId === messageId);
    const page = await (await fetch(`${emulator.endpoint}/`)).text();
    const lines = page.split("\n");
    const line = lines.find((each) => each.includes("<p><b>At:</b>"))?.trim();
    const sentAt = lines.find((each) => each.includes("const matchpathSentAt ="))?.trim();
    expect(line).toBeDefined();
    expect(sentAt).toBeDefined();
    // The line is a piece of the page's template literal for each email `e`, its function defined
    // before it: evaluate them so (the page's escape leaves these words as they are).
    const render = new Function("e", `const escape = (s) => s; ${sentAt} return \`${line}\`;`) as (
      e: unknown,
    ) => string;
    expect(render(email)).toContain(`${new Date(SIMULATED)} (the local clock; stored `);
    // A message without the stamp keeps the real time alone.
    const plain = { ...email, headers: [] };
    expect(render(plain)).toBe(`<p><b>At:</b> ${new Date((email?.at ?? 0) * 1000)}</p>`);
  });
});
