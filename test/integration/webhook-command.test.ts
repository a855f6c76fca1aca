import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { newWebhookSecret } from "#local/secrets.ts";

/**
 * `npm run webhook` as a new user runs it beside `npm start`: the file is signed with the secret
 * `npm start` keeps (`<data dir>/webhook-secret`) and posted to the port `npm start` reads (PORT),
 * with no option given. The stack answers with its real intake: created, then duplicate for the
 * same submissionId, and 401 for another secret; with nothing listening, the command says to start it.
 */
interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

function runWebhook(args: string[], env: Record<string, string>): Promise<Ran> {
  // As `npm run webhook` runs it (tsx shared/cli/webhook.ts), without npm's own start-up.
  return new Promise((resolve) => {
    execFile(
      join("node_modules", ".bin", "tsx"),
      ["shared/cli/webhook.ts", ...args],
      { env: { ...process.env, MATCHPATH_WEBHOOK_SECRET: "", ...env } },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === "number" ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** A port nothing listens on: bound once by the system, then let go. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

describe("npm run webhook against the local stack", () => {
  const api = new URL(inject("apiUrl"));
  let dataDir = "";
  let file = "";
  const run = randomUUID().slice(0, 8);
  beforeAll(async () => {
    // The folder `npm start` keeps its secret in (MATCHPATH_DATA_DIR), holding this stack's secret.
    dataDir = await mkdtemp(join(tmpdir(), "matchpath-webhook-command-"));
    await writeFile(join(dataDir, "webhook-secret"), `${inject("webhookSecret")}\n`);
    file = join(dataDir, "snapshot.json");
    await writeFile(
      file,
      JSON.stringify({
        type: "applicant.snapshot",
        submissionId: `webhook-command-${run}`,
        applicant: {
          externalId: `webhook-command-${run}`,
          email: `webhook.command.${run}@example.org`,
          fullName: "Wanjiru Command",
          timezone: "Africa/Nairobi",
          matchYear: 2027,
          specialties: ["Internal Medicine"],
          visa: "J-1",
          graduation: "2024-05-31",
          medicalSchool: { name: "University of Nairobi", country: "KE", wdomsSponsorNote: true },
          programsPlanned: 80,
          advisorEmail: "helen.advisor@matchpath.example",
        },
      }),
    );
  });
  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });
  const asNpmStartKeepsIt = () => ({ PORT: api.port, MATCHPATH_DATA_DIR: dataDir });

  it("signs with the secret npm start keeps and posts to its port: 202 created, then 202 duplicate", async () => {
    const first = await runWebhook([file], asNpmStartKeepsIt());
    expect(first.stderr).toBe("");
    expect(first.stdout).toMatch(/^202 Accepted \(application\/json/);
    expect(first.stdout).toContain('"outcome": "created"');
    expect(first.code).toBe(0);

    const again = await runWebhook([file], asNpmStartKeepsIt());
    expect(again.stdout).toMatch(/^202 Accepted/);
    expect(again.stdout).toContain('"outcome": "duplicate"');
    expect(again.code).toBe(0);
  }, 120_000);

  it("another secret: 401 with the problem+json, exit 3", async () => {
    const wrong = await runWebhook([file, "--secret", newWebhookSecret()], asNpmStartKeepsIt());
    expect(wrong.stdout).toMatch(/^401 Unauthorized \(application\/problem\+json/);
    expect(wrong.stdout).toContain('"status": 401');
    expect(wrong.code).toBe(3);
  }, 120_000);

  it("nothing listening on npm start's port: says to start the stack, exit 1", async () => {
    const down = await runWebhook([file], { ...asNpmStartKeepsIt(), PORT: String(await closedPort()) });
    expect(down.stderr).toContain("Nothing answered at http://127.0.0.1:");
    expect(down.stderr).toContain("`npm start`");
    expect(down.code).toBe(1);
  }, 120_000);
});
