import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, inject, it } from "vitest";
import type { StoredEmail } from "../../infra/local/ses-local.ts";
import { stack } from "./support/local-stack.ts";

const run = promisify(execFile);

/**
 * `npm run demo` as a new user runs it, against this local stack (issue 14 Done-when: "after
 * `npm run demo`, an email in the inbox has working action buttons"; tester finding 2: most
 * emails' buttons had expired on the clock the demo leaves, and nothing said which to open).
 * The whole walk, as written; the buttons of the emails it names are then tapped here (GET).
 */
describe("npm run demo", () => {
  let dataDir = "";
  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("names the emails whose buttons work, at least one, and each named email's button can record", async () => {
    dataDir = await mkdtemp(join(tmpdir(), "matchpath-demo-"));
    const keys = inject("handlerEnv").LINK_SIGNING_KEYS;
    if (!keys) throw new Error("the local stack was started without LINK_SIGNING_KEYS");
    await writeFile(join(dataDir, "link-signing-keys"), keys);
    // As `npm run demo` runs it (tsx), without npm's own start-up.
    const { stdout } = await run(
      join("node_modules", ".bin", "tsx"),
      ["infra/local/demo.ts", "--api", stack.api(), "--inbox", stack.ses()],
      {
        env: { ...process.env, MATCHPATH_WEBHOOK_SECRET: stack.secret(), MATCHPATH_DATA_DIR: dataDir },
        // The walk takes about 2 minutes alone, 4 when the machine is busy (seen in session 8).
        timeout: 420_000,
      },
    );
    const named = stdout.split("these emails' buttons work now:\n")[1]?.split("\n\n")[0] ?? "";
    expect(named).toMatch(/^ {2}- .+: ".+"/m);
    expect(named).not.toContain("none");
    const inbox = (await (await fetch(`${stack.ses()}/store`)).json()) as { emails: StoredEmail[] };
    for (const line of named.split("\n")) {
      const [, name, subject] = /^ {2}- (.+): "(.+)"$/.exec(line) ?? [];
      const address = new RegExp(`^ {2}${name} <(\\S+)>: \\d+$`, "m").exec(stdout)?.[1];
      const email = inbox.emails.findLast(
        (candidate) => candidate.subject === subject && candidate.destination.to.includes(address ?? ""),
      );
      const button = /http:\/\/\S+\/actions\?\S+/.exec(email?.body.text ?? "")?.[0];
      const confirmation = await fetch(button ?? "");
      // A page that can record (tester s8 issue 14 A1: "Nothing to record" pages answered 200 too).
      const canRecord = (await confirmation.text()).includes('<form method="post"');
      expect([line, confirmation.status, canRecord]).toEqual([line, 200, true]);
    }
    // A consenting demo applicant leaves an escalation email to the advisor to look at (tester s5 C6).
    expect(stdout).toMatch(
      /^ {2}- to priya\.advisor@matchpath\.example: "Matchpath: Chiamaka Okafor needs attention: .+"$/m,
    );
    expect(
      inbox.emails.some(
        (email) =>
          email.destination.to.includes("priya.advisor@matchpath.example") &&
          email.subject.startsWith("Matchpath: Chiamaka Okafor needs attention: "),
      ),
    ).toBe(true);
    expect(stdout).toMatch(/timeline: http:\/\/\S+\/timeline\?applicant=/);
    const timeline = /timeline: (\S+)/.exec(stdout)?.[1] ?? "";
    expect((await fetch(timeline)).status).toBe(200);
  }, 480_000);
});
