import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { escalationsSince } from "#usecases/escalation.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

// A matched J-1 applicant, certified, contract signed 1 Apr, Statement of Need in on 14 Apr, who
// finishes the J-1 sponsorship application some days after the plan's date for it (Mon 5 Apr). The
// plan counts on the DS-2019 by the end of ECFMG's longer review (6 weeks), the visa's own date is
// Wed 16 Jun (two weeks before a 1 Jul start, our advice), and the consulate gets 30 days.
// Done 20 Apr, even the shorter review (4 weeks) puts the visa around Thu 17 Jun: a day past our
// cautious date, two weeks before the start. That is the warning that the review runs past the
// DS-2019's date, never the critical "can no longer be met" with a notice and the advisor told.
// Critical only once even the shorter review brings the visa into the start's last week (done Tue 27
// Apr: the visa around Thu 24 Jun), the line a DS-2019 received late is judged by. One DS-2019 day
// on every surface: the day a risk says it may or must reach the applicant is the day its row and
// reminders count on (the row read "Tue 1 Jun" beside "must reach you by about Mon 31 May").

const calendar = seasonCalendar(2027);
// 10:00 AM in Honolulu on Wed 28 Apr, 1:30 AM on Thu 29 Apr in Kolkata: every done day below is past.
const NOW = new Date("2027-04-28T20:00:00Z");

function doneOn(zone: string, sent: string): Plan {
  const input = matched2027(zone, {
    extra: [
      milestoneFactory("contract", "done", "2027-04-01"),
      milestoneFactory("j1_statement_of_need", "done", "2027-04-14"),
      milestoneFactory("j1_ecfmg_sponsorship", "done", sent),
      milestoneFactory("ecfmg_certification", "done", "2024-08-01"),
    ],
  });
  return plan(input, calendar, NOW);
}

const ds2019Card = (result: Plan) => result.nextSteps.find((step) => step.milestone === "j1_ds2019");
const ds2019Days = (result: Plan): (string | undefined)[] => [
  ...new Set(
    result.reminders.filter((each) => each.milestone === "j1_ds2019").map((each) => each.deadlineDetail.day),
  ),
];
const noEscalation = (result: Plan) => escalationsSince({ criticalCodes: [], overdue: [] }, result);

for (const zone of ["Asia/Kolkata", "Pacific/Honolulu"]) {
  describe(`a J-1 sponsorship finished after our date, in ${zone}: a warning until the visa reaches the start's last week`, () => {
    const warned: [string, string, string, number][] = [
      ["2027-04-19", "Mon 31 May 2027", "2027-05-31", 16],
      ["2027-04-20", "Tue 1 Jun 2027", "2027-06-01", 15],
      ["2027-04-25", "Sun 6 Jun 2027", "2027-06-06", 10],
      ["2027-04-26", "Mon 7 Jun 2027", "2027-06-07", 9],
    ];
    for (const [sent, ends, endsDay, left] of warned)
      it(`done ${sent}: the review may run to ${ends}, a warning; no critical notice, no advisor escalation; the row counts on that day`, () => {
        const result = doneOn(zone, sent);
        const risk = result.risks.find((each) => each.code === "ECFMG_REVIEW_PAST_DS2019");
        expect(risk?.severity).toBe("warning");
        expect(risk?.message).toContain(
          `may run to ${ends}: your DS-2019 may arrive as late as that day, leaving ${left} days before your visa date, Wed 16 Jun 2027`,
        );
        expect(result.risks.filter((each) => each.severity === "critical")).toEqual([]);
        expect(result.reminders.filter((each) => each.rung === "critical-risk")).toEqual([]);
        expect(noEscalation(result)).toEqual([]);
        expect(ds2019Card(result)?.deadline?.day).toBe(endsDay);
        expect(ds2019Card(result)?.action).toContain(`may run to ${ends}, the date this plan now counts on`);
        expect(ds2019Days(result)).toEqual([endsDay]);
        // Nothing behind turns overdue: the visa's own date still holds for the steps before it.
        expect(result.overdue).toEqual([]);
      });

    it("done Tue 27 Apr, even the shorter review brings the visa into the start's last week: critical, one DS-2019 day", () => {
      const result = doneOn(zone, "2027-04-27");
      expect(result.risks.map((each) => each.code)).not.toContain("ECFMG_REVIEW_PAST_DS2019");
      const risk = result.risks.find((each) => each.code === "VISA_NOT_READY_FOR_START");
      expect(risk?.severity).toBe("critical");
      expect(risk?.visaVerdict).toBe("j1-last-day");
      expect(risk?.message).toContain("your J-1 visa would come around Thu 24 Jun 2027 at the earliest");
      expect(risk?.message).toContain("your DS-2019 must reach you by about Mon 31 May 2027");
      // The row, the card, the critical notice and every DS-2019 reminder count on that same day,
      // never the review's last day after it (Tue 8 Jun).
      const card = ds2019Card(result);
      expect(card?.deadline?.day).toBe("2027-05-31");
      expect(card?.action).toContain("may run to Tue 8 Jun 2027.");
      expect(card?.action).toContain(
        "your DS-2019 must reach you by about Mon 31 May 2027, the date this plan now counts on for your DS-2019",
      );
      expect(result.reminders.filter((each) => each.rung === "critical-risk")).toHaveLength(1);
      expect(ds2019Days(result)).toEqual(["2027-05-31"]);
      expect(noEscalation(result).map((each) => each.id)).toEqual([
        "escalation:2027:risk:VISA_NOT_READY_FOR_START",
      ]);
    });
  });
}
