import { describe, expect, it } from "vitest";
import { markDoneProblems } from "#domain/console/mark-done.ts";
import { plan as planFor } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { examsDone, inputFactory } from "#test/unit/domain/factories.ts";

/** Mark done refuses a blocked step and names what it waits for in words (tester s4 papercut 8). */
describe("marking a step done on the applicant's behalf", () => {
  it("names a blocked step's prerequisites by their titles, never by their keys", () => {
    const now = new Date("2026-10-01T12:00:00Z");
    const input = inputFactory({ milestones: examsDone("2025-06-01") });
    const plan = planFor(input, seasonCalendar(input.applicant.matchYear), now);
    const blocked = plan.blocked.find((step) => step.milestone === "rank_order_list");
    expect(blocked?.waitingFor).toContain("nrmp_registration");

    const [problem] = markDoneProblems(input.applicant, plan, "rank_order_list", "2026-09-30", now);
    expect(problem?.path).toBe("milestone");
    expect(problem?.message).toMatch(/is blocked: waiting for .*NRMP/);
    expect(problem?.message).not.toContain("nrmp_registration");
  });
});
