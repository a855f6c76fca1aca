import { describe, expect, it } from "vitest";
import { applyWhatIf, planDiff, type WhatIfChange } from "#domain/console/what-if.ts";
import { plan as planFor } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { Interview } from "#domain/snapshot.ts";
import { applicantFactory, examsDone, inputFactory } from "#test/unit/domain/factories.ts";
import { profileFactory } from "#test/unit/usecases/fakes.ts";
import type { ApplicantView } from "#usecases/console.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { whatIfFragment } from "../../../../functions/console/pages/what-if.ts";
import { whatIfChanges } from "../../../../functions/console/request.ts";

/**
 * "add or move an interview" filled in nothing when an interview was
 * picked, the zone stayed New York (moving a 9:00 Chicago interview to 9:00 New York, an hour, by
 * one click), the option named only the program, and a format change showed nowhere.
 */
const mayo: Interview = {
  id: "iv_mayo",
  program: "Mayo Clinic IM",
  startsAt: "2027-10-20T09:00:00-05:00",
  timezone: "America/Chicago",
  format: "virtual",
};

describe("moving an interview in the what-if", () => {
  it("offers each interview with its date, and carries its program, local start, zone and format for the script", () => {
    const state = { profile: profileFactory(), milestones: [], interviews: [mayo], ledger: [] };
    const plan = domainPlanning.plan(state, new Date("2027-10-01T12:00:00Z"));
    const view: ApplicantView = { state, plan, audit: [], submissions: [], events: [] };
    const form = whatIfFragment(view);
    const option = /<option value="iv_mayo"[^>]*>[^<]*<\/option>/.exec(form)?.[0] ?? "";
    expect(option).toContain('data-program="Mayo Clinic IM"');
    expect(option).toContain('data-starts-at="2027-10-20T09:00"');
    expect(option).toContain('data-timezone="America/Chicago"');
    expect(option).toContain('data-format="virtual"');
    expect(option).toContain(">Mayo Clinic IM, Wed 20 Oct 2027, 9:00 AM America/Chicago, virtual</option>");
    // No zone or format is chosen for the advisor: left as they are, the interview's own are kept.
    expect(form).not.toMatch(/<select id="f-timezone" name="timezone"><option>America\/New_York/);
    expect(form).toContain('<select id="f-timezone" name="timezone"><option value="">');
    expect(form).toContain('<select id="f-format" name="format"><option value="">');
  });

  const move = (fields: Record<string, string>) =>
    whatIfChanges(
      new URLSearchParams({
        kind: "interview",
        interviewId: "iv_mayo",
        program: "",
        startsAt: "",
        timezone: "",
        format: "",
        ...fields,
      }),
      [mayo],
    );

  it("keeps, without the script, what the advisor leaves empty of the interview moved: never New York by default", () => {
    expect(move({ format: "in_person" })).toEqual([
      { kind: "interview", id: "iv_mayo", ...withoutId(mayo), format: "in_person" },
    ]);
    // A new local start, read in the interview's own zone (Chicago, CDT on 27 Oct 2027).
    expect(move({ startsAt: "2027-10-27T14:00" })).toMatchObject([
      { startsAt: "2027-10-27T14:00:00-05:00", timezone: "America/Chicago", program: "Mayo Clinic IM" },
    ]);
    // A zone the advisor chooses is taken, with the interview's own local start.
    expect(move({ timezone: "America/New_York" })).toMatchObject([
      { startsAt: "2027-10-20T09:00:00-04:00", timezone: "America/New_York" },
    ]);
    // A new interview with no zone chosen: New York, as before; virtual unless said.
    expect(
      whatIfChanges(
        new URLSearchParams({
          kind: "interview",
          program: "Rush IM",
          startsAt: "2027-11-10T09:00",
          timezone: "",
          format: "",
        }),
        [mayo],
      ),
    ).toMatchObject([
      { timezone: "America/New_York", startsAt: "2027-11-10T09:00:00-05:00", format: "virtual" },
    ]);
  });

  it("names a format change in the difference (virtual → in person)", () => {
    const input = inputFactory({
      applicant: applicantFactory({ matchYear: 2028 }),
      milestones: examsDone("2026-06-01"),
      interviews: [mayo],
    });
    const now = new Date("2027-10-01T12:00:00Z");
    const changes: WhatIfChange[] = [
      {
        kind: "interview",
        ...mayo,
        id: "iv_mayo",
        startsAt: "2027-10-27T14:00:00-05:00",
        format: "in_person",
      },
    ];
    const changed = applyWhatIf(input, changes);
    const diff = planDiff(
      planFor(input, seasonCalendar(2028), now),
      planFor(changed, seasonCalendar(2028), now),
    );
    const titles = diff.steps.map((step) => step.title);
    expect(titles).toContain("Interview with Mayo Clinic IM (virtual → in-person): preparation");
    // Only the format, same time: still a row, not "No change".
    const formatOnly = applyWhatIf(input, [{ kind: "interview", ...mayo, format: "in_person" }]);
    const same = planDiff(
      planFor(input, seasonCalendar(2028), now),
      planFor(formatOnly, seasonCalendar(2028), now),
    );
    expect(same.steps.map((step) => step.title)).toContain(
      "Interview with Mayo Clinic IM (virtual → in-person): preparation",
    );
    expect(same.unchanged).toBe(false);
  });
});

function withoutId({ id: _id, ...rest }: Interview): Omit<Interview, "id"> {
  return rest;
}
