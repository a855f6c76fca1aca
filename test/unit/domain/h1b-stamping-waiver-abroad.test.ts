import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { type CliIo, runPlanCli } from "../../../shared/cli/plan.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * An H-1B applicant in Kathmandu, matched, petition approved, marked the visa
 * stamping "Not for me"; the plan went silent, with no visa step at all. Rule: only someone in the
 * US can change status, so the CLI's snapshot check (as the intake) refuses the waiver outside a US
 * zone, naming the field; a stored snapshot that has one anyway is not trusted: the stamping stays
 * not started, with its date and reminders, and a warning names the answer ignored and why.
 */
const DIR = fileURLToPath(new URL("../../fixtures/h1b-abroad-and-in-us/", import.meta.url));
const LAGOS = readSnapshot(DIR, "h1b-abroad-stamping-waived-lagos.json");
const NOW = "2027-04-25T10:00:00+01:00";
const stamping = (result: Plan) => result.nextSteps.find((step) => step.milestone === "visa_h1b_stamping");
const ignored = (result: Plan) => result.risks.find((risk) => risk.code === "H1B_STAMPING_WAIVER_IGNORED");

describe("the H-1B stamping waived from outside the US", () => {
  it("keeps the stamping as not started, with its date and reminders", () => {
    const result = planInOwnMatch(LAGOS, NOW);
    expect(stamping(result)?.title).toBe("Get your H-1B visa stamped at a US consulate");
    expect(stamping(result)?.deadline?.local).toBe("Wed 16 Jun 2027");
    const rungs = result.reminders.filter((reminder) => reminder.milestone === "visa_h1b_stamping");
    expect(rungs.length).toBeGreaterThan(0);
    expect(result.budget.upcomingUsd).toBeGreaterThan(0);
  });

  it("warns, naming the answer it ignored and why", () => {
    const risk = ignored(planInOwnMatch(LAGOS, NOW));
    expect(risk?.severity).toBe("warning");
    expect(risk?.milestones).toEqual(["visa_h1b_stamping"]);
    expect(risk?.message).toContain("You told us the H-1B visa stamping is not for you");
    expect(risk?.message).toContain(
      "your time zone (Africa/Lagos) says you live outside the US, so the visa must be stamped at a US consulate before Thu 1 Jul 2027",
    );
    expect(risk?.message).toContain("only someone already in the US can have a change of status");
  });

  it("honours the same answer in a US zone: the step is skipped and nothing warns", () => {
    const chicago = { ...LAGOS, applicant: { ...LAGOS.applicant, timezone: "America/Chicago" } };
    const result = planInOwnMatch(chicago, "2027-04-25T10:00:00-05:00");
    expect(stamping(result)).toBeUndefined();
    expect(ignored(result)).toBeUndefined();
  });

  it("is refused by the plan CLI's snapshot check, naming the field and the zone", () => {
    const errors: string[] = [];
    const io: CliIo = {
      readFile: () => JSON.stringify(LAGOS),
      now: () => new Date(NOW),
      out: () => undefined,
      err: (text) => errors.push(text),
    };
    expect(runPlanCli(["snapshot.json"], io)).toBe(2);
    const at = LAGOS.milestones.findIndex((entry) => entry.key === "visa_h1b_stamping");
    expect(errors.join("")).toContain(
      `milestones.${at}.status: cannot be waived: the applicant's time zone (Africa/Lagos) is outside the US`,
    );
  });
});
