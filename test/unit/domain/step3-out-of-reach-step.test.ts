import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

/**
 * An H-1B applicant, certified, Step 3 not started, list in progress. Once
 * STEP3_NEEDED_FOR_H1B says Step 3 cannot be reported by the rank order list deadline, the Step 3
 * step must not push the fee, the visitor visa and the trip for that deadline: it waits, with no
 * reminders and no urgent standing, unless a visitor visa already held still meets the H-1B
 * petition's sit-by day (then it is dated for that day on that condition). While Step 3 is still
 * feasible nothing changes. `graduation`: a graduate of Dec 2026 waits for FSMB's graduation check
 * (up to 12 weeks), past the petition's day even with a visitor visa held.
 */
const h1bApplicant = (timezone: string, graduation = "2024-06-01") =>
  inputFactory({
    applicant: applicantFactory({
      externalId: `f14-${timezone}`,
      timezone,
      matchYear: 2027,
      visa: "H-1B",
      graduation,
    }),
    milestones: [
      ...doneMilestones(REGISTERED_KEYS, "2026-08-20"),
      milestoneFactory(
        "ecfmg_certification",
        "done",
        graduation < "2026-08-15" ? "2026-08-15" : "2027-01-05",
      ),
      milestoneFactory("rank_order_list", "in_progress"),
      milestoneFactory("usmle_step3", "not_started"),
    ],
  });
const planAt = (timezone: string, now: string, graduation?: string): Plan =>
  plan(h1bApplicant(timezone, graduation), seasonCalendar(2027), new Date(now));
const LATE_GRADUATE = "2026-12-20";
const step3Risk = (result: Plan) => result.risks.find((risk) => risk.code === "STEP3_NEEDED_FOR_H1B");
const step3Reminders = (result: Plan) =>
  result.reminders.filter((reminder) => reminder.milestone === "usmle_step3");

// Abroad the step waits; in the US (no visitor visa) it is dated for the H-1B petition instead.
const ZONES = ["Asia/Manila", "Africa/Lagos"] as const;
const OUT_OF_REACH = "2027-01-20T01:00:00Z"; // 20 Jan 2027, 9 AM in Manila
const FEASIBLE = "2026-10-01T01:00:00Z";

describe("Step 3 once the risk says it cannot be reported before the rank order list deadline", () => {
  for (const zone of ZONES) {
    it(`${zone}: the step waits, not urgent, with words that fit and no reminder`, () => {
      const result = planAt(zone, OUT_OF_REACH, LATE_GRADUATE);
      expect(step3Risk(result)?.severity).toBe("critical");
      expect(result.nextSteps.find((step) => step.milestone === "usmle_step3")).toBeUndefined();
      const blocked = result.blocked.find((step) => step.milestone === "usmle_step3");
      expect(blocked?.waitingFor.join(" ")).toContain(
        "Step 3 cannot be reported before this Match's rank order list deadline: rank programs that offer a J-1 for this Match; plan Step 3 for a later Match",
      );
      // No date it cannot make (no calendar event), and nothing overdue for it.
      expect(blocked?.deadline).toBeUndefined();
      expect(blocked?.resolvedBy).toContain("J-1");
      expect(result.overdue.some((step) => step.milestone === "usmle_step3")).toBe(false);
      // Its one notice, the critical risk's, asks to rank J-1 programs too: on the rank order list,
      // never on the Step 3 nobody can sit yet.
      expect(step3Reminders(result)).toEqual([]);
      const notice = result.reminders.find((reminder) => reminder.risk === "STEP3_NEEDED_FOR_H1B");
      expect(notice?.milestone).toBe("rank_order_list");
    });

    it(`${zone}: with the petition's day met only by a visitor visa already held, the step is dated for it on that condition`, () => {
      const result = planAt(zone, OUT_OF_REACH);
      expect(step3Risk(result)?.severity).toBe("critical");
      expect(result.blocked.find((step) => step.milestone === "usmle_step3")).toBeUndefined();
      const step = result.nextSteps.find((next) => next.milestone === "usmle_step3");
      expect(step?.action).toContain("Only if you already hold a B-1/B-2 visa: apply to FSMB now");
      expect(step3Risk(result)?.message).toContain(
        "only with a B-1/B-2 visa you already hold can you still sit Step 3",
      );
    });

    it(`${zone}: while Step 3 is feasible the step still asks for it, with its reminders`, () => {
      const result = planAt(zone, FEASIBLE);
      expect(step3Risk(result)?.severity).toBe("warning");
      expect(result.nextSteps.find((step) => step.milestone === "usmle_step3")).toBeDefined();
      expect(result.blocked.find((step) => step.milestone === "usmle_step3")).toBeUndefined();
      expect(step3Reminders(result).length).toBeGreaterThan(0);
    });
  }

  it("plans no Step 3 reminder but the risk's notice on any day the risk says out of reach (every 3 days, both zones)", () => {
    let outOfReach = 0;
    for (const zone of ZONES)
      for (
        let at = Date.parse("2026-10-01T12:00:00Z");
        at < Date.parse("2027-03-04T00:00:00Z");
        at += 3 * 86_400_000
      ) {
        const result = plan(h1bApplicant(zone, LATE_GRADUATE), seasonCalendar(2027), new Date(at));
        // Still in reach of the later candidate, the step asks for it with both days.
        const risk = step3Risk(result);
        if (risk?.severity !== "critical" || risk.message.includes("there is still time")) continue;
        // Abroad, the petition's day met only with a visitor visa held: the step asks on that condition.
        if (risk.message.includes("only with a B-1/B-2 visa you already hold")) continue;
        outOfReach++;
        const rungs = step3Reminders(result).map((reminder) => reminder.rung);
        expect(
          rungs.filter((rung) => rung !== "critical-risk"),
          `${zone} ${new Date(at).toISOString()}`,
        ).toEqual([]);
        expect(result.nextSteps.some((step) => step.milestone === "usmle_step3")).toBe(false);
      }
    expect(outOfReach).toBeGreaterThan(10);
  });

  it("in the US the step keeps a date, the petition's sit-by day, with reminders and the J-1 advice beside it", () => {
    for (const zone of ["America/New_York", "America/Denver"]) {
      const result = planAt(zone, OUT_OF_REACH);
      expect(step3Risk(result)?.severity).toBe("critical");
      expect(result.blocked.find((step) => step.milestone === "usmle_step3")).toBeUndefined();
      const step = result.nextSteps.find((next) => next.milestone === "usmle_step3");
      const petition = [...result.nextSteps, ...result.blocked].find(
        (next) => next.milestone === "visa_h1b",
      )?.deadline;
      // The petition's date less Step 3's four weeks of reporting: after ranking, before the petition.
      expect(step?.deadline).toBeDefined();
      expect(Date.parse(step?.deadline?.at ?? "")).toBeGreaterThan(Date.parse("2027-03-03T00:00:00Z"));
      expect(Date.parse(step?.deadline?.at ?? "")).toBeLessThan(Date.parse(petition?.at ?? ""));
      expect(step?.action).toContain("Many programs will not rank you on H-1B without your Step 3 result");
      expect(step?.action).toContain("rank programs that offer a J-1 too");
      expect(step?.action).not.toContain("visitor visa");
      expect(result.overdue.some((overdue) => overdue.milestone === "usmle_step3")).toBe(false);
      const rungs = step3Reminders(result).map((reminder) => reminder.rung);
      expect(rungs.filter((rung) => rung !== "critical-risk").length).toBeGreaterThan(3);
    }
  });
});
