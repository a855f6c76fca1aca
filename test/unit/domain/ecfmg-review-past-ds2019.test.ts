import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { riskForAdvisor } from "#domain/console/advisor-voice.ts";
import type { Plan } from "#domain/plan.ts";
import type { ApplicantSnapshot, MilestoneEntry } from "#domain/snapshot.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * A J-1 sponsorship done on Mon 19 Apr 2027, after its date (Mon 5 Apr): ECFMG's review (4 to 6
 * weeks, the plan counts 42 days) may run to Mon 31 May, past the DS-2019's date (Mon 17 May). The
 * DS-2019's card said so, but the plan raised nothing when it was known, chased the DS-2019 as
 * "Overdue since Mon 17 May" and raised a critical VISA_NOT_READY_FOR_START at the review's end, inside the
 * review it had predicted (README §The visa: "you are not chased over ECFMG's queue"). Done a day
 * later, on 20 Apr, even the shorter review leaves the visa a day after its date, still two weeks
 * before the start: the same warning, never the last day's critical verdict.
 * Tanvir: Dhaka (UTC+6), J-1, matched Fri 19 Mar 2027, contract signed.
 */
const DIR = fileURLToPath(new URL("../../fixtures/j1-sponsorship-review/", import.meta.url));
const snapshot = readSnapshot(DIR, "sponsorship-in-progress-dhaka.json");
const CODE = "ECFMG_REVIEW_PAST_DS2019";
/** The end of Mon 31 May 2027 in Dhaka: the review's last day. */
const REVIEW_ENDS_AT = "2027-05-31T18:00:00.000Z";

function withSponsorshipDone(date: string): ApplicantSnapshot {
  const done: MilestoneEntry = { key: "j1_ecfmg_sponsorship", status: "done", date };
  return {
    ...snapshot,
    milestones: [...snapshot.milestones.filter((entry) => entry.key !== done.key), done],
  };
}
const late = (now: string): Plan => planInOwnMatch(withSponsorshipDone("2027-04-19"), now);
const codes = (result: Plan): string[] => result.risks.map((risk) => risk.code);
const ds2019Chase = (result: Plan) =>
  result.reminders.filter((each) => each.milestone === "j1_ds2019" && each.overdueSince !== undefined);

