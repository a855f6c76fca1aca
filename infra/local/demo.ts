import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { signedHeaders } from "#intake/standard-webhooks.ts";
import { ACTION_LINK_DAYS, applicantLinks } from "#links/applicant-links.ts";
import { type LinkKeyring, parseKeyring } from "#links/link-token.ts";
import { parseCommandLine } from "./cli-args.ts";
import type { DueRunReport } from "./clock-control.ts";
import { demoApplicants } from "./demo-applicants.ts";
import { emailsTo, fail, newestWorkingEmail, reportEscalations, request } from "./demo-inbox.ts";

/**
 * `npm run demo`, beside a running `npm start`: posts four signed applicants, walks the local
 * clock through the 2027 season a month at a time (each reminder fires at its own instant on the
 * way) and reports what was sent. Talks to the stack over HTTP only, as any client would.
 */

const USAGE = `Usage: npm run demo [-- options]

Beside a running \`npm start\`: posts four realistic applicants (signed per Standard Webhooks),
moves the local clock from June 2026 through Match Day 2027, and lists the reminder emails sent.

Options:
  --api <url>      the local API (default http://127.0.0.1:$PORT or :3000)
  --inbox <url>    the SES emulator (default http://127.0.0.1:8005)
  --until <ISO>    where the walk ends (default 2027-03-20T00:00:00Z, the day after Match Day)
  --help           this text

The webhook secret comes from MATCHPATH_WEBHOOK_SECRET, else from .data/webhook-secret
(written by npm start; MATCHPATH_DATA_DIR moves it).
`;

interface Options {
  api: string;
  inbox: string;
  until: Date;
}

function options(): Options {
  const values = parseCommandLine(
    { api: { type: "string" }, inbox: { type: "string" }, until: { type: "string" } },
    USAGE,
  );
  const until = new Date(values.until ?? "2027-03-20T00:00:00Z");
  if (Number.isNaN(until.getTime())) fail(`--until must be an ISO 8601 instant, not "${values.until}"`);
  return {
    api: (values.api ?? `http://127.0.0.1:${process.env.PORT || 3000}`).replace(/\/+$/, ""),
    inbox: (values.inbox ?? `http://127.0.0.1:${process.env.MATCHPATH_SES_PORT || 8005}`).replace(/\/+$/, ""),
    until,
  };
}

async function webhookSecret(): Promise<string> {
  if (process.env.MATCHPATH_WEBHOOK_SECRET) return process.env.MATCHPATH_WEBHOOK_SECRET;
  const file = join(process.env.MATCHPATH_DATA_DIR || ".data", "webhook-secret");
  try {
    return (await readFile(file, "utf8")).trim();
  } catch {
    fail(
      `No webhook secret: ${file} is missing. Start the stack first (npm start), or set MATCHPATH_WEBHOOK_SECRET.`,
    );
  }
}

async function moveClock(api: string, command: { now: string } | { advance: string }): Promise<DueRunReport> {
  const reply = await request<DueRunReport>(`${api}/local/clock`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(command),
  });
  if (reply.status !== 200) fail(`POST /local/clock answered ${reply.status}: ${JSON.stringify(reply.body)}`);
  return reply.body;
}

function monthLabel(instant: Date): string {
  return instant.toLocaleString("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });
}

/** The first instant of the next calendar month (UTC), or `until` if that comes first. */
function nextStop(from: Date, until: Date): Date {
  const next = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1));
  return next < until ? next : until;
}

