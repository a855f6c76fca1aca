import type { APIGatewayProxyEventV2 } from "aws-lambda";
import type { ApplicantSnapshot } from "#domain/snapshot.ts";
import { signedHeaders } from "#intake/standard-webhooks.ts";
import { parseKeyring } from "#links/link-token.ts";
import type { IntakeStore } from "#ports/intake-store.ts";
import type { OperationTally } from "#test/bench/support/call-counter.ts";
import type { HttpApiDeps } from "../../../functions/http-api/app.ts";
import { createHttpApi } from "../../../functions/http-api/app.ts";
import { simApplicant } from "./season.ts";

/**
 * What the pipeline bench sends and how it reads the counts: seeded snapshots (the season
 * generator's applicants), signed POSTs to the intake webhook, per-function tallies, the intake
 * handler's CPU in-process, and a fixed-time load of concurrent clients.
 */

/** Applicant ids of one run are fresh, so runs never meet each other's data. */
export const RUN = `b${Date.now().toString(36)}`;

export function snapshotFor(index: number): ApplicantSnapshot {
  const first = simApplicant(42, index, RUN).events[0]?.submission;
  if (first?.type !== "applicant.snapshot")
    throw new Error("season generator: first event is not a snapshot");
  return first;
}

const REQUEST_TIMEOUT_MS = 30_000;

export async function postSigned(apiUrl: string, secret: string, body: unknown, id: string): Promise<number> {
  const text = JSON.stringify(body);
  const response = await fetch(`${apiUrl}/intake/webhook`, {
    method: "POST",
    headers: { "content-type": "application/json", ...signedHeaders(secret, id, text) },
    body: text,
    // A request the local stack never answers fails here, named, instead of waiting out undici's
    // five-minute header timeout in silence.
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  await response.arrayBuffer();
  return response.status;
}

/** One function's calls to one service (`scope:label`), divided by `count` (submissions, emails). */
export function per(tallies: readonly OperationTally[], scope: string, label: string, count: number) {
  const mine = tallies.filter((t) => t.service === `${scope}:${label}`);
  const sum = mine.reduce(
    (total, t) => ({ requests: total.requests + t.requests, wcu: total.wcu + t.wcu, rcu: total.rcu + t.rcu }),
    { requests: 0, wcu: 0, rcu: 0 },
  );
  const n = Math.max(1, count);
  return { requests: sum.requests / n, wcu: sum.wcu / n, rcu: sum.rcu / n };
}

/** The same calls by operation, e.g. "Query 1.06, GetItem 1, TransactWriteItems 1.42": where each request (or write unit) comes from. */
export function byOperation(
  tallies: readonly OperationTally[],
  scope: string,
  label: string,
  count: number,
  measure: "requests" | "wcu" = "requests",
): string {
  return tallies
    .filter((t) => t.service === `${scope}:${label}`)
    .map((t) => `${t.operation} ${round(t[measure] / Math.max(1, count))}`)
    .join(", ");
}

export const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

/** CPU of the intake handler per submission, in-process, with a store that answers at once. */
export async function intakeCpuMs(count: number): Promise<number> {
  const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  const intake: IntakeStore = {
    applySubmission: async () => ({ applicantId: "a_x", outcome: "created" as const }),
  };
  // The webhook route writes through intake alone: these are never called.
  const unused = {} as HttpApiDeps["applicants"] & HttpApiDeps["suppression"];
  const api = createHttpApi({
    intake,
    applicants: unused,
    suppression: unused,
    clock: { now: () => new Date() },
    webhookSecret: async () => secret,
    unsubscribeKeys: { keyring: async () => parseKeyring(`k1=${"u".repeat(40)}`) },
    logger: { info: () => undefined, error: () => undefined },
  });
  const events: APIGatewayProxyEventV2[] = Array.from({ length: count + 200 }, (_, n) => {
    const body = JSON.stringify(snapshotFor(n % 500));
    return {
      version: "2.0",
      routeKey: "$default",
      rawPath: "/intake/webhook",
      rawQueryString: "",
      headers: { "content-type": "application/json", ...signedHeaders(secret, `msg_${n}`, body) },
      requestContext: {
        http: {
          method: "POST",
          path: "/intake/webhook",
          protocol: "HTTP/1.1",
          sourceIp: "127.0.0.1",
          userAgent: "bench",
        },
      },
      body,
      isBase64Encoded: false,
    } as unknown as APIGatewayProxyEventV2;
  });
  for (const event of events.slice(0, 200)) await api(event);
  const start = process.cpuUsage();
  for (const event of events.slice(200)) {
    const result = await api(event);
    if (result.statusCode !== 202) throw new Error(`intake answered ${result.statusCode}: ${result.body}`);
  }
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / count;
}

/** `concurrency` clients running `task` back to back for `seconds`: successes per second, and errors. */
export async function sustained(
  seconds: number,
  concurrency: number,
  task: (n: number) => Promise<boolean>,
): Promise<{ rate: number; errors: number }> {
  let next = 0;
  let ok = 0;
  let errors = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const n = next++;
        try {
          if (await task(n)) ok++;
          else errors++;
        } catch {
          errors++;
        }
      }
    }),
  );
  return { rate: ok / ((performance.now() - started) / 1000), errors };
}
