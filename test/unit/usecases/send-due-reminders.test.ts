import { describe, expect, it } from "vitest";
import { EmailRejectedError, TransientError } from "#errors";
import { CLAIM_RETRY_MARGIN_MS, CLAIM_STALE_AFTER_MS } from "#usecases/send-due-reminders/claims.ts";
import {
  MAX_SEND_ATTEMPTS,
  planningInstant,
  SEND_RETRY_DEADLINE_MARGIN_MS,
  sendRetryAt,
} from "#usecases/send-due-reminders/timing.ts";
import { sendDueReminders } from "#usecases/send-due-reminders.ts";
import {
  FakePlanning,
  FixedClock,
  InMemoryApplicantStore,
  InMemoryEvents,
  InMemoryMailer,
  InMemoryWakeUps,
  profileFactory,
  reminderFactory,
  storePorts,
} from "./fakes.ts";

const eras = reminderFactory();
const lors = reminderFactory({
  id: "lors:due-in-7d",
  milestone: "lors",
  title: "Get your letters of recommendation uploaded",
  deadline: "2026-09-20T16:00:00.000Z",
  sendAt: "2026-09-13T08:00:00.000Z",
});
const nrmp = reminderFactory({
  id: "nrmp_registration:start",
  milestone: "nrmp_registration",
  title: "Register for the NRMP Match",
  deadline: "2027-01-30T04:59:00.000Z",
  sendAt: "2026-10-01T08:00:00.000Z",
});

function setup(now = "2026-09-17T08:00:00Z") {
  const store = new InMemoryApplicantStore();
  store.add(profileFactory());
  return {
    store,
    ...storePorts(store),
    wakeUps: new InMemoryWakeUps(),
    events: new InMemoryEvents(),
    mailer: new InMemoryMailer(),
    clock: new FixedClock(new Date(now)),
    planning: new FakePlanning({ eras_application: [eras], lors: [lors], nrmp_registration: [nrmp] }),
    unsubscribeUrl: async (applicantId: string) =>
      `https://api.example.org/unsubscribe?token=t-${applicantId}`,
  };
}

