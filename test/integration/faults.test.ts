import { Readable } from "node:stream";
import { SESv2Client } from "@aws-sdk/client-sesv2";
import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { TransientError } from "#errors";
import { planApplicants } from "#usecases/plan-applicants.ts";
import { CLAIM_STALE_AFTER_MS } from "#usecases/send-due-reminders/claims.ts";
import { createWorld, openApplicant, type World } from "../faults/support/world.ts";

/**
 * The fault suite's fast part (run by `npm test`; `npm run test:faults` runs it with the rest).
 * Every case drives the real use cases on the real adapters over behaving in-memory AWS services,
 * injects the fault where AWS would raise it, and checks that no reminder is lost and none is sent
 * twice, or, where the design cannot promise exactly-once, that the duplicate is bounded and
 * happens only in the documented window.
 */

const DAY = 86_400_000;
const START = "2026-06-01T06:00:00Z";

function throttled(name = "ThrottlingException"): Error {
  return Object.assign(new Error("Rate exceeded"), { name, $metadata: { httpStatusCode: 400 } });
}

async function onboard(world: World, externalId: string): Promise<string> {
  const applicantId = await world.intake(openApplicant(externalId));
  await world.planOne(applicantId);
  return applicantId;
}

/** Fires the applicant's schedule in time order until `until`, as Scheduler would. */
async function runUntil(world: World, applicantId: string, until: number): Promise<void> {
  for (let guard = 0; guard < 500; guard++) {
    const at = world.scheduledAt(applicantId);
    if (at === undefined || at > until) return;
    world.clock.at = Math.max(world.clock.at, at);
    await world.fire(applicantId);
  }
  throw new Error("more than 500 wake-ups: a schedule re-arms itself");
}

/** SendEmail calls SES accepted (each test has one applicant). */
function sendsTo(world: World, _applicantId: string): number {
  return world.ses.sent.length;
}

/** Reminder ids sent more than once in distinct emails. */
function duplicates(world: World, applicantId: string): string[] {
  const seen = new Map<string, number>();
  for (const entry of world.sentLedger(applicantId))
    seen.set(entry.reminderId, (seen.get(entry.reminderId) ?? 0) + 1);
  return [...seen].filter(([, count]) => count > 1).map(([id]) => id);
}

describe("faults: the same delivery twice", () => {
  it("the same stream batch delivered twice, then concurrently, arms one schedule per applicant", async () => {
    const world = createWorld({ start: START });
    const ids = [
      await world.intake(openApplicant("dup-a")),
      await world.intake(openApplicant("dup-b")),
      await world.intake(openApplicant("dup-c")),
    ];
    await planApplicants(ids, world.planDeps);
    const armed = ids.map((id) => world.scheduledAt(id));
    world.counter.reset();
    await planApplicants(ids, world.planDeps);
    expect(world.counter.byService()["planner:scheduler"]).toBeUndefined();
    await Promise.all([planApplicants(ids, world.planDeps), planApplicants(ids, world.planDeps)]);
    expect(ids.map((id) => world.scheduledAt(id))).toEqual(armed);
    expect(world.scheduler.schedules.size).toBe(3);
  });

  it("the same wake-up delivered twice, then concurrently, sends one email", async () => {
    const world = createWorld({ start: START });
    const applicantId = await onboard(world, "wake-twice");
    const firedAt = world.scheduledAt(applicantId) as number;
    world.clock.at = firedAt;
    const first = await world.fire(applicantId);
    expect(first.outcome).toBe("sent");
    const again = await world.deliver(applicantId, firedAt);
    expect(again.outcome).toBe("nothing-due");

    const next = world.scheduledAt(applicantId) as number;
    world.clock.at = next;
    const both = await Promise.all([world.deliver(applicantId, next), world.deliver(applicantId, next)]);
    expect(both.filter((result) => result.outcome === "sent")).toHaveLength(1);
    expect(sendsTo(world, applicantId)).toBe(2);
    expect(duplicates(world, applicantId)).toEqual([]);
  });
});

