import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { Interview } from "#domain/snapshot.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  interviewFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

/**
 * An interview dated after the projected rank
 * order list deadline but before the next Match's interview season is never met by "we have no
 * interview recorded": a warning names the interview and the deadline (and the later candidate's,
 * inside whose window it may still count: both sides said) and asks whether the date is right.
 *
 * Mere, in Auckland, everything done but the list, on Wed 10 Feb 2027.
 */
const NOW = new Date("2027-02-09T21:00:00Z");

function mere(interviews: Interview[]): Plan {
  return plan(
    inputFactory({
      applicant: applicantFactory({
        fullName: "Mere Ngata",
        matchYear: 2027,
        timezone: "Pacific/Auckland",
        graduation: "2024-11-30",
        medicalSchool: { name: "Tasman School of Medicine", country: "NZ", wdomsSponsorNote: true },
      }),
      milestones: doneMilestones(REGISTERED_KEYS),
      interviews,
    }),
    seasonCalendar(2027),
    NOW,
  );
}
const at = (startsAt: string) =>
  interviewFactory({ program: "Harbour Internal Medicine", startsAt, timezone: "America/New_York" });
const risk = (result: Plan) =>
  result.risks.find((each) => each.code === "INTERVIEW_AFTER_RANK_LIST_DEADLINE");

describe("an interview after the rank order list deadline, before the next season", () => {
  it("inside the later candidate's window: names it, both deadlines, and asks whether the date is right", () => {
    const result = mere([at("2027-02-26T09:00:00-05:00")]);
    expect(result.risks.map((each) => each.code)).not.toContain("NO_INTERVIEW_RECORDED");
    const asked = risk(result);
    expect(asked?.severity).toBe("warning");
    expect(asked?.message).toContain("Harbour Internal Medicine on Fri 26 Feb 2027");
    expect(asked?.message).toContain("Wed 24 Feb 2027");
    expect(asked?.message).toContain("Wed 3 Mar 2027");
    expect(asked?.message).toContain("it may still count");
    expect(asked?.message).toContain("Is the date right?");
    expect(result.reminders.some((reminder) => reminder.milestone === "interview")).toBe(true);
  });

  it("after both deadlines: it cannot count for this Match, said so", () => {
    const result = mere([at("2027-03-20T09:00:00-04:00")]);
    expect(result.risks.map((each) => each.code)).not.toContain("NO_INTERVIEW_RECORDED");
    const asked = risk(result);
    expect(asked?.message).toContain("Harbour Internal Medicine on Sat 20 Mar 2027");
    expect(asked?.message).not.toContain("it may still count");
    expect(asked?.message).toContain("Is the date right?");
  });

  it("an interview in the season raises nothing of the kind", () => {
    expect(risk(mere([at("2027-01-12T09:00:00-05:00")]))).toBeUndefined();
  });
});
