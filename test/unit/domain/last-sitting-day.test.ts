import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { HOUR_MS, localDate, startOfLocalDate } from "#domain/time.ts";
import {
  applicantFactory,
  certifiedListWith,
  DONE_TO_NRMP_BUT_OET_AND_PATHWAY,
  doneMilestones,
  inputFactory,
  milestoneFactory,
} from "./factories.ts";

/**
 * The last sitting day is a calendar day, the ET day of
 * the cut-off instant (2027 Match: rank order list deadline Wed 24 Feb 2027, 9:00 PM ET, projected,
 * less the 28-day score allowance: Wed 27 Jan 2027), named with no time and the same day in every
 * zone; "today" on the applicant's local day equal to it, "tomorrow" on the one before; from their
 * next local day it has passed, a sitting booked on a later local day is late for this Match's
 * ranking, and no notice about it goes out after it.
 */

const calendar = seasonCalendar(2027);
const LAST_DAY = "2027-01-27";

/** Step 2 CK at `status` (dated `date`), everything else to NRMP done, no rank order list yet. */
function applicant(zone: string, status: "in_progress" | "scheduled" = "in_progress", date?: string) {
  const input = certifiedListWith(zone, milestoneFactory("usmle_step2ck", status, date));
  return { ...input, milestones: input.milestones.filter((each) => each.key !== "rank_order_list") };
}

/** `hour` o'clock on `date` in `zone` (no clock change there in late January 2027). */
const localAt = (zone: string, date: string, hour: number) =>
  new Date(startOfLocalDate(zone, date) + hour * HOUR_MS);

const risk = (result: Plan, code: string) => result.risks.find((each) => each.code === code);
const bookNow = (result: Plan) =>
  result.reminders.filter((each) => each.title.startsWith("Book your USMLE Step 2 CK sitting now"));

/** The day, with no time after it, and no other day of the end of January. */
function namesTheDayOnly(text: string | undefined): void {
  expect(text).toContain("Wed 27 Jan 2027");
  expect(text).not.toMatch(/27 Jan 2027, \d/);
  expect(text).not.toContain("28 Jan");
}

describe.each(["Asia/Karachi", "Africa/Lagos", "America/Los_Angeles", "Pacific/Auckland"])(
  "in %s",
  (zone) => {
    const input = applicant(zone);

    it.each([
      [
        "26 Jan, 10:00 (the local day before)",
        "2027-01-26",
        10,
        "tomorrow, Wed 27 Jan 2027, at the latest",
        "sit it tomorrow",
      ],
      [
        "27 Jan, 10:00 (the local day itself)",
        LAST_DAY,
        10,
        "today, Wed 27 Jan 2027, at the latest",
        "sit it today",
      ],
      [
        "27 Jan, 23:30 (in quiet hours, the day itself)",
        LAST_DAY,
        23.5,
        "today, Wed 27 Jan 2027, at the latest",
        "sit it today",
      ],
    ])("%s: Wed 27 Jan with no time, and the right word", (_name, date, hour, words, _sitIt) => {
      const result = plan(input, calendar, localAt(zone, date, hour));
      expect(risk(result, "MATCH_YEAR_NOT_FEASIBLE")).toBeUndefined();
      const late = risk(result, "EXAMS_LATE_FOR_RANKING");
      expect(late?.severity).toBe("critical");
      expect(late?.message).toContain(`find any seat you can and take it ${words}`);
      namesTheDayOnly(late?.message.split(". ECFMG must")[0]);
      // One risk per exam fact: MATCH_YEAR_LAST_DAY's "sit it today/tomorrow" was the
      // same day and action; what it added, the move to a later Match after that day, is folded in.
      expect(risk(result, "MATCH_YEAR_LAST_DAY")).toBeUndefined();
      namesTheDayOnly(late?.message.slice(late.message.indexOf("After Wed 27 Jan")));
    });

    it.each([
      ["21 Jan, 10:00", "2027-01-21", 10],
      ["26 Jan, 10:00", "2027-01-26", 10],
      ["27 Jan, 10:00", LAST_DAY, 10],
      ["27 Jan, 23:30, in quiet hours", LAST_DAY, 23.5],
    ])("%s: the book-now notice goes out on or before the day, due that day", (_name, date, hour) => {
      const result = plan(input, calendar, localAt(zone, date, hour));
      const notices = bookNow(result);
      expect(notices).toHaveLength(1);
      for (const notice of notices) {
        expect(localDate(zone, Date.parse(notice.sendAt))).not.toBe("2027-01-28");
        expect(localDate(zone, Date.parse(notice.sendAt)) <= LAST_DAY).toBe(true);
        expect(notice.deadlineDetail.local).toBe("Wed 27 Jan 2027");
      }
    });

    it("1 AM local on 28 Jan: the day has passed, kept on the later candidate, no book-now notice", () => {
      const result = plan(input, calendar, localAt(zone, "2027-01-28", 1));
      expect(risk(result, "MATCH_YEAR_NOT_FEASIBLE")).toBeUndefined();
      expect(risk(result, "MATCH_YEAR_LAST_DAY")?.severity).toBe("critical");
      expect(bookNow(result)).toHaveLength(0);
    });

    it("1 AM local on 4 Feb: the later candidate's last sitting day has passed too, out of reach", () => {
      const result = plan(input, calendar, localAt(zone, "2027-02-04", 1));
      expect(risk(result, "MATCH_YEAR_NOT_FEASIBLE")?.earliestFeasibleMatchYear).toBe(2028);
      expect(bookNow(result)).toHaveLength(0);
    });

    it("a sitting booked on Thu 28 Jan is late for the 2027 ranking: move it to Wed 27 Jan", () => {
      const result = plan(
        applicant(zone, "scheduled", "2027-01-28"),
        calendar,
        localAt(zone, "2027-01-26", 10),
      );
      const late = risk(result, "EXAMS_LATE_FOR_RANKING");
      expect(late?.severity).toBe("critical");
      expect(late?.milestones).toContain("usmle_step2ck");
      // Booked by the later candidate's last sitting day, the risk says the card's both sides.
      expect(late?.message).toContain("try to move it to Wed 27 Jan 2027 (our advice) or earlier");
      expect(late?.message).toContain("if no earlier seat is open, keep Thu 28 Jan 2027");
    });

    it("the evening of the last sitting day, a sitting booked on Thu 28 Jan: late for ranking, kept as booked, never overdue", () => {
      const result = plan(applicant(zone, "scheduled", "2027-01-28"), calendar, localAt(zone, LAST_DAY, 20));
      const step = result.nextSteps.find((each) => each.milestone === "usmle_step2ck");
      expect(step?.urgency).toBe("urgent");
      expect(result.overdue.map((each) => each.milestone)).not.toContain("usmle_step2ck");
      // Never "too late as booked" while the result may still come in time.
      // No move to the last sitting day on that day itself: kept as booked.
      expect(step?.action).toContain("Sit it as booked on Thu 28 Jan 2027");
      expect(step?.action).toContain("it may still come in time");
      expect(step?.action).not.toContain("has passed");
    });
  },
);

