import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { OPENS_BESIDE_NO } from "#domain/planner/sponsor-note-evidence.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { planFor } from "./advisor-road.ts";
import { applicantFactory, doneMilestones, inputFactory, milestoneFactory } from "./factories.ts";

// ECFMG's unconfirmed Pathway deadline: plan on the
// earliest candidate (Sat 26 Dec 2026, projected), refuse only on the latest (Tue 2 Feb 2027).

const DONE = doneMilestones(
  [
    "wdoms_listing",
    "ecfmg_application",
    "usmle_step1",
    "usmle_step2ck",
    "oet_medicine",
    "usce",
    "lors",
    "personal_statement",
    "cv",
    "program_list",
    "eras_token",
    "eras_application",
    "nrmp_registration",
  ],
  "2026-09-12",
);

/** An interviewing 2027 applicant in `timezone`, everything done but the Pathway (`pathway`). */
function interviewing(timezone: string, pathway: MilestoneEntry, note = true) {
  return inputFactory({
    applicant: applicantFactory({
      matchYear: 2027,
      timezone,
      visa: "J-1",
      graduation: "2025-06-30",
      medicalSchool: { name: "Test Medical College", country: "PK", wdomsSponsorNote: note },
    }),
    // A "no" beside a passed USMLE Step is opened by the pass (sponsor-note-evidence.ts): the note's
    // own question is asked only where nothing in the record answers it.
    milestones: [...(note ? DONE : DONE.filter((entry) => !OPENS_BESIDE_NO.includes(entry.key))), pathway],
    interviews: [
      {
        program: "Test IM Program",
        startsAt: "2026-12-15T09:00:00-05:00",
        timezone: "America/New_York",
        format: "virtual",
      },
    ],
  });
}

const risk = (result: Plan, code: string) => result.risks.find((each) => each.code === code);
const bogota = interviewing("America/Bogota", milestoneFactory("ecfmg_pathway", "not_started"));

describe("after the latest candidate the write-off names the Pathway deadline", () => {
  it("Bogota, Thu 4 Feb 2027: every date we have for the deadline has passed, no timing guess", () => {
    const message = risk(planFor(bogota, "2027-02-04T10:00:00-05:00"), "MATCH_YEAR_NOT_FEASIBLE")?.message;
    expect(message).toContain(
      "ECFMG's Pathway application deadline for the 2027 Match has passed on every date we have for it (projected Sat 26 Dec 2026; at the latest Tue 2 Feb 2027",
    );
    expect(message).toContain("31 Dec, 6:00 PM ET for the 2024 Match and 31 Jan for the 2023 Match");
    expect(message).toContain("with no application recorded");
    expect(message).not.toContain("fastest realistic pace");
  });
});

describe("before the projected day, the Pathway's last day says what follows it", () => {
  it("Bogota, Sun 20 Dec 2026: submit by Sat 26 Dec; past it the 2027 deadline is unconfirmed, submit at once", () => {
    const last = risk(planFor(bogota, "2026-12-20T10:00:00-05:00"), "MATCH_YEAR_LAST_DAY");
    const message = last?.message ?? "";
    expect(message).toContain(
      "act by Sat 26 Dec 2026, 6:00 PM GMT-5 (Sat 26 Dec 2026, 6:00 PM ET) (projected): submit your ECFMG Pathway application by then",
    );
    expect(message).toContain("ECFMG's 2027 deadline is not confirmed");
    expect(message).toContain("submit at once and check ECFMG's Pathways page");
    expect(message).not.toContain("moves to a later Match");
  });
});

// Tester2/pw-planned-jan20-la.json, a Pathway in progress planned for Wed 20 Jan.
const plannedJan20 = interviewing(
  "America/Los_Angeles",
  milestoneFactory("ecfmg_pathway", "in_progress", "2027-01-20"),
);

describe("a Pathway planned for a day past its projected deadline is kept as the undated one", () => {
  it("Tue 5 Jan 2027: the Match kept, 'submit today', the planned Wed 20 Jan too late for the projected deadline", () => {
    const result = planFor(plannedJan20, "2027-01-05T10:00:00-08:00");
    expect(risk(result, "MATCH_YEAR_NOT_FEASIBLE")).toBeUndefined();
    const last = risk(result, "MATCH_YEAR_LAST_DAY");
    expect(last?.severity).toBe("critical");
    expect(last?.message).toContain("Wed 20 Jan 2027");
    expect(last?.message).toContain("submit today");
    expect(JSON.stringify(result)).not.toContain("went in");
  });

  it("after the latest candidate, planned for a later day still, nothing submitted: written off", () => {
    const late = interviewing(
      "America/Los_Angeles",
      milestoneFactory("ecfmg_pathway", "in_progress", "2027-02-10"),
    );
    const result = planFor(late, "2027-02-04T10:00:00-08:00");
    expect(risk(result, "MATCH_YEAR_NOT_FEASIBLE")?.message).toContain("on every date we have for it");
  });
});

describe("a Pathway planned in time is an application, not an exam", () => {
  const plannedDec20 = interviewing(
    "America/Los_Angeles",
    milestoneFactory("ecfmg_pathway", "in_progress", "2026-12-20"),
  );
  it("Thu 10 Dec 2026: no 'booked … result expected … book an earlier date', one risk, no emails on consecutive days", () => {
    const result = planFor(plannedDec20, "2026-12-10T10:00:00-08:00");
    const about = result.risks.filter((each) => each.milestones.includes("ecfmg_pathway"));
    expect(about.map((each) => each.code)).not.toContain("BOOKED_AFTER_TARGET");
    expect(about.length).toBeLessThanOrEqual(1);
    expect(JSON.stringify(result.risks)).not.toContain("Book an earlier date");
    const days = result.reminders
      .filter((each) => each.milestone === "ecfmg_pathway")
      .map((each) => Date.parse(each.sendAt) / 86_400_000);
    for (let index = 1; index < days.length; index += 1)
      expect((days[index] ?? 0) - (days[index - 1] ?? 0)).toBeGreaterThan(1.5);
  });
});

describe("the note question names the Pathway's own day", () => {
  it("Karachi, note false, interview, Pathway not started, Sun 20 Dec 2026: the question names Sat 26 Dec", () => {
    const karachi = interviewing("Asia/Karachi", milestoneFactory("ecfmg_pathway", "not_started"), false);
    const question = risk(planFor(karachi, "2026-12-20T10:00:00+05:00"), "ANSWERS_CONTRADICT_INTERVIEW");
    expect(question?.message).toContain("Sat 26 Dec 2026");
    expect(question?.message).toContain("Pathway");
  });
});
