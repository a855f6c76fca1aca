import { describe, expect, it } from "vitest";
import { ClockCommandSchema, clockTarget, createDueRunner, type DueWakeUp } from "#local/clock-control.ts";

const at = (iso: string) => new Date(iso);

describe("clock commands", () => {
  it.each([
    [{ advance: "P7D" }, "2026-09-08T09:00:00.000Z"],
    [{ advance: "PT36H" }, "2026-09-02T21:00:00.000Z"],
    [{ advance: "P1M" }, "2026-10-01T09:00:00.000Z"],
    [{ advance: "P6M" }, "2027-03-01T09:00:00.000Z"],
    [{ now: "2027-01-15T12:00:00-05:00" }, "2027-01-15T17:00:00.000Z"],
    [{ now: "2026-01-01T00:00:00Z" }, "2026-01-01T00:00:00.000Z"],
  ])("%j from 2026-09-01T09:00Z lands on %s", (command, expected) => {
    const parsed = ClockCommandSchema.parse(command);
    expect(clockTarget(parsed, at("2026-09-01T09:00:00Z")).toISOString()).toBe(expected);
  });

  it("counts months on the calendar: 31 January plus P1M is the end of February", () => {
    const parsed = ClockCommandSchema.parse({ advance: "P1M" });
    expect(clockTarget(parsed, at("2027-01-31T10:00:00Z")).toISOString()).toBe("2027-02-28T10:00:00.000Z");
  });

  it.each([
    [{ advance: "7 days" }],
    [{ advance: "-P1D" }],
    [{ advance: "PT0S" }],
    [{ now: "2026-09-01" }],
    [{ now: "2026-09-01T09:00:00" }],
    [{ now: "2026-09-01T09:00:00Z", advance: "P1D" }],
    [{}],
  ])("refuses %j", (command) => {
    expect(ClockCommandSchema.safeParse(command).success).toBe(false);
  });
});

/** An in-memory wake-up table and reminder function: what the local stack wires to DynamoDB and the handler. */
function world(start: string) {
  let offset = 0;
  const base = Date.now();
  const clock = {
    now: () => new Date(at(start).getTime() + (Date.now() - base) + offset),
    set: (instant: Date) => {
      offset = instant.getTime() - at(start).getTime() - (Date.now() - base);
    },
  };
  const wakeUps = new Map<string, Date>();
  const fired: { applicantId: string; at: string; clock: string }[] = [];
  let emails = 0;
  return { clock, wakeUps, fired, emails: () => emails, sent: () => emails++ };
}

describe("firing what falls due", () => {
  it("steps the clock to each wake-up in time order and stops at the target", async () => {
    const w = world("2026-09-01T00:00:00Z");
    w.wakeUps.set("b", at("2026-10-01T09:00:00Z"));
    w.wakeUps.set("a", at("2026-09-10T09:00:00Z"));
    w.wakeUps.set("late", at("2027-06-01T09:00:00Z"));
    // The reminder function: sends one email and re-arms a week later, three times per applicant.
    const rounds = new Map<string, number>();
    const run = createDueRunner({
      clock: w.clock,
      listDue: async (now) =>
        [...w.wakeUps]
          .filter(([, when]) => when <= now)
          .map(([applicantId, when]) => ({ applicantId, at: when })),
      invokeReminder: async (wakeUp: DueWakeUp) => {
        w.fired.push({
          applicantId: wakeUp.applicantId,
          at: wakeUp.at.toISOString(),
          clock: w.clock.now().toISOString(),
        });
        w.sent();
        const round = (rounds.get(wakeUp.applicantId) ?? 0) + 1;
        rounds.set(wakeUp.applicantId, round);
        if (round < 3) w.wakeUps.set(wakeUp.applicantId, new Date(wakeUp.at.getTime() + 7 * 86_400_000));
        else w.wakeUps.delete(wakeUp.applicantId);
      },
      drainStream: async () => undefined,
      countEmails: async () => w.emails(),
    });

    const report = await run(at("2027-03-01T00:00:00Z"));

    expect(w.fired.map((fire) => `${fire.applicantId}@${fire.at.slice(0, 10)}`)).toEqual([
      "a@2026-09-10",
      "a@2026-09-17",
      "a@2026-09-24",
      "b@2026-10-01",
      "b@2026-10-08",
      "b@2026-10-15",
    ]);
    // Each reminder ran with the clock at its own instant, not at the end of the move.
    for (const fire of w.fired) expect(Date.parse(fire.clock) - Date.parse(fire.at)).toBeLessThan(5_000);
    expect(report.emailsSent).toBe(6);
    expect(report.woken).toHaveLength(6);
    expect(Date.parse(report.to)).toBeGreaterThanOrEqual(Date.parse("2027-03-01T00:00:00Z"));
    expect(w.wakeUps.has("late")).toBe(true);
  });

  it("ends when a failing reminder leaves its wake-up due, and reports the failure", async () => {
    const w = world("2026-09-01T00:00:00Z");
    w.wakeUps.set("stuck", at("2026-09-02T09:00:00Z"));
    let calls = 0;
    const run = createDueRunner({
      clock: w.clock,
      listDue: async (now) =>
        [...w.wakeUps]
          .filter(([, when]) => when <= now)
          .map(([applicantId, when]) => ({ applicantId, at: when })),
      invokeReminder: async () => {
        calls += 1;
        throw new Error("SES is down");
      },
      drainStream: async () => undefined,
      countEmails: async () => 0,
    });

    const report = await run(at("2026-09-05T00:00:00Z"));

    expect(calls).toBe(1);
    expect(report.woken).toEqual([
      expect.objectContaining({ applicantId: "stuck", error: "Error: SES is down" }),
    ]);
  });

  it("moves backwards at once and fires what is due at the new reading", async () => {
    const w = world("2027-01-01T00:00:00Z");
    w.wakeUps.set("a", at("2026-06-01T00:00:00Z"));
    const fired: string[] = [];
    const run = createDueRunner({
      clock: w.clock,
      listDue: async (now) =>
        [...w.wakeUps]
          .filter(([, when]) => when <= now)
          .map(([applicantId, when]) => ({ applicantId, at: when })),
      invokeReminder: async (wakeUp) => {
        fired.push(wakeUp.applicantId);
        w.wakeUps.delete(wakeUp.applicantId);
      },
      drainStream: async () => undefined,
      countEmails: async () => 0,
    });

    await run(at("2026-05-01T00:00:00Z"));
    expect(fired).toEqual([]);
    expect(w.clock.now().toISOString().slice(0, 10)).toBe("2026-05-01");
    await run(at("2026-06-02T00:00:00Z"));
    expect(fired).toEqual(["a"]);
  });
});