describe("sendDueReminders", () => {
  it("sends ONE email holding every due reminder, most urgent in the subject, and re-arms the next", async () => {
    const deps = setup();
    const result = await sendDueReminders("a_ada", undefined, deps);

    expect(result).toMatchObject({
      outcome: "sent",
      reminderIds: ["lors:due-in-7d", "eras_application:due-in-7d"],
      messageId: "msg-1",
      nextWakeUpAt: "2026-10-01T08:00:00.000Z",
    });
    expect(deps.mailer.sent).toHaveLength(1);
    const [email] = deps.mailer.sent;
    expect(email?.to).toBe("ada@example.com");
    expect(email?.subject).toContain(lors.title);
    expect(email?.text).toContain(eras.title);
    expect(email?.headers).toContainEqual({
      name: "List-Unsubscribe-Post",
      value: "List-Unsubscribe=One-Click",
    });
    expect(email?.tags).toEqual({ applicantId: "a_ada", kind: "reminder" });
    expect(
      deps.store
        .state("a_ada")
        .ledger.every((entry) => entry.status === "sent" && entry.messageId === "msg-1"),
    ).toBe(true);
    expect(deps.events.published).toEqual([
      expect.objectContaining({
        type: "ReminderSent",
        detail: expect.objectContaining({ messageId: "msg-1", milestones: ["lors", "eras_application"] }),
      }),
    ]);
    expect(deps.wakeUps.pending.get("a_ada")?.toISOString()).toBe("2026-10-01T08:00:00.000Z");
    expect(deps.store.state("a_ada").storedPlan?.wakeUpAt).toBe("2026-10-01T08:00:00.000Z");
    // The console's copy of ReminderSent rides in the same store call as the sent marks and the plan.
    expect(deps.store.copiedEvents).toEqual(deps.events.published);
  });

  it("records the send and the plan with its next wake-up in one store call, then arms that wake-up", async () => {
    const deps = setup();
    deps.wakeUps.arm = async () => {
      throw new TransientError("Scheduler throttled");
    };

    await expect(sendDueReminders("a_ada", undefined, deps)).rejects.toBeInstanceOf(TransientError);

    expect(deps.store.calls).toMatchObject({ markRemindersSent: 1 });
    expect(deps.store.calls.savePlan).toBeUndefined();
    const state = deps.store.state("a_ada");
    expect(state.ledger.every((entry) => entry.status === "sent")).toBe(true);
    expect(state.storedPlan?.wakeUpAt).toBe("2026-10-01T08:00:00.000Z");
    // The platform's retry finds nothing due and arms the stored instant.
    const retry = await sendDueReminders("a_ada", undefined, { ...deps, wakeUps: new InMemoryWakeUps() });
    expect(retry).toMatchObject({ outcome: "nothing-due", nextWakeUpAt: "2026-10-01T08:00:00.000Z" });
    expect(deps.mailer.sent).toHaveLength(1);
  });

  it("sends nothing twice when the same wake-up is delivered again", async () => {
    const deps = setup();
    await sendDueReminders("a_ada", new Date("2026-09-17T08:00:00Z"), deps);
    const again = await sendDueReminders("a_ada", new Date("2026-09-17T08:00:00Z"), deps);
    expect(again.outcome).toBe("nothing-due");
    expect(deps.mailer.sent).toHaveLength(1);
  });

  it("never reminds of a milestone finished before its reminder", async () => {
    const deps = setup();
    deps.store.state("a_ada").milestones = [{ key: "lors", status: "done", date: "2026-09-01" }];
    await sendDueReminders("a_ada", undefined, deps);
    expect(deps.mailer.sent[0]?.text).not.toContain(lors.title);
    expect(deps.mailer.sent[0]?.subject).toContain(eras.title);
  });

  it("plans at the fire time when the clock lags behind it", async () => {
    const deps = setup("2026-09-13T07:59:00Z");
    const result = await sendDueReminders("a_ada", new Date("2026-09-13T08:00:00Z"), deps);
    expect(result.reminderIds).toEqual(["lors:due-in-7d"]);
  });

  it("plans at the fire time, so a planner that drops past slots still yields the reminder armed for it", async () => {
    const deps = {
      ...setup("2026-09-17T08:00:42Z"),
      planning: new FakePlanning({ eras_application: [eras] }, true),
    };
    const result = await sendDueReminders("a_ada", new Date("2026-09-17T08:00:00Z"), deps);
    expect(result).toMatchObject({ outcome: "sent", reminderIds: [eras.id] });
  });

  it("never announces a deadline that passed before a late delivery", async () => {
    const deps = setup("2026-09-24T17:00:00Z");
    const result = await sendDueReminders("a_ada", new Date("2026-09-17T08:00:00Z"), deps);
    expect(result.outcome).toBe("nothing-due");
    expect(deps.mailer.sent).toHaveLength(0);
  });

  it.each([
    [
      "unsubscribed",
      (deps: ReturnType<typeof setup>) => {
        deps.store.state("a_ada").profile.unsubscribedAt = "2026-09-01T00:00:00.000Z";
      },
    ],
    [
      "suppressed",
      (deps: ReturnType<typeof setup>) => {
        deps.store.suppressed.set("ada@example.com", "bounce");
      },
    ],
  ])(
    "sends nothing to an %s applicant and moves the wake-up on instead of looping",
    async (_name, prepare) => {
      const deps = setup();
      prepare(deps);
      const result = await sendDueReminders("a_ada", undefined, deps);
      expect(result).toMatchObject({ outcome: "suppressed", nextWakeUpAt: "2026-10-01T08:00:00.000Z" });
      expect(deps.mailer.sent).toHaveLength(0);
      expect(deps.store.calls.claimReminders).toBeUndefined();
      // What was held back, and why, rides in the plan's one write for the console's ledger.
      expect(deps.events.published).toEqual([
        {
          type: "RemindersHeldBack",
          applicantId: "a_ada",
          at: "2026-09-17T08:00:00.000Z",
          detail: {
            reason: _name,
            reminderIds: ["lors:due-in-7d", "eras_application:due-in-7d"],
            milestones: ["lors", "eras_application"],
            // Each held-back reminder's step and rung, so the console's row still names it once
            // the plan no longer holds it.
            reminders: [
              { id: "lors:due-in-7d", milestone: "lors", rung: "due-in-7d" },
              { id: "eras_application:due-in-7d", milestone: "eras_application", rung: "due-in-7d" },
            ],
          },
        },
      ]);
      expect(deps.store.copiedEvents).toEqual(deps.events.published);
      expect(deps.store.calls.savePlan).toBe(1);
    },
  );

  // A claim left by a sender that died after SES accepted the email stays
  // "claimed" in the ledger; it stores its step and rung too, so the console's row names it.
  it("stores each claim with the step and rung it is for", async () => {
    const deps = setup();
    const ledger = {
      claimReminders: deps.store.claimReminders.bind(deps.store),
      releaseClaims: deps.store.releaseClaims.bind(deps.store),
      markRemindersWithheld: deps.store.markRemindersWithheld.bind(deps.store),
      markRemindersSent: async () => {
        throw new Error("the sender died before the sent mark");
      },
    };
    await expect(sendDueReminders("a_ada", undefined, { ...deps, ledger })).rejects.toThrow("sender died");
    expect(deps.store.state("a_ada").ledger).toEqual([
      expect.objectContaining({
        reminderId: "lors:due-in-7d",
        status: "claimed",
        subject: { milestone: "lors", rung: "due-in-7d", title: lors.title, matchYear: 2027 },
      }),
      expect.objectContaining({
        reminderId: "eras_application:due-in-7d",
        status: "claimed",
        subject: { milestone: "eras_application", rung: "due-in-7d", title: eras.title, matchYear: 2027 },
      }),
    ]);
  });

  it("records a paused applicant's due reminders as held back by the pause", async () => {
    const deps = setup();
    deps.store.state("a_ada").profile.remindersPausedAt = "2026-09-10T00:00:00.000Z";
    const result = await sendDueReminders("a_ada", undefined, deps);
    expect(result.outcome).toBe("paused");
    expect(deps.mailer.sent).toHaveLength(0);
    expect(deps.events.published).toEqual([
      expect.objectContaining({
        type: "RemindersHeldBack",
        detail: expect.objectContaining({ reason: "paused" }),
      }),
    ]);
  });

  it("releases the claims when SES throttles and arms a jittered retry wake-up for the same instant, which sends them", async () => {
    const deps = { ...setup(), random: () => 0.5 };
    const firedAt = new Date("2026-09-17T08:00:00Z");
    deps.mailer.failNext = new TransientError("SES throttled");
    const throttled = await sendDueReminders("a_ada", firedAt, deps);
    expect(throttled).toMatchObject({ outcome: "retry-armed", nextWakeUpAt: "2026-09-17T08:01:15.000Z" });
    expect(deps.store.state("a_ada").ledger).toEqual([]);
    expect(deps.wakeUps.log).toEqual(["arm a_ada 2026-09-17T08:01:15.000Z"]);

    // The retry wake-up: planned for the same instant, one attempt later.
    deps.clock.set("2026-09-17T08:01:15Z");
    const retried = await sendDueReminders("a_ada", firedAt, deps, { attempt: 1 });
    expect(retried.outcome).toBe("sent");
    expect(deps.mailer.sent).toHaveLength(1);
  });

  it("rethrows a refusal no retry can fix, and a throttle when no retry fits before the deadline", async () => {
    const rejected = setup();
    rejected.mailer.failNext = new EmailRejectedError("SES refused the message (MessageRejected)");
    await expect(sendDueReminders("a_ada", undefined, rejected)).rejects.toBeInstanceOf(EmailRejectedError);
    expect(rejected.store.state("a_ada").ledger).toEqual([]);

    const late = setup();
    late.mailer.failNext = new TransientError("SES throttled");
    await expect(
      sendDueReminders("a_ada", undefined, late, { attempt: MAX_SEND_ATTEMPTS - 1 }),
    ).rejects.toBeInstanceOf(TransientError);
    expect(late.wakeUps.log).toEqual([]);
  });

  it("leaves reminders claimed by a concurrent invocation alone and comes back after the claim could go stale", async () => {
    const deps = setup();
    await deps.store.claimReminders("a_ada", [lors.id, eras.id], deps.clock.now(), CLAIM_STALE_AFTER_MS);
    const result = await sendDueReminders("a_ada", undefined, deps);
    expect(result.outcome).toBe("claimed-elsewhere");
    expect(deps.mailer.sent).toHaveLength(0);
    expect(result.nextWakeUpAt).toBe(
      new Date(
        Date.parse("2026-09-17T08:00:00Z") + CLAIM_STALE_AFTER_MS + CLAIM_RETRY_MARGIN_MS,
      ).toISOString(),
    );
  });

  it("re-sends a reminder whose claim went stale (a crashed send is never lost)", async () => {
    const deps = setup();
    await deps.store.claimReminders(
      "a_ada",
      [lors.id],
      new Date("2026-09-17T07:00:00Z"),
      CLAIM_STALE_AFTER_MS,
    );
    const result = await sendDueReminders("a_ada", undefined, deps);
    expect(result.reminderIds).toContain(lors.id);
  });

  it("does nothing for an applicant that no longer exists", async () => {
    const deps = setup();
    await expect(sendDueReminders("a_gone", undefined, deps)).resolves.toMatchObject({ outcome: "unknown" });
    expect(deps.wakeUps.log).toEqual([]);
  });
});