async function main(): Promise<void> {
  const { api, inbox, until } = options();
  const secret = await webhookSecret();
  const run = `${new Date().toISOString().slice(0, 10).replaceAll("-", "")}${randomBytes(2).toString("hex")}`;

  const health = await request(`${api}/health`);
  if (health.status !== 200) fail(`${api}/health answered ${health.status}; is \`npm start\` running?`);
  await emailsTo(inbox, new Set());
  process.stdout.write(`✓ Matchpath at ${api}, inbox at ${inbox} (demo run ${run})\n`);

  const applicants = demoApplicants(run);
  const names = new Map<string, string>();
  const addresses = new Set(applicants.map((applicant) => applicant.snapshot.applicant.email.toLowerCase()));
  const pending = [...applicants];

  const submit = async (index: number): Promise<void> => {
    const [applicant] = pending.splice(index, 1);
    if (!applicant) return;
    const body = JSON.stringify(applicant.snapshot);
    const reply = await request<{ applicantId?: string; outcome?: string }>(`${api}/intake/webhook`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...signedHeaders(secret, `msg_${applicant.snapshot.submissionId}`, body),
      },
      body,
    });
    if (reply.status !== 202 || !reply.body.applicantId) {
      fail(
        `Intake refused ${applicant.snapshot.applicant.fullName}: ${reply.status} ${JSON.stringify(reply.body)}`,
      );
    }
    names.set(reply.body.applicantId, applicant.snapshot.applicant.fullName);
    process.stdout.write(
      `✓ Posted ${applicant.snapshot.applicant.fullName} (${applicant.story}) → ${reply.status} ${reply.body.outcome}, ${reply.body.applicantId}\n`,
    );
  };

  let clock = new Date(applicants[0]?.submitAt ?? "2026-06-01T06:00:00Z");
  await moveClock(api, { now: clock.toISOString() });
  process.stdout.write(`✓ Local clock set to ${clock.toISOString()}\n`);

  let sentSoFar = 0;
  while (clock < until) {
    // Submit whoever's form arrives by now, then walk to the next stop.
    for (let index = pending.length - 1; index >= 0; index -= 1) {
      const candidate = pending[index];
      if (candidate && new Date(candidate.submitAt) <= clock) await submit(index);
    }
    const arrival = pending
      .map((applicant) => new Date(applicant.submitAt))
      .filter((at) => at > clock)
      .sort((a, b) => a.getTime() - b.getTime())[0];
    const monthEnd = nextStop(clock, until);
    const stop = arrival && arrival < monthEnd ? arrival : monthEnd;
    const report = await moveClock(api, { now: stop.toISOString() });

    const ours = report.woken.filter((wake) => names.has(wake.applicantId));
    const failed = ours.filter((wake) => wake.error);
    const sent = await emailsTo(inbox, addresses);
    const newly = sent.slice(sentSoFar);
    sentSoFar = sent.length;
    const perPerson = new Map<string, number>();
    for (const email of newly) {
      const to = email.destination.to[0] ?? "";
      const name = applicants.find((a) => a.snapshot.applicant.email.toLowerCase() === to.toLowerCase())
        ?.snapshot.applicant.fullName;
      perPerson.set(name ?? to, (perPerson.get(name ?? to) ?? 0) + 1);
    }
    const who = [...perPerson].map(([name, count]) => `${name} ${count}`).join(", ");
    const outcomes = new Map<string, number>();
    for (const wake of ours) {
      const outcome = wake.error ? "failed" : (wake.outcome ?? "done");
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }
    const how = [...outcomes].map(([outcome, count]) => `${outcome} ${count}`).join(", ");
    process.stdout.write(
      `  ${monthLabel(clock).padEnd(9)}→ ${stop.toISOString().slice(0, 10)}: ${ours.length} wake-up(s)${how ? ` (${how})` : ""}, ${newly.length} email(s)${who ? ` (${who})` : ""}\n`,
    );
    for (const wake of failed)
      process.stdout.write(`      ✗ ${names.get(wake.applicantId)} at ${wake.at}: ${wake.error}\n`);
    clock = stop;
  }

  const emails = await emailsTo(inbox, addresses);
  process.stdout.write(`\n${emails.length} reminder email(s) sent:\n`);
  for (const applicant of applicants) {
    const address = applicant.snapshot.applicant.email.toLowerCase();
    const theirs = emails.filter((email) => email.destination.to.some((to) => to.toLowerCase() === address));
    process.stdout.write(`\n  ${applicant.snapshot.applicant.fullName} <${address}>: ${theirs.length}\n`);
    for (const email of theirs) process.stdout.write(`    - ${email.subject}\n`);
  }
  if (emails.length === 0) {
    process.stdout.write(
      "\nNo email was sent. The wake-ups above say what the reminder function did; see the `npm start` window for errors.\n",
    );
    process.exitCode = 1;
    return;
  }
  process.stdout.write(
    `\nOpen ${inbox} to read them: each has its steps' buttons, a timeline link and a calendar link.\n`,
  );
  await reportEscalations(inbox, applicants);
  // Action links last ${ACTION_LINK_DAYS} days, as in the cloud: on the local clock at the end of the
  // walk only the newest emails' buttons still work. Name one per applicant whose buttons answer.
  process.stdout.write(
    `Buttons expire ${ACTION_LINK_DAYS} days after an email is sent (on the local clock); these emails' buttons work now:\n`,
  );
  let working = 0;
  for (const applicant of applicants) {
    const address = applicant.snapshot.applicant.email.toLowerCase();
    const theirs = emails.filter((email) => email.destination.to.some((to) => to.toLowerCase() === address));
    const found = await newestWorkingEmail(theirs);
    if (!found) continue;
    working += 1;
    process.stdout.write(`  - ${applicant.snapshot.applicant.fullName}: "${found.subject}"\n`);
  }
  if (working === 0) {
    process.stdout.write(
      "  none: every email's buttons have expired on the local clock; use the timeline links below.\n",
    );
  }
  const keyring = await linkKeyring();
  if (keyring) {
    // Fresh links, signed as of the local clock now, in case the emails' own have expired on it.
    process.stdout.write(
      "\nEach applicant's timeline (fresh buttons for every step) and calendar feed, as of the local clock:\n",
    );
    for (const [applicantId, name] of names) {
      const links = applicantLinks({ baseUrl: api, keyring, applicantId, feedGeneration: 0, now: clock });
      process.stdout.write(
        `\n  ${name}\n    timeline: ${links.timeline}\n    calendar: ${links.feedSubscription}\n`,
      );
    }
  }
  process.stdout.write(
    `\nOpen ${api}/console for the advisor's console (sign in as admin@matchpath.example or an advisor; npm start printed the password).\n`,
  );
}

/** The local stack's link-signing keyring (.data/link-signing-keys), if this machine has it. */
async function linkKeyring(): Promise<LinkKeyring | undefined> {
  const file = join(process.env.MATCHPATH_DATA_DIR || ".data", "link-signing-keys");
  try {
    return parseKeyring(await readFile(file, "utf8"));
  } catch {
    return undefined;
  }
}

await main();