describe("a J-1 sponsorship done late: warned at once, not chased before ECFMG's review can end", () => {
  it("on Tue 20 Apr, done the day before: a warning with the review's last day, the days left to the visa date, and what to do", () => {
    const result = late("2027-04-20T16:00:00Z");
    const risk = result.risks.find((each) => each.code === CODE);
    expect(risk?.severity).toBe("warning");
    expect(risk?.milestones).toEqual(["j1_ds2019", "visa_j1"]);
    expect(risk?.message).toContain(
      "You completed your J-1 sponsorship application on Mon 19 Apr 2027, so ECFMG's review (4 to 6 weeks once every document is in) may run to Mon 31 May 2027: your DS-2019 may arrive as late as that day, leaving 16 days before your visa date, Wed 16 Jun 2027, instead of the 30 this plan allows for the consular interview.",
    );
    expect(risk?.message).toContain("Tell your program's liaison now");
    expect(risk?.message).toContain("Global Visa Wait Times tool");
    const sources = (risk?.sources ?? []).join(" ");
    expect(sources).toContain("https://ecfmg.org/evsp/application-process.html");
    expect(sources).toContain("advice: what to do now; each post's wait: https://travel.state.gov/");
    expect(result.riskChangesAt).toContain(REVIEW_ENDS_AT);
    // Its card is dated by the review's last day, the one date every channel gives the DS-2019.
    const card = result.nextSteps.find((step) => step.milestone === "j1_ds2019");
    expect(card?.deadline?.day).toBe("2027-05-31");
    expect(card?.urgency).toBe("later");
    // In the advisor's console too, as every risk.
    expect(riskForAdvisor(risk as never, { fullName: "Tanvir Hossain" } as never)).toContain(
      "ECFMG's review may run past the DS-2019's date",
    );
  });

  it("is emailed at once on the DS-2019's card, dated by the review's last day", () => {
    const notices = late("2027-04-20T16:00:00Z").reminders.filter((each) => each.risk === CODE);
    expect(notices).toHaveLength(1);
    expect(notices[0]?.milestone).toBe("j1_ds2019");
    expect(notices[0]?.sendAt).toBe("2027-04-21T03:00:00.000Z"); // the next 9:00 AM in Dhaka
    expect(notices[0]?.deadlineDetail.day).toBe("2027-05-31");
    expect(notices[0]?.title).toContain("Your DS-2019 may come as late as");
  });

  it("on Mon 31 May, the review's last day and the start's: no overdue chase, the last day's critical in place of the warning", () => {
    // Even a DS-2019 arriving today brings the visa into the start's last week (30 Jun): the
    // warning's "your start can still hold" gives way to the one day left, today.
    const result = late("2027-05-31T16:00:00Z");
    expect(codes(result)).not.toContain(CODE);
    const critical = result.risks.find((risk) => risk.code === "VISA_NOT_READY_FOR_START");
    expect(critical?.message).toContain("your DS-2019 must reach you by about Mon 31 May 2027");
    expect(result.overdue.map((step) => step.milestone)).not.toContain("j1_ds2019");
    // Its card is pressing, dated that day, not "overdue".
    const card = result.nextSteps.find((step) => step.milestone === "j1_ds2019");
    expect(card?.urgency).toBe("urgent");
    expect(card?.deadline?.day).toBe("2027-05-31");
    expect(ds2019Chase(result)).toEqual([]);
  });

  it("from Tue 1 Jun, the day after: late as before, the warning gone", () => {
    const result = late("2027-06-01T03:00:00Z");
    expect(codes(result)).toContain("VISA_NOT_READY_FOR_START");
    expect(codes(result)).not.toContain(CODE);
    expect(result.overdue.map((step) => step.milestone)).toContain("j1_ds2019");
    expect(ds2019Chase(result).length).toBeGreaterThan(0);
  });

  it("a sponsorship done on its date: no warning, and the DS-2019 late from the day after its own date", () => {
    expect(codes(planInOwnMatch(withSponsorshipDone("2027-04-05"), "2027-04-20T16:00:00Z"))).not.toContain(
      CODE,
    );
    const after = planInOwnMatch(withSponsorshipDone("2027-04-05"), "2027-05-18T16:00:00Z");
    // Late by our advice date only, the visa's own date still holding: a warning (visa-step-late.test.ts).
    expect(codes(after)).toContain("VISA_STEP_LATE");
    // Behind our plan, not overdue, while that date holds (behind-our-plan.test.ts).
    expect(after.nextSteps.find((step) => step.milestone === "j1_ds2019")?.behindPlan).toBe(true);
  });

  it("counts the DS-2019's reminders down to the review's last day, never to the plan's Mon 17 May", () => {
    for (const now of ["2027-04-20T16:00:00Z", "2027-05-20T04:00:00Z"]) {
      const ds2019 = late(now).reminders.filter((each) => each.milestone === "j1_ds2019");
      expect(ds2019.length, now).toBeGreaterThan(1);
      for (const each of ds2019)
        expect(`${each.rung}: ${each.deadlineDetail.day}`, now).toBe(`${each.rung}: 2027-05-31`);
    }
  });

  it("with the DS-2019 scheduled, its day given: no warning and no notice, its own words speak", () => {
    const expected = withSponsorshipDone("2027-04-20");
    expected.milestones.push({ key: "j1_ds2019", status: "scheduled", date: "2027-05-25" });
    const result = planInOwnMatch(expected, "2027-04-22T04:00:00Z");
    expect(codes(result)).not.toContain(CODE);
    expect(result.reminders.filter((each) => each.risk === CODE)).toEqual([]);
    expect(result.nextSteps.find((step) => step.milestone === "j1_ds2019")?.action).toContain(
      "You expect your DS-2019 on Tue 25 May 2027",
    );
  });

  it("done on Tue 20 Apr instead, the shorter review puts the visa a day past its date, two weeks before the start: still the warning", () => {
    const result = planInOwnMatch(withSponsorshipDone("2027-04-20"), "2027-04-20T16:00:00Z");
    expect(codes(result)).toContain(CODE);
    expect(codes(result)).not.toContain("VISA_NOT_READY_FOR_START");
    expect(result.risks.find((each) => each.code === CODE)?.message).toContain(
      "may run to Tue 1 Jun 2027: your DS-2019 may arrive as late as that day, leaving 15 days before your visa date",
    );
    expect(result.nextSteps.find((step) => step.milestone === "j1_ds2019")?.deadline?.day).toBe("2027-06-01");
  });

  // The README says a visa a few days past its own date stays this warning; the message said only
  // "leaving N days before your visa date", never that the date itself is likely missed.
  it.each([
    ["2027-04-20", "Thu 17 Jun 2027", "1 day"],
    ["2027-04-23", "Sun 20 Jun 2027", "4 days"],
  ])(
    "done on %s, even the shorter review puts the visa around %s: the visa date likely missed by %s, said",
    (done, visa, by) => {
      const result = planInOwnMatch(withSponsorshipDone(done), "2027-04-23T16:00:00Z");
      expect(codes(result)).not.toContain("VISA_NOT_READY_FOR_START");
      expect(result.risks.find((each) => each.code === CODE)?.message).toContain(
        `: even at the review's shorter end your visa would come around ${visa}, so your visa date is likely missed by ${by}, though your start can still hold. Tell your program's liaison now`,
      );
    },
  );

  it("done on Mon 19 Apr, the shorter review keeps the visa's date: never 'likely missed'", () => {
    const message = late("2027-04-20T16:00:00Z").risks.find((each) => each.code === CODE)?.message;
    expect(message).toContain("instead of the 30 this plan allows for the consular interview. Tell");
    expect(message).not.toContain("likely missed");
  });

  it("with the DS-2019 in hand: no warning", () => {
    const inHand = withSponsorshipDone("2027-04-20");
    inHand.milestones.push({ key: "j1_ds2019", status: "done", date: "2027-05-10" });
    expect(codes(planInOwnMatch(inHand, "2027-05-11T03:00:00Z"))).not.toContain(CODE);
  });
});