/**
 * OET Medicine in progress with no date is never written off by
 * its 7-day booking allowance alone (as for USMLE). OET sits on fixed dates Matchpath does
 * not have, so the warning says to book the earliest sitting whose result can reach ECFMG by the
 * Pathway's documents deadline (Tue 26 Jan 2027, projected), and names the last sitting day that
 * allows it with the 21-day result allowance (advice): Tue 5 Jan 2027.
 */
describe("OET Medicine in progress, no date (Lagos, Pathway in progress with no date)", () => {
  const input = inputFactory({
    applicant: applicantFactory({ matchYear: 2027, timezone: "Africa/Lagos" }),
    milestones: [
      ...doneMilestones(DONE_TO_NRMP_BUT_OET_AND_PATHWAY, "2026-09-10"),
      milestoneFactory("oet_medicine", "in_progress"),
      milestoneFactory("ecfmg_pathway", "in_progress"),
    ],
  });

  it.each([
    ["3 Jan", "2027-01-03T10:00:00Z"],
    ["5 Jan, the last sitting day", "2027-01-05T10:00:00Z"],
  ])("%s: still in the Match, look for a late seat (critical)", (_name, now) => {
    const result = plan(input, calendar, new Date(now));
    expect(risk(result, "MATCH_YEAR_NOT_FEASIBLE")).toBeUndefined();
    const late = risk(result, "EXAMS_LATE_FOR_RANKING");
    expect(late?.severity).toBe("critical");
    // Past OET's booking allowance for 5 Jan (16 Dec, advice): a late seat, never "today".
    expect(late?.message).toContain(
      "booking for OET Medicine sittings by Tue 5 Jan 2027 (our advice) has probably closed",
    );
    expect(late?.message).toContain("check OET's session calendar now for a late seat by that day");
    expect(late?.message).not.toContain("today");
    const notice = result.reminders.find((each) =>
      each.title.startsWith("Book your OET Medicine sitting now"),
    );
    expect(notice?.deadlineDetail.local).toBe("Tue 5 Jan 2027");
  });

  it("13 Jan, the day after the later candidate's last OET sitting day (Tue 12 Jan 2027): out of reach", () => {
    // Until then the later candidate keeps the Match: ECFMG's dates follow NRMP's.
    const result = plan(input, calendar, new Date("2027-01-13T10:00:00Z"));
    expect(risk(result, "MATCH_YEAR_NOT_FEASIBLE")?.earliestFeasibleMatchYear).toBe(2028);
  });
});
