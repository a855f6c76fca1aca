import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneStatus } from "#domain/snapshot.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

// A J-1 applicant in Karachi matched for a Thu 1 Jul 2027 start; this plan's DS-2019 day is Mon 17
// May and the visa's Wed 16 Jun (advice, two weeks kept for the trip and orientation). A DS-2019
// received up to Mon 24 May brings the visa no later than Wed 23 Jun, inside half those two weeks,
// and is silent; the interview booked on such a day must be silent too, not critical the day it is
// booked. Past that line (Thu 24 Jun), the booking is too late and the program is told. With the
// interview booked early and the DS-2019 still awaited, the consulate needs the DS-2019 by the
// interview, not by our back-chained day.

const calendar = seasonCalendar(2027);

function applicant(ds2019: { status: MilestoneStatus; date?: string }, interview: string) {
  return matched2027("Asia/Karachi", {
    visa: "J-1",
    extra: [
      milestoneFactory("ecfmg_certification", "done", "2026-12-01"),
      milestoneFactory("contract", "done", "2027-03-26"),
      milestoneFactory("j1_statement_of_need", "done", "2027-03-30"),
      milestoneFactory("j1_ecfmg_sponsorship", "done", "2027-03-31"),
      milestoneFactory("j1_ds2019", ds2019.status, ds2019.date),
      milestoneFactory("visa_j1", "scheduled", interview),
    ],
  });
}
const risk = (result: ReturnType<typeof plan>, code: string) => result.risks.find((r) => r.code === code);
const card = (result: ReturnType<typeof plan>) =>
  result.nextSteps.find((step) => step.milestone === "visa_j1")?.action ?? "";

describe("a J-1 visa interview booked after the visa's date, judged by the DS-2019's line", () => {
  it.each([
    ["2027-05-18", "2027-06-17"],
    ["2027-05-24", "2027-06-22"],
    ["2027-05-24", "2027-06-23"],
  ])("DS-2019 received %s, interview %s: no critical notice, no call to the program", (received, day) => {
    const result = plan(
      applicant({ status: "done", date: received }, day),
      calendar,
      new Date("2027-05-26T07:00:00Z"),
    );
    expect(risk(result, "VISA_NOT_READY_FOR_START")).toBeUndefined();
    expect(risk(result, "DS2019_RECEIVED_LATE")).toBeUndefined();
    expect(card(result)).not.toContain("GME office");
    expect(card(result)).not.toContain("earlier or expedited appointment");
  });

  it("an interview on Thu 24 Jun, past the line, is critical the day it is booked and asks for an earlier one", () => {
    const result = plan(
      applicant({ status: "done", date: "2027-05-18" }, "2027-06-24"),
      calendar,
      new Date("2027-05-26T07:00:00Z"),
    );
    const message = risk(result, "VISA_NOT_READY_FOR_START")?.message ?? "";
    expect(message).toContain("booked for Thu 24 Jun 2027, after Wed 16 Jun 2027");
    expect(message).toContain("tell your program's GME office now");
    expect(card(result)).toContain("earlier or expedited appointment");
  });
});

describe("a DS-2019 still awaited with the J-1 visa interview booked", () => {
  it("on Tue 25 May, for an interview on Thu 10 Jun, is a warning, not 'your visa steps are behind'", () => {
    const result = plan(
      applicant({ status: "in_progress" }, "2027-06-10"),
      calendar,
      new Date("2027-05-25T07:00:00Z"),
    );
    expect(risk(result, "VISA_NOT_READY_FOR_START")).toBeUndefined();
    expect(risk(result, "VISA_STEP_LATE")?.message).toContain("DS-2019");
  });

  it("on the interview's morning, still awaited, is critical", () => {
    const result = plan(
      applicant({ status: "in_progress" }, "2027-06-10"),
      calendar,
      new Date("2027-06-10T04:00:00Z"),
    );
    expect(risk(result, "VISA_NOT_READY_FOR_START")?.message).toContain("DS-2019");
  });
});
