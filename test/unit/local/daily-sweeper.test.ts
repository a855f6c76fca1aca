import { describe, expect, it } from "vitest";
import type { DueRunReport } from "#local/clock-control.ts";
import { createDailySweeper, midnightsBetween, scheduledEvent } from "#local/daily-sweeper.ts";
import { parseScheduledEvent } from "../../../functions/sweeper/scheduled-event.ts";

describe("local daily sweeper", () => {
  it("lists the midnights UTC a move crosses, a midnight reached exactly included", () => {
    expect(midnightsBetween(new Date("2026-08-05T12:00:00Z"), new Date("2026-08-07T00:00:00Z"))).toEqual([
      new Date("2026-08-06T00:00:00Z"),
      new Date("2026-08-07T00:00:00Z"),
    ]);
    expect(midnightsBetween(new Date("2026-08-06T00:00:00Z"), new Date("2026-08-06T23:59:59Z"))).toEqual([]);
    expect(midnightsBetween(new Date("2026-08-07T00:00:00Z"), new Date("2026-08-01T00:00:00Z"))).toEqual([]);
  });

  it("sends the Scheduled Event the sweeper's own edge accepts", () => {
    const event = scheduledEvent(new Date("2026-08-07T00:00:00.000Z"), { region: "us-east-1" });
    expect(parseScheduledEvent(event)).toEqual({ scheduledAt: new Date("2026-08-07T00:00:00Z") });
    expect(event.resources).toEqual(["arn:aws:events:us-east-1:000000000000:rule/matchpath-daily-sweep"]);
  });

  it("cuts a move at the last midnight it crosses: wake-ups before it fire, then the sweep, then the rest", async () => {
    const calls: string[] = [];
    let now = new Date("2026-08-05T12:00:00Z");
    const report = (from: Date, to: Date, woken: string[]): DueRunReport => ({
      from: from.toISOString(),
      to: to.toISOString(),
      woken: woken.map((applicantId) => ({ applicantId, at: to.toISOString(), firedAt: to.toISOString() })),
      emailsSent: woken.length,
    });
    const move = createDailySweeper({
      clock: { now: () => now },
      fireDue: async (target) => {
        const to = target ?? now;
        calls.push(`fire ${to.toISOString()}`);
        const result = report(now, to, [`a_${calls.length}`]);
        now = to;
        return result;
      },
      invokeSweeper: async (event) => {
        calls.push(`sweep ${event.time}`);
        return { complete: true };
      },
      region: "us-east-1",
    });

    const result = await move(new Date("2026-08-07T06:00:00Z"));

    expect(calls).toEqual([
      "fire 2026-08-07T00:00:00.000Z",
      "sweep 2026-08-07T00:00:00Z",
      "fire 2026-08-07T06:00:00.000Z",
    ]);
    expect(result).toMatchObject({
      from: "2026-08-05T12:00:00.000Z",
      to: "2026-08-07T06:00:00.000Z",
      emailsSent: 2,
      sweeps: [{ at: "2026-08-07T00:00:00.000Z", result: { complete: true } }],
    });
    expect(result.woken.map((wake) => wake.applicantId)).toEqual(["a_1", "a_3"]);
  });

  it("a failing sweep is reported and the move still completes", async () => {
    let now = new Date("2026-08-06T23:00:00Z");
    const move = createDailySweeper({
      clock: { now: () => now },
      fireDue: async (target) => {
        const from = now;
        now = target ?? now;
        return { from: from.toISOString(), to: now.toISOString(), woken: [], emailsSent: 0 };
      },
      invokeSweeper: async () => {
        throw new TypeError("boom");
      },
      region: "us-east-1",
    });

    const result = await move(new Date("2026-08-07T01:00:00Z"));

    expect(result.sweeps).toEqual([{ at: "2026-08-07T00:00:00.000Z", error: "TypeError: boom" }]);
    expect(result.to).toBe("2026-08-07T01:00:00.000Z");
  });
  it("runs the advisors' digest at the last digest hour a move crosses, in time order with the sweep", async () => {
    let now = new Date("2026-08-05T12:00:00Z");
    const calls: string[] = [];
    const move = createDailySweeper({
      clock: { now: () => now },
      fireDue: async (target) => {
        const from = now;
        now = target ?? now;
        calls.push(`fire ${now.toISOString()}`);
        return { from: from.toISOString(), to: now.toISOString(), woken: [], emailsSent: 0 };
      },
      invokeSweeper: async (event) => calls.push(`sweep ${event.time}`),
      region: "us-east-1",
      digest: { hourUtc: 13, invoke: async (at) => calls.push(`digest ${at.toISOString()}`) },
    });

    const result = await move(new Date("2026-08-07T14:00:00Z"));
    expect(calls).toEqual([
      "fire 2026-08-07T00:00:00.000Z",
      "sweep 2026-08-07T00:00:00Z",
      "fire 2026-08-07T13:00:00.000Z",
      "digest 2026-08-07T13:00:00.000Z",
      "fire 2026-08-07T14:00:00.000Z",
    ]);
    expect(result.digests.map((run) => run.at)).toEqual(["2026-08-07T13:00:00.000Z"]);
    // A move that stays before the hour runs no digest.
    calls.length = 0;
    await move(new Date("2026-08-08T12:59:00Z"));
    expect(calls.filter((call) => call.startsWith("digest"))).toEqual([]);
  });
});