describe("faults: a function killed mid-batch and restarted", () => {
  it("planner: a batch that dies after its first applicant is redelivered whole; each applicant ends with one schedule", async () => {
    const world = createWorld({ start: START });
    const ids = [
      await world.intake(openApplicant("kill-a")),
      await world.intake(openApplicant("kill-b")),
      await world.intake(openApplicant("kill-c")),
    ];
    // Killed while storing the first applicant's plan (one TransactWriteItems with its PlanChanged
    // copy and the profile check): its wake-up is armed, the plan is not saved.
    world.table.failNext.TransactWriteItems = new Error("Runtime exited: signal: killed");
    const [killed] = await planApplicants(ids.slice(0, 1), world.planDeps);
    expect(killed?.ok).toBe(false);
    world.counter.reset();
    const redelivered = await planApplicants(ids, world.planDeps);
    expect(redelivered.every((result) => result.ok)).toBe(true);
    for (const id of ids) expect(world.scheduledAt(id)).toBeGreaterThan(world.clock.at);
    // One CreateSchedule each: for the applicant whose plan was lost it answers ConflictException
    // (that very wake-up, named by its instant, is already armed), which is success.
    const calls = world.counter.snapshot().filter((tally) => tally.service === "planner:scheduler");
    expect(calls.reduce((sum, tally) => sum + tally.requests, 0)).toBe(3);
    for (const id of ids)
      expect([...world.scheduler.schedules.values()].filter((s) => s.event.applicantId === id)).toHaveLength(
        1,
      );
  });

  it("reminder: killed after SES accepted the email but before the ledger said so; at-least-once, one duplicate at most, only after the claim goes stale", async () => {
    const world = createWorld({ start: START });
    const applicantId = await onboard(world, "kill-after-send");
    const firedAt = world.scheduledAt(applicantId) as number;
    world.clock.at = firedAt;
    // Killed at the write that records the send (the claims before it are one transaction too).
    let killed = false;
    world.table.failWhen = (operation, input) => {
      if (killed || operation !== "TransactWriteItems" || !JSON.stringify(input).includes(":sent")) return;
      killed = true;
      return new Error("Runtime exited: signal: killed");
    };
    await expect(world.fire(applicantId)).rejects.toThrow(/killed/);
    world.table.failWhen = undefined;
    expect(sendsTo(world, applicantId)).toBe(1);

    // Lambda's async retries come within minutes: the live claim holds, nothing is sent again.
    world.clock.at = firedAt + 60_000;
    const retry = await world.deliver(applicantId, firedAt);
    expect(retry.outcome).toBe("claimed-elsewhere");
    expect(sendsTo(world, applicantId)).toBe(1);
    // It re-armed just past the claim (made at firedAt), so the reminder cannot be lost.
    const rearmed = world.scheduledAt(applicantId) as number;
    expect(rearmed).toBeGreaterThanOrEqual(firedAt + CLAIM_STALE_AFTER_MS);

    // The documented window: once the claim is stale the reminder is claimed and sent again, at
    // its next delivery slot (unless the planner's catch-up rule folded it into a later rung). A
    // crashed email's reminder goes out a second time at most once; nothing else is repeated.
    const crashedIds = world.table
      .partitionItems(`APPLICANT#${applicantId}`)
      .filter((item) => item.entity === "reminder" && item.status === "claimed")
      .map((item) => String(item.reminderId));
    expect(crashedIds.length).toBeGreaterThan(0);
    await runUntil(world, applicantId, Date.parse("2026-09-01T00:00:00Z"));
    const again = world.emails.flat().filter((id) => crashedIds.includes(id));
    expect(again.length).toBeGreaterThan(0);
    expect(new Set(again).size).toBe(again.length);
    expect(duplicates(world, applicantId)).toEqual([]);
  });
});

