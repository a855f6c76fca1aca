import { describe, expect, it } from "vitest";
import { laterPlannedMatchYear } from "#domain/match-year-heading.ts";
import type { ConsoleStore } from "#ports/console-store.ts";
import type { Principal } from "#ports/token-verifier.ts";
import { runWhatIf } from "#usecases/console-what-if.ts";
import { FixedClock, InMemoryApplicantStore, profileFactory } from "./fakes.ts";

const PRIYA: Principal = { email: "priya.advisor@matchpath.example", role: "advisor", sub: "priya" };

async function notWhatIf(): Promise<never> {
  throw new Error("A what-if does not call this");
}

const noConsoleStore: ConsoleStore = {
  listCohort: notWhatIf,
  recordLastEmail: notWhatIf,
  setRemindersPaused: notWhatIf,
  recordAudit: notWhatIf,
  listAudit: notWhatIf,
  listSubmissions: notWhatIf,
  listEvents: notWhatIf,
  eraseApplicant: notWhatIf,
};

/**
 * An applicant targeting the 2027 Match in March 2027 (out of reach, plan
 * dated for 2028) was warned that a November 2027 interview is "outside the 2027 Match's interview
 * season". The season checked is the Match the plan is dated for, as the cohort's "2027 → 2028".
 */
describe("a what-if's interview season, for a plan dated for a later Match", () => {
  const run = async (startsAt: string, id?: string) => {
    const store = new InMemoryApplicantStore();
    store.add(
      profileFactory({
        applicantId: "a_late",
        externalId: "late",
        advisorEmail: PRIYA.email,
        matchYear: 2027,
      }),
      {
        milestones: [],
        interviews: [
          {
            id: "iv_1",
            program: "Mass General",
            startsAt: "2027-10-20T10:00:00-04:00",
            timezone: "America/New_York",
            format: "in_person",
          },
        ],
      },
    );
    const deps = {
      applicants: store,
      intake: store,
      console: noConsoleStore,
      clock: new FixedClock(new Date("2027-03-20T12:00:00Z")),
    };
    return runWhatIf(
      PRIYA,
      "a_late",
      [
        {
          kind: "interview",
          ...(id === undefined ? {} : { id }),
          program: "Cleveland Clinic",
          startsAt,
          timezone: "America/New_York",
          format: "in_person",
        },
      ],
      deps,
    );
  };

  it("the plan is dated for 2028 (the 2027 Match out of reach)", async () => {
    const result = await run("2027-11-05T10:00:00-05:00");
    expect(laterPlannedMatchYear(result.after)).toBe(2028);
  });

  it.each([
    ["adds", undefined],
    ["moves", "iv_1"],
  ])("%s an interview in the 2028 Match's season: no warning", async (_how, id) => {
    const result = await run("2027-11-05T10:00:00-05:00", id);
    expect(result.warnings).toEqual([]);
  });

  it.each([
    ["adds", undefined],
    ["moves", "iv_1"],
  ])("%s an interview before the 2028 Match's season: warned, naming the 2028 Match", async (_how, id) => {
    const result = await run("2027-06-01T10:00:00-04:00", id);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]?.message).toContain("outside the 2028 Match's interview season");
  });
});