describe("sendRetryAt", () => {
  const now = new Date("2026-09-17T08:00:00Z");
  const dueIn = (ms: number) => [{ deadline: new Date(now.getTime() + ms).toISOString() }];

  it.each([
    ["the first retry, no jitter", 0, 0, "2026-09-17T08:01:00.000Z"],
    ["the first retry, most jitter", 0, 0.999, "2026-09-17T08:01:29.000Z"],
    ["the fourth retry, half jitter", 3, 0.5, "2026-09-17T08:03:00.000Z"],
    ["a late retry, jitter capped at 15 minutes", 10, 0.999, "2026-09-17T08:15:59.000Z"],
  ])("%s", (_case, attempt, random, expected) => {
    expect(sendRetryAt(dueIn(86_400_000), now, attempt, random)?.toISOString()).toBe(expected);
  });

  it("always comes before the earliest deadline it announces, or not at all", () => {
    const tight = sendRetryAt(dueIn(5 * 60_000), now, 10, 0.999);
    expect(tight?.getTime()).toBeLessThanOrEqual(now.getTime() + 5 * 60_000 - SEND_RETRY_DEADLINE_MARGIN_MS);
    expect(sendRetryAt(dueIn(3 * 60_000), now, 0, 0)).toBeUndefined();
    expect(sendRetryAt(dueIn(86_400_000), now, MAX_SEND_ATTEMPTS - 1, 0)).toBeUndefined();
  });
});

describe("planningInstant", () => {
  const scheduled = new Date("2026-09-17T03:30:00.000Z");
  it.each([
    ["no fire time (a manual run)", undefined, "2026-09-17T05:00:00.000Z", "2026-09-17T05:00:00.000Z"],
    ["on time", scheduled, "2026-09-17T03:30:02.000Z", "2026-09-17T03:30:00.000Z"],
    ["a retry within the tolerance", scheduled, "2026-09-17T04:30:00.000Z", "2026-09-17T03:30:00.000Z"],
    ["30 days late", scheduled, "2026-10-17T03:30:00.000Z", "2026-10-17T03:30:00.000Z"],
  ])("%s", (_case, firedAt, clockNow, expected) => {
    expect(planningInstant(firedAt, new Date(clockNow)).toISOString()).toBe(expected);
  });

  it("plans a send retry at the instant its wake-up was planned for", () => {
    expect(planningInstant(scheduled, new Date("2026-09-17T10:30:00.000Z"), 3).toISOString()).toBe(
      scheduled.toISOString(),
    );
  });
});
