import { randomBytes } from "node:crypto";
import { type AttributeValue, DynamoDBClient, ScanCommand } from "@aws-sdk/client-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import { inject } from "vitest";
import { applicantIdFor } from "#adapters/dynamodb/keys.ts";
import type { Plan } from "#domain/plan.ts";
import { signedHeaders } from "#intake/standard-webhooks.ts";
import type { DueRunReport } from "#local/clock-control.ts";
import type { StoredEmail } from "#local/ses-local.ts";
import type { StreamDeadLetter } from "#local/stream-poller.ts";
import type { ApplicantState } from "#ports/applicants.ts";
import type { StoredPlanSummary } from "#ports/plans.ts";

/**
 * How integration tests talk to the local stack the global setup started: over real HTTP, as a
 * form tool, an operator or a mail client would. Nothing here reaches into the stack's process.
 */

export const stack = {
  api: () => inject("apiUrl"),
  ses: () => inject("sesUrl"),
  secret: () => inject("webhookSecret"),
};

/** A suffix that keeps each test's applicants, emails and submissions apart on the shared stack. */
export function uniqueSuffix(): string {
  return randomBytes(5).toString("hex");
}

export interface WebhookReply {
  status: number;
  contentType: string | null;
  body: Record<string, unknown>;
}

/** POSTs a body to /intake/webhook signed per Standard Webhooks (unless told otherwise). */
export async function postWebhook(
  body: unknown,
  options: { secret?: string; webhookId?: string; headers?: Record<string, string>; raw?: string } = {},
): Promise<WebhookReply> {
  const text = options.raw ?? JSON.stringify(body);
  const webhookId = options.webhookId ?? `msg_${uniqueSuffix()}`;
  const response = await fetch(`${stack.api()}/intake/webhook`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...signedHeaders(options.secret ?? stack.secret(), webhookId, text),
      ...options.headers,
    },
    body: text,
  });
  return {
    status: response.status,
    contentType: response.headers.get("content-type"),
    body: (await response.json().catch(() => ({}))) as Record<string, unknown>,
  };
}

/** Sets the local clock to an instant and fires everything due on the way there. */
export async function clockTo(instant: string): Promise<DueRunReport> {
  return postClock({ now: instant });
}

/** Advances the local clock by an ISO 8601 duration and fires everything due on the way. */
export async function advanceClock(duration: string): Promise<DueRunReport> {
  return postClock({ advance: duration });
}

async function postClock(command: Record<string, string>): Promise<DueRunReport> {
  const response = await fetch(`${stack.api()}/local/clock`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(command),
  });
  if (!response.ok)
    throw new Error(
      `POST /local/clock ${JSON.stringify(command)}: ${response.status} ${await response.text()}`,
    );
  return (await response.json()) as DueRunReport;
}

/** Waits until every stream record written so far reached the planner. */
export async function drainStream(): Promise<void> {
  const response = await fetch(`${stack.api()}/local/drain`, { method: "POST" });
  if (!response.ok) throw new Error(`POST /local/drain: ${response.status}`);
}

/** The stored applicant (profile, milestones, interviews, ledger, plan summary), or undefined. */
export async function applicantState(applicantId: string): Promise<ApplicantState | undefined> {
  const response = await fetch(`${stack.api()}/local/applicants/${applicantId}`);
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`GET /local/applicants/${applicantId}: ${response.status}`);
  return (await response.json()) as ApplicantState;
}

export async function storedPlan(
  applicantId: string,
): Promise<{ summary: StoredPlanSummary | null; plan: Plan | null } | undefined> {
  const response = await fetch(`${stack.api()}/local/applicants/${applicantId}/plan`);
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`GET /local/applicants/${applicantId}/plan: ${response.status}`);
  return (await response.json()) as { summary: StoredPlanSummary | null; plan: Plan | null };
}

export async function deadLetters(): Promise<StreamDeadLetter[]> {
  const response = await fetch(`${stack.api()}/local/dlq`);
  return ((await response.json()) as { deadLetters: StreamDeadLetter[] }).deadLetters;
}

/** Every message the SES emulator holds for one recipient. */
export async function emailsTo(address: string): Promise<StoredEmail[]> {
  const response = await fetch(`${stack.ses()}/store`);
  if (!response.ok) throw new Error(`SES store: ${response.status}`);
  const { emails } = (await response.json()) as { emails: StoredEmail[] };
  return emails.filter((email) =>
    email.destination.to.some((to) => to.toLowerCase().includes(address.toLowerCase())),
  );
}

/** The one element of a list, failing the test when there are none or several. */
export function onlyOne<T>(items: readonly T[]): T {
  if (items.length !== 1)
    throw new Error(`expected exactly one, found ${items.length}: ${JSON.stringify(items).slice(0, 500)}`);
  return items[0] as T;
}

export function header(email: StoredEmail, name: string): string | undefined {
  return email.headers?.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase())?.value;
}

/** Every item in the table, read with a consistent Scan: what "nothing was written" is judged on. */
export async function scanTable(): Promise<Record<string, unknown>[]> {
  const client = new DynamoDBClient({
    endpoint: inject("dynamodbEndpoint"),
    region: "us-east-1",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  try {
    const items: Record<string, unknown>[] = [];
    let startKey: Record<string, AttributeValue> | undefined;
    do {
      const page = await client.send(
        new ScanCommand({
          TableName: inject("tableName"),
          ExclusiveStartKey: startKey,
          ConsistentRead: true,
        }),
      );
      items.push(...(page.Items ?? []).map((item) => unmarshall(item)));
      startKey = page.LastEvaluatedKey;
    } while (startKey !== undefined);
    return items;
  } finally {
    client.destroy();
  }
}

/**
 * Every item in the table whose attributes mention `text` anywhere: how a test proves that
 * nothing was stored for a rejected request, whatever the key design.
 */
export async function itemsMentioning(text: string): Promise<Record<string, unknown>[]> {
  return (await scanTable()).filter((item) => JSON.stringify(item).includes(text));
}

export { applicantIdFor };