describe("faults: SES throttling and 5xx", () => {
  function sesWith(statuses: number[], attempts: number[]): SESv2Client {
    let call = 0;
    return new SESv2Client({
      region: "us-east-1",
      credentials: { accessKeyId: "test", secretAccessKey: "test" },
      maxAttempts: 3,
      requestHandler: {
        handle: async () => {
          attempts.push(performance.now());
          const status = statuses[Math.min(call++, statuses.length - 1)] ?? 200;
          const body =
            status === 200
              ? { MessageId: `ses-${call}` }
              : { message: status === 429 ? "Maximum sending rate exceeded." : "Internal failure" };
          const errorType = status === 429 ? "TooManyRequestsException" : "InternalFailure";
          return {
            // An HttpResponse by shape (@smithy/protocol-http checks statusCode and headers).
            response: {
              statusCode: status,
              headers: {
                "content-type": "application/json",
                ...(status === 200 ? {} : { "x-amzn-errortype": errorType }),
              },
              body: Readable.from([Buffer.from(JSON.stringify(body))]),
            },
          };
        },
      },
    });
  }

  it("a throttled then failing SendEmail is retried by the SDK with backoff, and one email goes out", async () => {
    const attempts: number[] = [];
    const world = createWorld({ start: START, sesClient: sesWith([429, 500, 200], attempts) });
    const applicantId = await onboard(world, "ses-retry");
    world.clock.at = world.scheduledAt(applicantId) as number;
    const result = await world.fire(applicantId);
    expect(result.outcome).toBe("sent");
    expect(attempts).toHaveLength(3);
    // Backoff: the SDK waits between attempts (standard strategy, jittered exponential).
    expect((attempts[1] as number) - (attempts[0] as number)).toBeGreaterThan(0);
    expect(world.sentLedger(applicantId).length).toBeGreaterThan(0);
    expect(duplicates(world, applicantId)).toEqual([]);
  });

  it("SES failing every attempt releases the claims and arms a retry wake-up before the deadline, which sends once", async () => {
    const attempts: number[] = [];
    const world = createWorld({ start: START, sesClient: sesWith([500, 500, 500, 200], attempts) });
    const applicantId = await onboard(world, "ses-down");
    const firedAt = world.scheduledAt(applicantId) as number;
    world.clock.at = firedAt;
    const failed = await world.fire(applicantId);
    expect(failed.outcome).toBe("retry-armed");
    expect(attempts).toHaveLength(3);
    expect(world.sentLedger(applicantId)).toEqual([]);
    // The retry wake-up: a minute to 90 s later, planned for the instant that failed, attempt 1.
    const retryAt = world.scheduledAt(applicantId) as number;
    expect(retryAt - firedAt).toBeGreaterThanOrEqual(60_000);
    expect(retryAt - firedAt).toBeLessThanOrEqual(90_000);
    world.clock.at = retryAt;
    const retry = await world.fire(applicantId);
    expect(retry.outcome).toBe("sent");
    expect(attempts).toHaveLength(4);
    expect(duplicates(world, applicantId)).toEqual([]);
  });
});

