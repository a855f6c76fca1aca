import { DynamoDBClient, paginateScan } from "@aws-sdk/client-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "#local/dynamodb-local.ts";

/**
 * Keeps every log line the handlers write in the global setup's process (Powertools JSON lines on
 * stdout/stderr, at whatever level) and the local stack's diagnostics, so the integration suite can
 * be checked for personal data once it is over. Handler lines at ERROR and above are still shown.
 */
export interface LogCapture {
  diagnostic(line: string): void;
  text(): string;
  lineCount(): number;
  restore(): void;
}

const SHOWN_LEVELS = new Set(["ERROR", "CRITICAL", "FATAL"]);

/**
 * One capture per process, shared: the browser project starts a second stack in the same process,
 * and the handlers (imported once) log wherever they log; every scan sees every line.
 */
interface SharedCapture {
  lines: string[];
  users: number;
  restore(): void;
}
// On globalThis: vitest loads each project's global setup in its own module graph.
const holder = globalThis as { matchpathLogCapture?: SharedCapture };

export function captureLogs(): LogCapture {
  holder.matchpathLogCapture ??= install();
  const capture = holder.matchpathLogCapture;
  capture.users++;
  return {
    diagnostic(line) {
      capture.lines.push(line);
      process.stderr.write(`${line}\n`);
    },
    text: () => capture.lines.join("\n"),
    lineCount: () => capture.lines.length,
    restore() {
      capture.users--;
      if (capture.users === 0) {
        capture.restore();
        holder.matchpathLogCapture = undefined;
      }
    },
  };
}

function install(): SharedCapture {
  const lines: string[] = [];
  const streams = [process.stdout, process.stderr] as const;
  const originals = streams.map((stream) => stream.write);
  streams.forEach((stream, index) => {
    const original = (originals[index] as typeof stream.write).bind(stream) as (
      ...args: unknown[]
    ) => boolean;
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      const text = typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
      if (!text.includes('"service":"matchpath-')) return original(chunk, ...rest);
      lines.push(text);
      const level = /"level":"([A-Z]+)"/.exec(text)?.[1] ?? "";
      if (SHOWN_LEVELS.has(level)) return original(chunk, ...rest);
      const callback = rest.find((arg) => typeof arg === "function") as (() => void) | undefined;
      callback?.();
      return true;
    }) as typeof stream.write;
  });
  return {
    lines,
    users: 0,
    restore() {
      streams.forEach((stream, index) => {
        stream.write = originals[index] as typeof stream.write;
      });
    },
  };
}

const EMAIL_ADDRESS = /[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;

/**
 * What of the suite's personal data the log text holds: every applicant the suite stored (its email,
 * full name and the operator's externalId, read back from the table), and any other email address at
 * all (updates naming unknown addresses never reach the table), except the sender's own.
 */
export async function personalDataIn(
  text: string,
  options: { dynamodbEndpoint: string; tableName: string; allowedAddresses: string[] },
): Promise<{ found: string[]; applicants: number }> {
  const client = new DynamoDBClient({
    endpoint: options.dynamodbEndpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
  });
  const secrets = new Map<string, string>();
  let applicants = 0;
  try {
    for await (const page of paginateScan(
      { client },
      {
        TableName: options.tableName,
        FilterExpression: "entity = :profile",
        ExpressionAttributeValues: { ":profile": { S: "profile" } },
      },
    )) {
      for (const raw of page.Items ?? []) {
        const applicant = unmarshall(raw).applicant as Record<string, unknown> | undefined;
        applicants++;
        for (const field of ["email", "fullName", "externalId"] as const) {
          const value = applicant?.[field];
          if (typeof value === "string" && value.trim().length >= 6) secrets.set(value.trim(), field);
        }
      }
    }
  } finally {
    client.destroy();
  }
  const leaks: string[] = [];
  const lower = text.toLowerCase();
  for (const [value, field] of secrets) {
    if (lower.includes(value.toLowerCase())) leaks.push(`an applicant's ${field}: ${value}`);
  }
  const allowed = new Set(
    options.allowedAddresses.flatMap((address) => address.toLowerCase().match(EMAIL_ADDRESS) ?? []),
  );
  for (const address of new Set(text.match(EMAIL_ADDRESS) ?? [])) {
    if (!allowed.has(address.toLowerCase())) leaks.push(`an email address: ${address}`);
  }
  return { found: leaks, applicants };
}
