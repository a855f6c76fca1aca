import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

/**
 * An H-1B applicant in Phoenix (a US zone) who booked Step 3 after its last day for ranking, before
 * the rank order list deadline: too late for rank lists, yet the petition after the Match still needs
 * the pass by its day (Fri 19 Mar 2027). A sitting that meets that day keeps the H-1B possible:
 * keep it, and rank J-1 programs too, never "instead"; no passed day for ranking as its deadline.
 */
const calendar = seasonCalendar(2027);
const booked = (date: string) => {
  const input = matched2027("America/Phoenix", {
    visa: "H-1B",
    matchDay: false,
    extra: [
      milestoneFactory("ecfmg_certification", "done", "2025-11-03"),
      milestoneFactory("usmle_step3", "scheduled", date),
    ],
  });
  const later = new Set(["rank_order_list", "match_week", "soap"]);
  return { ...input, milestones: input.milestones.filter((m) => !later.has(m.key)) };
};
const at = (date: string): Plan => plan(booked(date), calendar, new Date("2027-02-15T16:00:00Z"));
const risk = (result: Plan) => result.risks.find((r) => r.code === "STEP3_NEEDED_FOR_H1B")?.message ?? "";
const row = (result: Plan) => result.nextSteps.find((s) => s.milestone === "usmle_step3");

describe("Step 3 booked after ranking's day, before the rank order list deadline, in the US", () => {
  it("a sitting that meets the petition's day: keep it, J-1 programs too", () => {
    const result = at("2027-03-05");
    expect(risk(result)).toContain("your sitting meets its day, Fri 19 Mar 2027 (our advice): keep it");
    expect(risk(result)).toContain("Rank programs that offer a J-1 too");
    expect(risk(result)).not.toContain("instead");
    expect(row(result)?.deadline?.local).toBe("Fri 19 Mar 2027");
    expect(row(result)?.action).not.toContain("Move it earlier");
  });

  it("a sitting after the petition's day: move it to that day at the latest", () => {
    const result = at("2027-04-05");
    expect(risk(result)).toContain("move your sitting to Fri 19 Mar 2027 (our advice) at the latest");
    expect(row(result)?.deadline?.local).toBe("Fri 19 Mar 2027");
  });
});