describe("faults: DynamoDB throttling and conditional failures on every write path", () => {
  it("intake: a throttled transaction is transient and writes nothing; the retry stores once; a redelivery is a duplicate", async () => {
    const world = createWorld({ start: START });
    world.table.failNext.TransactWriteItems = throttled();
    await expect(world.intake(openApplicant("ddb-intake"))).rejects.toBeInstanceOf(TransientError);
    expect(world.table.itemCount).toBe(0);
    const applicantId = await world.intake(openApplicant("ddb-intake"));
    const items = world.table.itemCount;
    await expect(world.intake(openApplicant("ddb-intake"))).resolves.toBe(applicantId);
    expect(world.table.itemCount).toBe(items);
  });

  it("planner: a throttled plan write fails that applicant only; the retry arms the same instant", async () => {
    const world = createWorld({ start: START });
    const applicantId = await world.intake(openApplicant("ddb-plan"));
    // The plan write: one TransactWriteItems holding the plan, its PlanChanged copy and the profile check.
    world.table.failNext.TransactWriteItems = throttled("ProvisionedThroughputExceededException");
    const [failed] = await planApplicants([applicantId], world.planDeps);
    expect(failed?.ok).toBe(false);
    if (failed && !failed.ok) expect(failed.error).toBeInstanceOf(TransientError);
    const armed = world.scheduledAt(applicantId);
    await world.planOne(applicantId);
    expect(world.scheduledAt(applicantId)).toBe(armed);
  });

  it.each([
    // This applicant's first email holds two reminders: claimed in one transaction.
    ["the claim (TransactWriteItems)", "TransactWriteItems"],
    ["the suppression check (GetItem)", "GetItem"],
    ["the applicant read (Query)", "Query"],
  ])("reminder: throttling on %s sends nothing; the retry sends once", async (_label, operation) => {
    const world = createWorld({ start: START });
    // Two reminders in the first email: the USCE start-by notice and an interview's 7-day preparation
    // notice, both at 09:00 Lagos on 1 June (the budget is no longer a dated deadline, issue #9).
    const snapshot = openApplicant(`ddb-${operation}`);
    snapshot.interviews = [
      {
        id: "iv-claim",
        program: "Mercy Internal Medicine",
        startsAt: "2026-06-08T05:00:00-04:00",
        timezone: "America/New_York",
        format: "virtual",
      },
    ];
    const applicantId = await world.intake(snapshot);
    await world.planOne(applicantId);
    const firedAt = world.scheduledAt(applicantId) as number;
    world.clock.at = firedAt;
    world.table.failNext[operation] = throttled();
    await expect(world.fire(applicantId)).rejects.toBeInstanceOf(TransientError);
    expect(sendsTo(world, applicantId)).toBe(0);
    const retry = await world.deliver(applicantId, firedAt);
    expect(retry.outcome).toBe("sent");
    expect(sendsTo(world, applicantId)).toBe(1);
  });

  it("reminder: throttling on the plan write after the send loses nothing and sends nothing twice", async () => {
    const world = createWorld({ start: START });
    const applicantId = await onboard(world, "ddb-rearm");
    const firedAt = world.scheduledAt(applicantId) as number;
    world.clock.at = firedAt;
    // Every write of the PLAN item from the reminder function: the one transaction with the sent
    // marks, and the write the store falls back to after recording the marks alone (a PutItem, or
    // a BatchWriteItem when event copies go with the plan).
    world.table.failWhen = (operation, input) => {
      const items =
        operation === "TransactWriteItems"
          ? (input.TransactItems as { Put?: { Item?: { sk?: string } } }[]).map((item) => item.Put?.Item)
          : operation === "PutItem"
            ? [input.Item as { sk?: string }]
            : operation === "BatchWriteItem"
              ? Object.values(
                  input.RequestItems as Record<string, { PutRequest?: { Item?: { sk?: string } } }[]>,
                )
                  .flat()
                  .map((request) => request.PutRequest?.Item)
              : [];
      return items.some((item) => item?.sk === "PLAN") ? throttled() : undefined;
    };
    await expect(world.fire(applicantId)).rejects.toBeInstanceOf(TransientError);
    world.table.failWhen = undefined;
    expect(sendsTo(world, applicantId)).toBe(1);
    const retry = await world.deliver(applicantId, firedAt);
    expect(retry.outcome).toBe("nothing-due");
    expect(world.scheduledAt(applicantId)).toBeGreaterThan(firedAt);
    expect(sendsTo(world, applicantId)).toBe(1);
  });

  it("reminder: SES down and the claim release throttled too: both failures reported, the stale claim is sent once later", async () => {
    const world = createWorld({ start: START });
    const applicantId = await onboard(world, "ddb-release");
    const firedAt = world.scheduledAt(applicantId) as number;
    world.clock.at = firedAt;
    world.ses.failNext.push(
      Object.assign(new Error("Service unavailable"), {
        name: "ServiceUnavailable",
        $metadata: { httpStatusCode: 503 },
      }),
    );
    world.table.failNext.DeleteItem = throttled();
    await expect(world.fire(applicantId)).rejects.toThrow(/claims could not be released/);
    world.clock.at = firedAt + CLAIM_STALE_AFTER_MS + 60_000;
    const retry = await world.deliver(applicantId, firedAt);
    expect(retry.outcome).toBe("sent");
    expect(sendsTo(world, applicantId)).toBe(1);
  });
});

