import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, matched2027, milestoneFactory } from "./factories.ts";

/**
 * After the Match, risks named the residency start ("residency starting
 * 2027-07-01") as a fact, citing ECFMG's J-1 pages as if they set it. Messages
 * about projected dates cite the projection rule, not the authority's page. Every post-Match
 * message that names the start says it in the plan's date words, that it is projected (most
 * programs start on 1 Jul; confirm with your program), and cites the projection rule; an
 * authority's page stays, labelled as the source of the step's requirement.
 *
 * Zainab (J-1, Karachi): matched on 19 Mar 2027, nothing of the visa chain reported.
 */
const START_WORDS = "Thu 1 Jul 2027 (NRMP's start date; most programs start then, check yours)";
const RULE = seasonCalendar(2027).dates.residency_start.source;

const planAt = (input: PlannerInput, now: string, year = 2027): Plan =>
  plan(input, seasonCalendar(year), new Date(now));
const riskOf = (result: Plan, code: string) => result.risks.find((risk) => risk.code === code);

function withApplicant(input: PlannerInput, overrides: Parameters<typeof applicantFactory>[0]): PlannerInput {
  input.applicant = applicantFactory({ ...input.applicant, ...overrides });
  return input;
}

describe("post-Match messages say the residency start is projected and cite its rule", () => {
  it("VISA_NOT_READY_FOR_START: date words, projected, the rule cited, ECFMG labelled as the requirement", () => {
    const input = withApplicant(matched2027("Asia/Karachi"), { externalId: "zainab", fullName: "Zainab" });
    const risk = riskOf(planAt(input, "2027-05-20T05:00:00Z"), "VISA_NOT_READY_FOR_START");
    expect(risk?.message).toContain(`Your visa steps are behind for residency starting ${START_WORDS}:`);
    expect(risk?.message).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(RULE.startsWith("projected:")).toBe(true);
    expect(risk?.sources?.[0]).toBe(RULE);
    const ecfmg = (risk?.sources ?? []).filter((source) => source.includes("ecfmg.org"));
    expect(ecfmg.length).toBeGreaterThan(0);
    // Each ECFMG page is labelled: the requirement, or (on 20 May, the start out of reach) ECFMG's own
    // review time, or our advice that cites it.
    for (const source of ecfmg)
      expect(source).toMatch(
        /\(what the step requires, not its date\)|\(ECFMG allows 4–6 weeks for its review|^advice: /,
      );
  });

  it("VISA_NOT_READY_FOR_START on H-1B: the same words and rule", () => {
    const input = matched2027("Asia/Karachi", {
      visa: "H-1B",
      extra: [milestoneFactory("usmle_step3", "done", "2026-12-01")],
    });
    const risk = riskOf(planAt(input, "2027-06-20T05:00:00Z"), "VISA_NOT_READY_FOR_START");
    expect(risk?.message).toContain(START_WORDS);
    expect(risk?.sources).toContain(RULE);
  });

  it("CERTIFICATION_AFTER_START after the Match: the start projected, its rule cited", () => {
    const input = withApplicant(
      // With no visa to get: on a J-1 the visa chain's critical risk says the start is out of reach.
      matched2027("Asia/Karachi", {
        visa: "none",
        extra: [milestoneFactory("ecfmg_certification", "in_progress")],
      }),
      { graduation: "2027-06-10" },
    );
    const risk = riskOf(planAt(input, "2027-04-01T05:00:00Z"), "CERTIFICATION_AFTER_START");
    expect(risk?.message).toContain(`(residency starts on ${START_WORDS})`);
    expect(risk?.message).not.toContain("2027-07-01");
    expect(risk?.sources).toContain(RULE);
  });

  it("VISA_UNDECIDED once the visa date has passed: the start is a projected day, not an ET instant", () => {
    const input = matched2027("America/Los_Angeles", { visa: "undecided" });
    const risk = riskOf(planAt(input, "2027-06-20T19:00:00Z"), "VISA_UNDECIDED");
    expect(risk?.message).toContain(`without it you cannot start on ${START_WORDS}:`);
    expect(risk?.sources).toContain(RULE);
  });

  it("the H-1B certificate's card after the Match: the program's date in words, projected", () => {
    const input = matched2027("Asia/Karachi", {
      visa: "H-1B",
      extra: [
        milestoneFactory("ecfmg_certification", "in_progress"),
        milestoneFactory("contract", "done", "2027-03-25"),
      ],
    });
    const step = planAt(
      withApplicant(input, { graduation: "2025-06-30" }),
      "2027-04-25T05:00:00Z",
    ).nextSteps.find((each) => each.milestone === "ecfmg_certification");
    expect(step?.action).toContain(`an H-1B start on your program's date (${START_WORDS}) is now at risk`);
  });

  it("a confirmed start (the 2026 Match) is named bare, with no projection rule", () => {
    const input = inputFor2026();
    const risk = riskOf(planAt(input, "2026-05-20T05:00:00Z", 2026), "VISA_NOT_READY_FOR_START");
    expect(risk?.message).toContain("residency starting Wed 1 Jul 2026:");
    expect(risk?.message).not.toContain("projected");
    expect((risk?.sources ?? []).some((source) => source.startsWith("projected:"))).toBe(false);
  });
});

/** matched2027's applicant, moved to the 2026 Match (whose dates are confirmed). */
function inputFor2026(): PlannerInput {
  const input = matched2027("Asia/Karachi");
  input.applicant = applicantFactory({ ...input.applicant, matchYear: 2026 });
  // The Match outcomes on the 2026 Match's own days (a Match outcome before NRMP's hour does not count).
  const outcomeDays: Partial<Record<string, string>> = { match_week: "2026-03-16", match_day: "2026-03-20" };
  input.milestones = input.milestones.map((entry) =>
    entry.date?.startsWith("2027-") === true
      ? { ...entry, date: outcomeDays[entry.key] ?? entry.date.replace("2027-", "2026-") }
      : entry,
  );
  return input;
}
