import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { DynamoDBClient, paginateScan } from "@aws-sdk/client-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import { applicantIdFor } from "#adapters/dynamodb/keys.ts";
import type { ApplicantSnapshot } from "#domain/snapshot.ts";
import { signedHeaders } from "#intake/standard-webhooks.ts";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "#local/dynamodb-local.ts";
import { readSesStore } from "#local/ses-local.ts";

/**
 * The whole local stack in a child process (test/faults/support/stack-child.ts) that a test can kill
 * with SIGKILL, the DynamoDB Local JVM included, and start again on the same data directory. The
 * SES emulator lives in the test's process, as SES outlives a crashed Lambda.
 */
interface Running {
  child: ChildProcess;
  api: string;
  dynamodb: string;
  tableName: string;
  webhookSecret: string;
  jvm: number;
}

export class CrashableStack {
  private running: Running | undefined;
  readonly dataDir = mkdtempSync(join(tmpdir(), "matchpath-crash-"));
  kills = 0;

  constructor(private readonly sesEndpoint: string) {}

  async start(clock: Date): Promise<void> {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", new URL("./stack-child.ts", import.meta.url).pathname],
      {
        detached: true,
        stdio: ["ignore", "pipe", "pipe"],
        env: {
          ...process.env,
          MATCHPATH_DATA_DIR: this.dataDir,
          MATCHPATH_SES_ENDPOINT: this.sesEndpoint,
          MATCHPATH_CLOCK: clock.toISOString(),
        },
      },
    );
    let errors = "";
    child.stderr?.on("data", (data: Buffer) => {
      errors = `${errors}${data.toString("utf8")}`.slice(-4000);
    });
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout as NodeJS.ReadableStream }).once("line", resolve);
      child.once("exit", (code) =>
        reject(new Error(`the stack exited (${code}) while starting:\n${errors}`)),
      );
    });
    const facts = JSON.parse(line) as Omit<Running, "child">;
    this.running = { child, ...facts };
  }

  private get live(): Running {
    if (!this.running) throw new Error("the stack is not running");
    return this.running;
  }

  /** kill -9 of the stack's process group and of the DynamoDB Local JVM, at once. */
  async kill(): Promise<void> {
    const { child, jvm } = this.live;
    this.running = undefined;
    this.kills++;
    for (const pid of [-(child.pid as number), jvm]) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // Already gone.
      }
    }
    await waitGone([child.pid as number, jvm]);
  }

  async stop(): Promise<void> {
    if (this.running) await this.kill();
    this.kills = Math.max(0, this.kills - 1);
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  async intake(snapshot: ApplicantSnapshot): Promise<void> {
    const body = JSON.stringify(snapshot);
    const response = await fetch(`${this.live.api}/intake/webhook`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...signedHeaders(this.live.webhookSecret, `msg_${snapshot.submissionId}`, body),
      },
      body,
    });
    if (response.status !== 202)
      throw new Error(`intake answered ${response.status}: ${await response.text()}`);
    await fetch(`${this.live.api}/local/drain`, { method: "POST" });
  }

  /** Moves the local clock to `target`, firing what falls due; rejects if the stack dies meanwhile. */
  async moveClock(target: Date): Promise<void> {
    const response = await fetch(`${this.live.api}/local/clock`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ now: target.toISOString() }),
    });
    if (!response.ok)
      throw new Error(`POST /local/clock answered ${response.status}: ${await response.text()}`);
  }

  /** Reminder ids the ledger says were sent, and the SES message ids it recorded, per applicant. */
  async ledger(): Promise<Map<string, { sent: Set<string>; messageIds: Set<string> }>> {
    const client = new DynamoDBClient({
      endpoint: this.live.dynamodb,
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
    });
    const byApplicant = new Map<string, { sent: Set<string>; messageIds: Set<string> }>();
    try {
      for await (const page of paginateScan(
        { client },
        {
          TableName: this.live.tableName,
          FilterExpression: "entity = :reminder",
          ExpressionAttributeValues: { ":reminder": { S: "reminder" } },
        },
      )) {
        for (const raw of page.Items ?? []) {
          const item = unmarshall(raw);
          if (item.status !== "sent") continue;
          const entry = byApplicant.get(String(item.applicantId)) ?? {
            sent: new Set(),
            messageIds: new Set(),
          };
          entry.sent.add(String(item.reminderId));
          entry.messageIds.add(String(item.messageId));
          byApplicant.set(String(item.applicantId), entry);
        }
      }
    } finally {
      client.destroy();
    }
    return byApplicant;
  }
}

async function waitGone(pids: number[]): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const alive = pids.filter((pid) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    });
    if (alive.length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Emails SES accepted per recipient address (lower-cased), with their message ids. */
export async function emailsByRecipient(sesEndpoint: string): Promise<Map<string, string[]>> {
  const byRecipient = new Map<string, string[]>();
  for (const email of await readSesStore(sesEndpoint)) {
    for (const to of email.destination.to) {
      const address = (/<([^>]+)>/.exec(to)?.[1] ?? to).toLowerCase();
      byRecipient.set(address, [...(byRecipient.get(address) ?? []), email.messageId]);
    }
  }
  return byRecipient;
}

/** Applicants whose Step 2 CK falls inside the season, in several zones: a few emails each. */
export function crashApplicants(run: string, count: number): ApplicantSnapshot[] {
  const zones = ["Asia/Kolkata", "Africa/Lagos", "America/Chicago", "Europe/London", "Asia/Manila"];
  const exams = ["2026-06-24", "2026-07-08", "2026-07-22", "2026-08-05", "2026-08-19"];
  return Array.from({ length: count }, (_, index) => {
    const externalId = `crash-${run}-${index}`;
    return {
      type: "applicant.snapshot",
      submissionId: `${externalId}-intake`,
      applicant: {
        externalId,
        email: `${externalId}@example.org`,
        fullName: "Chidi Okeke",
        timezone: zones[index % zones.length] as string,
        matchYear: 2027,
        specialties: ["Internal Medicine"],
        visa: "J-1",
        graduation: "2024-05-31",
        medicalSchool: { name: "University of Nigeria", country: "NG", wdomsSponsorNote: true },
        programsPlanned: 80,
      },
      milestones: [
        { key: "wdoms_listing", status: "done" },
        { key: "ecfmg_application", status: "done" },
        { key: "usmle_step1", status: "done", date: "2025-03-10" },
        { key: "usmle_step2ck", status: "scheduled", date: exams[index % exams.length] as string },
        { key: "oet_medicine", status: "done", date: "2025-01-10" },
      ],
      interviews: [],
    };
  });
}

export { applicantIdFor };