describe("faults: time", () => {
  it("the clock jumping 60 days at once sends one digest, not sixty emails, and nothing past its deadline", async () => {
    const world = createWorld({ start: START });
    const applicantId = await onboard(world, "jump");
    const firedAt = world.scheduledAt(applicantId) as number;
    const planned = plan(
      {
        applicant: openApplicant("jump").applicant,
        milestones: openApplicant("jump").milestones,
        interviews: [],
      },
      seasonCalendar(2027),
      new Date(START),
    );
    // 60 days: since the budget is no longer a dated deadline (issue #9), 30 days after the first
    // wake-up hold a single notice for this applicant; 60 hold several.
    const jumpedTo = firedAt + 60 * DAY;
    const within = planned.reminders.filter((r) => Date.parse(r.sendAt) <= jumpedTo);
    expect(within.length).toBeGreaterThan(1);
    world.clock.at = jumpedTo;
    const result = await world.fire(applicantId);
    expect(result.outcome).toBe("sent");
    expect(sendsTo(world, applicantId)).toBe(1);
    const deadlines = new Map(planned.reminders.map((r) => [r.id, Date.parse(r.deadline)]));
    for (const entry of world.sentLedger(applicantId)) {
      expect(deadlines.get(entry.reminderId) ?? Number.POSITIVE_INFINITY).toBeGreaterThan(jumpedTo);
    }
    expect(world.scheduledAt(applicantId)).toBeGreaterThan(jumpedTo);
  });

  it("a season date moved after reminders were armed: the wake-up re-plans and no stale reminder is sent", async () => {
    const world = createWorld({ start: "2026-08-15T06:00:00Z" });
    const applicantId = await onboard(world, "moved");
    const original = world.calendar.current;
    const oldPlan = plan(
      {
        applicant: openApplicant("moved").applicant,
        milestones: openApplicant("moved").milestones,
        interviews: [],
      },
      original,
      world.clock.now(),
    );
    const key = "eras_programs_may_review_applications_and_mspe";
    const moved = original.dates[key];
    const shifted = { ...moved, date: "2026-10-07", at: moved.at + 14 * DAY };
    world.calendar.current = { ...original, dates: { ...original.dates, [key]: shifted } };
    const newPlan = plan(
      {
        applicant: openApplicant("moved").applicant,
        milestones: openApplicant("moved").milestones,
        interviews: [],
      },
      world.calendar.current,
      world.clock.now(),
    );
    const oldIds = new Set(oldPlan.reminders.map((r) => r.id));
    const stale = new Set([...oldIds].filter((id) => !newPlan.reminders.some((r) => r.id === id)));
    expect(stale.size).toBeGreaterThan(0);

    await runUntil(world, applicantId, Date.parse("2026-10-31T00:00:00Z"));
    const sent = world.sentLedger(applicantId).map((entry) => entry.reminderId);
    expect(sent.filter((id) => stale.has(id))).toEqual([]);
    expect(
      sent.some((id) =>
        newPlan.reminders.some((r) => r.id === id && r.deadline === new Date(shifted.at).toISOString()),
      ),
    ).toBe(true);
    expect(duplicates(world, applicantId)).toEqual([]);
  });
});
