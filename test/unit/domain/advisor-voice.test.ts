import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { riskForAdvisor, stepForAdvisor, stepName } from "#domain/console/advisor-voice.ts";
import { MATCH_DAY_REPORT_TITLE } from "#domain/leading-step.ts";
import { neverHeardMatchYear, neverHeardTitle } from "#domain/match-outcome-question.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { MILESTONE_KEYS } from "#domain/snapshot.ts";
import { applicantFactory, examsDone, inputFactory, interviewFactory } from "./factories.ts";

/** Step names for the advisor: never the applicant's second person. */
describe("steps in the advisor's words", () => {
  it.each(MILESTONE_KEYS.map((key) => [key]))("%s has a name without 'you' or 'your'", (key) => {
    expect(stepName(key)).not.toMatch(/\byou(r)?\b/i);
    expect(stepName(key).length).toBeGreaterThan(2);
  });

  it("a milestone step is named by its key; an interview keeps the plan's title, which names the program", () => {
    expect(
      stepForAdvisor({ milestone: "match_week", title: "Match Week: find out whether you matched" }),
    ).toBe("Match Week: whether they matched");
    expect(stepForAdvisor({ milestone: "interview", title: "Interview at Mercy Hospital" })).toBe(
      "Interview at Mercy Hospital",
    );
  });

  it("an interview's steps, as the planner titles them, name the program in the advisor's voice", () => {
    const interviews = [
      interviewFactory({
        id: "iv-1",
        program: "Mercy Internal Medicine",
        startsAt: "2026-12-08T10:00:00-05:00",
      }),
      interviewFactory({
        id: "iv-2",
        program: "Lakeside FM",
        format: "in_person",
        startsAt: "2026-12-03T10:00:00-05:00",
      }),
    ];
    const input = inputFactory({
      applicant: applicantFactory({ matchYear: 2027 }),
      milestones: examsDone(),
      interviews,
    });
    const planned = plan(input, seasonCalendar(2027), new Date("2026-12-01T12:00:00Z"));
    const steps = [...planned.nextSteps, ...planned.overdue].filter((step) => step.milestone === "interview");
    expect(steps.length).toBeGreaterThanOrEqual(2);
    for (const step of steps) {
      const name = stepForAdvisor(step);
      expect(name).not.toMatch(/\byou(r)?\b/i);
      expect(name).toMatch(/^Interview with (Mercy Internal Medicine|Lakeside FM)/);
    }
  });
});

/** The advisor's sentence names what waits by the planner's rule (contractSteps). */
describe("Match Day not reported, in the advisor's words", () => {
  const risk = { code: "MATCH_DAY_NOT_REPORTED", message: "Tell us where you matched." } as const;

  it("an applicant with visa none has contract steps waiting, no visa steps", () => {
    const text = riskForAdvisor(risk, { fullName: "Rin Tanaka", matchYear: 2027, visa: "none" });
    expect(text).toContain("the contract steps are waiting");
    expect(text).not.toMatch(/visa/i);
  });

  it("an applicant on J-1 has contract and visa steps waiting", () => {
    const text = riskForAdvisor(risk, { fullName: "Rin Tanaka", matchYear: 2027, visa: "J-1" });
    expect(text).toContain("the contract and visa steps are waiting");
  });
});

/**
 * Match Day once residency has started with the result never told: the console names the question
 * ("Never told whether they matched …: asked until"), not "Match Day". It read the year by matching
 * a copy of the title's words, so a reworded title would have turned the row back into "Match Day"
 * with no test failing; it now reads the title through the builder's own reader.
 */
describe("the never-told Match Day in the advisor's words", () => {
  it.each([2026, 2027, 2028, 2031])("names the %i Match from the title the planner builds", (year) => {
    expect(neverHeardMatchYear(neverHeardTitle(year))).toBe(year);
    expect(stepForAdvisor({ milestone: "match_day", title: neverHeardTitle(year) })).toBe(
      `Never told whether they matched in the ${year} Match: asked until`,
    );
  });

  it("reads no other Match Day title as never told", () => {
    for (const title of [
      MATCH_DAY_REPORT_TITLE,
      `${neverHeardTitle(2027)}: if you did not, apply again`,
      `Before: ${neverHeardTitle(2027)}`,
    ]) {
      expect(neverHeardMatchYear(title)).toBeUndefined();
      expect(stepForAdvisor({ milestone: "match_day", title })).toBe(stepName("match_day"));
    }
  });

  it("keeps no copy of the title's words in the console's voice", () => {
    const source = readFileSync(
      fileURLToPath(new URL("../../../shared/domain/console/advisor-voice.ts", import.meta.url)),
      "utf8",
    );
    expect(source).not.toMatch(/never heard whether/i);
  });
});
