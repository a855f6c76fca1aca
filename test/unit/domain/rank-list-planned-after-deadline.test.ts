import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { planFor } from "./advisor-road.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  interviewFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

/**
 * A rank order list planned for a day that begins after the rank order list deadline (projected Wed
 * 24 Feb 2027, 9:00 PM ET) in the applicant's zone: a list certified then does not count, as an exam
 * booked past its last day does not. Its card said so, yet the plan raised no risk, the row read
 * "soon" until the 3-day rung and the email was the routine countdown ("Certify your rank order
 * list: due …"). Now a critical risk, the row urgent and a notice at the next slot whose subject says
 * the day is too late and names the deadline in her time. A day that holds the deadline in its
 * morning (Lagos's Thursday at 3:00 AM, Manila's at 10:00 AM) was calm too, though a list certified
 * "on the 25th" is certified hours after it stopped counting: the same risk now, naming the hour. A
 * day that holds the deadline later (Auckland's Thursday, the deadline at 3:00 PM there) is not after it.
 */

/** Lani in `zone`: registered with NRMP, every step before it done, certified, interviewed; the list as given. */
function lani(zone: string, list: { status: "scheduled" | "in_progress"; date: string }): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({
      externalId: "lani-rank-list",
      fullName: "Lani Kealoha",
      timezone: zone,
      matchYear: 2027,
      graduation: "2024-05-30",
    }),
    milestones: [
      ...doneMilestones(REGISTERED_KEYS, "2026-09-20"),
      milestoneFactory("ecfmg_certification", "done", "2026-10-01"),
      milestoneFactory("rank_order_list", list.status, list.date),
    ],
    interviews: [
      interviewFactory({
        id: "iv-1",
        program: "Harbor Internal Medicine",
        startsAt: "2027-01-12T08:00:00-05:00",
      }),
    ],
  });
}

const planned = (zone: string, date: string, status: "scheduled" | "in_progress" = "scheduled") =>
  lani(zone, { status, date });
const listRisks = (result: Plan) => result.risks.filter((risk) => risk.code === "ROL_PLANNED_AFTER_DEADLINE");
const listRow = (result: Plan) => result.nextSteps.find((step) => step.milestone === "rank_order_list");
const notice = (result: Plan) =>
  result.reminders.find((each) => each.milestone === "rank_order_list" && each.rung === "critical-risk");

const HONOLULU_TITLE =
  "The day you plan to certify your rank order list is too late: certify it before Wed 24 Feb 2027, 4:00 PM HST (projected)";

describe("a rank order list planned for Thu 25 Feb 2027 in Honolulu, after the 4:00 PM HST deadline on the 24th", () => {
  const now = "2027-02-10T02:00:00-10:00";
  const result = planFor(planned("Pacific/Honolulu", "2027-02-25"), now);

  it("is a critical risk at once, naming the day planned and the deadline in her time", () => {
    const risks = listRisks(result);
    expect(risks.map((risk) => risk.severity)).toEqual(["critical"]);
    expect(risks[0]?.message).toContain(
      "You plan to certify your rank order list on Thu 25 Feb 2027, after the rank order list deadline, Wed 24 Feb 2027, 4:00 PM HST",
    );
    expect(risks[0]?.message).toContain("you cannot match in the 2027 Match");
    expect((risks[0]?.sources ?? []).some((source) => source.startsWith("projected:"))).toBe(true);
  });

  it("reads urgent two weeks out, not soon", () => {
    expect(listRow(result)?.urgency).toBe("urgent");
  });

  it("sends its notice at her next delivery time, titled for the day too late and the deadline's hour", () => {
    expect(notice(result)?.title).toBe(HONOLULU_TITLE);
    expect(notice(result)?.sendAt).toBe("2027-02-10T19:00:00.000Z");
  });

  it("the email's subject is the notice's, not the routine countdown", () => {
    const first = result.reminders[0]?.sendAt;
    const email = renderReminderEmail({
      recipientName: "Lani Kealoha",
      reminders: result.reminders.filter((each) => each.sendAt === first),
      plan: result,
      unsubscribeUrl: "https://api.example.org/unsubscribe?token=abc.def",
    });
    expect(email.subject.startsWith(HONOLULU_TITLE)).toBe(true);
    expect(email.subject).not.toContain("Certify your rank order list: due");
  });

  it("in progress with the same day, the same risk", () => {
    const inProgress = planFor(planned("Pacific/Honolulu", "2027-02-25", "in_progress"), now);
    expect(listRisks(inProgress).map((risk) => risk.severity)).toEqual(["critical"]);
  });
});

