import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { signedHeaders } from "#intake/standard-webhooks.ts";
import { parseKeyring } from "#links/link-token.ts";
import { createUnsubscribeToken, unsubscribeUrl } from "#links/unsubscribe-token.ts";

/**
 * `npm start` as a fresh clone runs it, twice on one data folder (its own ports, beside the suite's
 * stack): the first start makes the secrets the links are signed with and keeps them there; the
 * second reads them, so a link from an email of the first run still opens the applicant's page.
 */
interface Started {
  process: ChildProcess;
  api: string;
  output: () => string;
}

function startMatchpath(dataDir: string): Promise<Started> {
  // As `npm start` runs it (tsx infra/local/start.ts), without npm's own start-up; every port free.
  const child = spawn(join("node_modules", ".bin", "tsx"), ["infra/local/start.ts"], {
    env: {
      ...process.env,
      MATCHPATH_DATA_DIR: dataDir,
      PORT: "0",
      MATCHPATH_SES_PORT: "0",
      MATCHPATH_DYNAMODB_PORT: "0",
      MATCHPATH_OIDC_PORT: "0",
      MATCHPATH_CLOCK: "2026-11-30T12:00:00Z",
      MATCHPATH_WEBHOOK_SECRET: "",
    },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += String(chunk);
  });
  child.stderr?.on("data", (chunk) => {
    output += String(chunk);
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start did not come up:\n${output}`)), 150_000);
    const check = () => {
      const api = /^ {2}API\s+(http:\/\/\S+)/m.exec(output)?.[1];
      if (api) {
        clearTimeout(timer);
        child.stdout?.off("data", check);
        resolve({ process: child, api, output: () => output });
      }
    };
    child.stdout?.on("data", check);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited with ${code}:\n${output}`));
    });
  });
}

/** Ctrl-C, as a person stops it: the whole process group, then wait for the exit. */
async function stop(started: Started | undefined): Promise<void> {
  const child = started?.process;
  if (!child?.pid || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  process.kill(-child.pid, "SIGINT");
  await exited;
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("npm start: the secrets the links are signed with", () => {
  let dataDir = "";
  let running: Started | undefined;
  afterAll(async () => {
    await stop(running);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("are made on a fresh clone's first start and kept, so a second start opens the first one's links", async () => {
    dataDir = await mkdtemp(join(tmpdir(), "matchpath-npm-start-"));
    running = await startMatchpath(dataDir);
    const webhookSecret = (await readFile(join(dataDir, "webhook-secret"), "utf8")).trim();
    const keys = await readFile(join(dataDir, "link-signing-keys"), "utf8");
    expect(running.output()).toContain(`Webhook secret: ${webhookSecret}`);
    expect(running.output()).toContain(`Link keys:      ${join(dataDir, "link-signing-keys")}`);
    // The banner's sample applicant lands in a printed advisor's cohort, and says how due emails go out.
    expect(running.output()).toContain("  helen.advisor@matchpath.example   (advisor: their own applicants)");
    expect(running.output()).toContain(
      '"advisorEmail":"helen.advisor@matchpath.example","escalateToAdvisor":true',
    );
    expect(running.output()).toContain("npm run webhook -- <snapshot.json>");
    expect(running.output()).toContain("locally, due emails go out when you move the clock");
    // A few minutes' move sends a new applicant nothing: their first email waits for their morning.
    expect(running.output()).toContain("a new applicant's first email waits for their delivery time");

    const body = JSON.stringify({
      type: "applicant.snapshot",
      submissionId: "npm-start-1",
      applicant: {
        externalId: "npm-start",
        email: "npm.start@example.org",
        fullName: "Nadia Start",
        timezone: "Asia/Karachi",
        matchYear: 2027,
        specialties: ["Internal Medicine"],
        visa: "J-1",
        graduation: "2024-05-31",
        medicalSchool: { name: "Dow Medical College", country: "PK", wdomsSponsorNote: true },
        programsPlanned: 80,
      },
    });
    const intake = await fetch(`${running.api}/intake/webhook`, {
      method: "POST",
      headers: { "content-type": "application/json", ...signedHeaders(webhookSecret, "msg_npm_start", body) },
      body,
    });
    expect(intake.status).toBe(202);
    const { applicantId } = (await intake.json()) as { applicantId: string };
    const api = running.api;
    const links = await until("the applicant's links", async () => {
      const response = await fetch(`${api}/local/applicants/${applicantId}/links`);
      return response.ok ? ((await response.json()) as { timeline: string }) : undefined;
    });
    // What the reminder function signs into the email's List-Unsubscribe header, with the kept keyring.
    const unsubscribe = unsubscribeUrl(
      api,
      createUnsubscribeToken(parseKeyring(keys), applicantId, new Date()),
    );
    expect((await fetch(links.timeline)).status).toBe(200);
    expect((await fetch(unsubscribe)).status).toBe(200);
    await stop(running);

    running = await startMatchpath(dataDir);
    expect((await readFile(join(dataDir, "webhook-secret"), "utf8")).trim()).toBe(webhookSecret);
    expect(await readFile(join(dataDir, "link-signing-keys"), "utf8")).toBe(keys);
    // The same links, now served by the second start (its own port: the path and token are what count).
    const again = (url: string) => url.replace(api, running?.api ?? "");
    expect((await fetch(again(links.timeline))).status).toBe(200);
    expect((await fetch(again(unsubscribe))).status).toBe(200);
  }, 400_000);
});
