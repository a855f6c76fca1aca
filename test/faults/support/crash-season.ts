import { expect } from "vitest";
import { type SesEmulator, startSesEmulator } from "#local/ses-local.ts";
import { rng } from "../../bench/support/season.ts";
import { applicantIdFor, CrashableStack, crashApplicants, emailsByRecipient } from "./crash-stack.ts";

/** A season run calm, then with `kills` kill -9s of the whole stack at random points. */
export async function crashSeason(options: {
  kills: number;
  applicants: number;
  weeks: number;
  seed: number;
}) {
  const ses: SesEmulator = await startSesEmulator({ port: 0 });
  const start = new Date("2026-06-01T00:00:00Z");
  const week = 7 * 86_400_000;
  const moves = Array.from(
    { length: options.weeks },
    (_, index) => new Date(start.getTime() + (index + 1) * week),
  );
  const random = rng(options.seed);
  try {
    const calm = await runOnce(ses.endpoint, "calm", options.applicants, start, moves, new Set(), random);
    const killAt = new Set<number>();
    while (killAt.size < Math.min(options.kills, moves.length * 3))
      killAt.add(Math.floor(random() * moves.length * 3));
    const crashed = await runOnce(ses.endpoint, "crash", options.applicants, start, moves, killAt, random);
    return { calm, crashed };
  } finally {
    await ses.stop();
  }
}

interface SeasonOutcome {
  kills: number;
  /** Per applicant: reminder ids sent (ledger) and SES messages (every acceptance). */
  perApplicant: Map<string, { sent: Set<string>; recorded: Set<string>; messages: string[] }>;
}

/**
 * One season: intake, then the clock moved a week at a time. A kill slot k means: during move
 * floor(k / 3), after a random delay (the move may be mid-flight or done), kill -9 and restart at
 * the clock the move started from, then make the move again.
 */
async function runOnce(
  sesEndpoint: string,
  run: string,
  count: number,
  start: Date,
  moves: Date[],
  killAt: Set<number>,
  random: () => number,
): Promise<SeasonOutcome> {
  await fetch(`${sesEndpoint}/clear-store`, { method: "POST" });
  const stack = new CrashableStack(sesEndpoint);
  const applicants = crashApplicants(run, count);
  try {
    await stack.start(start);
    for (const snapshot of applicants) await stack.intake(snapshot);
    let from = start;
    for (const [index, target] of moves.entries()) {
      const kills = [0, 1, 2].filter((slot) => killAt.has(index * 3 + slot)).length;
      for (let kill = 0; kill < kills; kill++) {
        const moving = stack.moveClock(target).catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 1500)));
        await stack.kill();
        await moving;
        await stack.start(from);
      }
      await stack.moveClock(target);
      from = target;
    }
    const ledger = await stack.ledger();
    const emails = await emailsByRecipient(sesEndpoint);
    const perApplicant = new Map<string, { sent: Set<string>; recorded: Set<string>; messages: string[] }>();
    for (const snapshot of applicants) {
      const id = applicantIdFor(snapshot.applicant.externalId);
      perApplicant.set(snapshot.applicant.externalId.replace(`${run}-`, ""), {
        sent: ledger.get(id)?.sent ?? new Set(),
        recorded: ledger.get(id)?.messageIds ?? new Set(),
        messages: emails.get(snapshot.applicant.email.toLowerCase()) ?? [],
      });
    }
    return { kills: stack.kills, perApplicant };
  } finally {
    await stack.stop();
  }
}

/**
 * Per applicant: nothing the calm season sent is missing from the crashed season's ledger; the calm
 * season sent nothing twice; SES messages no ledger entry names are the window's repeats. Prints
 * the figures for the fault suite's report.
 */
export function checkCrashSeason(outcome: Awaited<ReturnType<typeof crashSeason>>): {
  kills: number;
  lost: string[];
  unmarked: number;
} {
  const { calm, crashed } = outcome;
  let sentCalm = 0;
  let unmarked = 0;
  let messages = 0;
  const lost: string[] = [];
  for (const [applicant, expected] of calm.perApplicant) {
    const got = crashed.perApplicant.get(applicant);
    sentCalm += expected.sent.size;
    expect(expected.messages.length, `${applicant}: the calm season sends nothing twice`).toBe(
      expected.recorded.size,
    );
    for (const id of expected.sent) if (!got?.sent.has(id)) lost.push(`${applicant}/${id}`);
    // An SES message no ledger entry names was accepted in the window, then re-sent after recovery.
    unmarked += (got?.messages ?? []).filter((messageId) => !got?.recorded.has(messageId)).length;
    messages += got?.messages.length ?? 0;
  }
  expect(sentCalm).toBeGreaterThan(3);
  console.log(
    `[faults] kill -9 of the local stack ${crashed.kills} times in a season of ${calm.perApplicant.size} applicants: ` +
      `${lost.length} of ${sentCalm} reminders lost; ${unmarked} of ${messages} emails were repeats from the sent-but-unmarked window`,
  );
  return { kills: crashed.kills, lost, unmarked };
}