describe("a rank order list planned for Thu 25 Feb 2027 where the deadline falls that morning", () => {
  it("Lagos, the deadline at 3:00 AM that day: critical, naming the hour and the day before", () => {
    const result = planFor(planned("Africa/Lagos", "2027-02-25"), "2027-02-10T13:00:00+01:00");
    const risks = listRisks(result);
    expect(risks.map((risk) => risk.severity)).toEqual(["critical"]);
    expect(risks[0]?.message).toContain(
      "You plan to certify your rank order list on Thu 25 Feb 2027, but on that day the rank order list deadline is at 3:00 AM your time, Thu 25 Feb 2027, 3:00 AM GMT+1",
    );
    expect(risks[0]?.message).toContain("Certify it in R3 by then, or on Wed 24 Feb 2027,");
    expect(risks[0]?.message).toContain("you cannot match in the 2027 Match");
    expect(listRow(result)?.urgency).toBe("urgent");
    expect(notice(result)?.title).toBe(
      "The day you plan to certify your rank order list is too late: certify it before Thu 25 Feb 2027, 3:00 AM GMT+1 (projected)",
    );
  });

  it("Lagos at 1:00 AM on the 25th, the deadline still ahead: by then, never the day before, gone", () => {
    const result = planFor(planned("Africa/Lagos", "2027-02-25"), "2027-02-25T01:00:00+01:00");
    const message = listRisks(result)[0]?.message ?? "";
    expect(message).toContain("Certify it in R3 by then, and send your intake form again");
    expect(message).not.toContain("or on Wed 24 Feb");
  });

  it("Manila, the deadline at 10:00 AM that day: critical, naming the hour", () => {
    const result = planFor(planned("Asia/Manila", "2027-02-25"), "2027-02-10T20:00:00+08:00");
    const risks = listRisks(result);
    expect(risks.map((risk) => risk.severity)).toEqual(["critical"]);
    expect(risks[0]?.message).toContain("the rank order list deadline is at 10:00 AM your time");
    expect(listRow(result)?.urgency).toBe("urgent");
  });
});

describe("no risk where the planned day is not after the deadline and holds it only after noon", () => {
  it("Honolulu, planned Wed 24 Feb, the deadline's own day", () => {
    const result = planFor(planned("Pacific/Honolulu", "2027-02-24"), "2027-02-10T02:00:00-10:00");
    expect(listRisks(result)).toEqual([]);
    expect(notice(result)).toBeUndefined();
  });

  it("Auckland, planned Thu 25 Feb: the deadline is 3:00 PM that day there", () => {
    const result = planFor(planned("Pacific/Auckland", "2027-02-25"), "2027-02-11T01:00:00+13:00");
    expect(listRisks(result)).toEqual([]);
    expect(notice(result)).toBeUndefined();
  });
});

describe("once the deadline has passed, the past-deadline rules speak, not this one", () => {
  it("Honolulu, planned Thu 25 Feb, on the 25th", () => {
    const result = plan(
      planned("Pacific/Honolulu", "2027-02-25"),
      seasonCalendar(2027),
      new Date("2027-02-25T09:00:00-10:00"),
    );
    expect(listRisks(result)).toEqual([]);
  });
});
