import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalStack } from "#local/stack.ts";
import type { LocalStack } from "#local/stack-options.ts";
import type { StoredEmail } from "../../infra/local/ses-local.ts";
import { captureLogs, personalDataIn } from "./support/log-capture.ts";

const run = promisify(execFile);

/**
 * `npm run demo` as a new user runs it, against a local stack of its own (after
 * `npm run demo`, an email in the inbox has working action buttons; as a new user found, most
 * emails' buttons had expired on the clock the demo leaves, and nothing said which to open).
 * The whole walk, as written; the buttons of the emails it names are then tapped here (GET).
 */
describe("npm run demo", () => {
  // The demo runs as a new user runs it: beside a fresh `npm start`, here a local stack of its own
  // (started as the global setup starts the shared one). On the shared stack its clock walk also
  // fired every wake-up the earlier files' applicants had left (20 applicants instead of its 4),
  // so its time depended on the files' order.
  let local: LocalStack | undefined;
  // The environment `npm run demo` gets: this process's, before the stack gives its handlers theirs.
  const demoEnv = { ...process.env };
  const logs = captureLogs();
  let dataDir = "";
  beforeAll(async () => {
    local = await startLocalStack({
      ports: { api: 0, ses: 0, dynamodb: 0, eventbridge: 0, oidc: 0 },
      clockStart: new Date("2026-06-01T00:00:00Z"),
      log: (line) => logs.diagnostic(`[demo's local stack] ${line}`),
      handlerLogLevel: "DEBUG",
    });
  }, 120_000);
  afterAll(async () => {
    try {
      // The global setup's log hygiene, for the handlers this stack ran (they log in this process).
      if (local) {
        const leaks = await personalDataIn(logs.text(), {
          dynamodbEndpoint: local.urls.dynamodb,
          tableName: local.tableName,
          allowedAddresses: [process.env.SENDER_ADDRESS ?? ""],
        });
        expect(logs.lineCount()).toBeGreaterThan(0);
        expect(leaks.found.slice(0, 20)).toEqual([]);
        expect(leaks.applicants).toBeGreaterThanOrEqual(4);
      }
    } finally {
      logs.restore();
      await local?.stop();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);

  it("names the emails whose buttons work, at least one, and each named email's button can record", async () => {
    if (!local) throw new Error("the demo's local stack did not start");
    const api = local.urls.api;
    const inboxUrl = local.urls.inbox;
    dataDir = await mkdtemp(join(tmpdir(), "matchpath-demo-"));
    const keys = process.env.LINK_SIGNING_KEYS;
    if (!keys) throw new Error("the local stack was started without LINK_SIGNING_KEYS");
    await writeFile(join(dataDir, "link-signing-keys"), keys);
    // As `npm run demo` runs it (tsx), without npm's own start-up.
    const { stdout } = await run(
      join("node_modules", ".bin", "tsx"),
      ["infra/local/demo.ts", "--api", api, "--inbox", inboxUrl],
      {
        env: { ...demoEnv, MATCHPATH_WEBHOOK_SECRET: local.webhookSecret, MATCHPATH_DATA_DIR: dataDir },
        // The walk takes about 2 minutes alone, 4 when the machine is busy.
        timeout: 420_000,
      },
    );
    const named = stdout.split("these emails' buttons work now:\n")[1]?.split("\n\n")[0] ?? "";
    expect(named).toMatch(/^ {2}- .+: ".+"/m);
    expect(named).not.toContain("none");
    const inbox = (await (await fetch(`${inboxUrl}/store`)).json()) as { emails: StoredEmail[] };
    for (const line of named.split("\n")) {
      const [, name, subject] = /^ {2}- (.+): "(.+)"$/.exec(line) ?? [];
      const address = new RegExp(`^ {2}${name} <(\\S+)>: \\d+$`, "m").exec(stdout)?.[1];
      const email = inbox.emails.findLast(
        (candidate) => candidate.subject === subject && candidate.destination.to.includes(address ?? ""),
      );
      const button = /http:\/\/\S+\/actions\?\S+/.exec(email?.body.text ?? "")?.[0];
      const confirmation = await fetch(button ?? "");
      // A page that can record ("Nothing to record" pages answered 200 too).
      const canRecord = (await confirmation.text()).includes('<form method="post"');
      expect([line, confirmation.status, canRecord]).toEqual([line, 200, true]);
    }
    // A consenting demo applicant leaves an escalation email to the advisor to look at.
    expect(stdout).toMatch(
      /^ {2}- to helen\.advisor@matchpath\.example: "Matchpath: Chiamaka Okafor needs attention: .+"$/m,
    );
    expect(
      inbox.emails.some(
        (email) =>
          email.destination.to.includes("helen.advisor@matchpath.example") &&
          email.subject.startsWith("Matchpath: Chiamaka Okafor needs attention: "),
      ),
    ).toBe(true);
    expect(stdout).toMatch(/timeline: http:\/\/\S+\/timeline\?applicant=/);
    const timeline = /timeline: (\S+)/.exec(stdout)?.[1] ?? "";
    expect((await fetch(timeline)).status).toBe(200);
  }, 480_000);
});
