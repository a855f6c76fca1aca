import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { reminderDateLabel, reminderShownDate } from "#domain/date-words.ts";
import type { Deadline, NextStep, Plan, Reminder } from "#domain/plan.ts";
import { cardLaidDate } from "#domain/planner/critical-notice-carrier-date.ts";
import type { DueDate } from "#domain/planner/deadlines.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { ApplicantSnapshotSchema } from "#domain/snapshot.ts";

// A critical or warning notice riding a step's card shows that card's date ("overdue since" it once
// passed), whatever season date its risk is laid against; the risk's own date stays in its words and
// still sets when the notice stops being sent (deadlineDetail). One step never shows two dates.

function planned(file: string, now: string): Plan {
  const url = new URL(`../../fixtures/notice-card-date/${file}`, import.meta.url);
  const snapshot = ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(url, "utf8")));
  return plan(snapshot, seasonCalendar(2027), new Date(now));
}

function noticeAndCard(result: Plan, code: string): { notice?: Reminder; card?: NextStep } {
  const notice = result.reminders.find((each) => each.risk === code);
  const card = result.nextSteps.find((step) => step.milestone === notice?.milestone);
  return { notice, card };
}

describe("a notice shows the date of the card it rides on", () => {
  it("Dhaka, J-1, 19 Apr 2027: VISA_STEP_LATE on the Statement of Need is behind our plan since its card's day, not due the visa's", () => {
    const result = planned("j1-dhaka-statement-of-need-overdue.json", "2027-04-19T09:00:00+06:00");
    const { notice, card } = noticeAndCard(result, "VISA_STEP_LATE");
    expect(notice?.milestone).toBe("j1_statement_of_need");
    expect(card?.deadline?.local).toBe("Mon 5 Apr 2027");
    expect(notice && reminderShownDate(notice)).toEqual(card?.deadline);
    expect(notice && reminderDateLabel(notice).label).toBe("Behind our plan since");
    // The visa's date stays the notice's own: it stops being sent then.
    expect(notice?.deadlineDetail.local).toBe("Wed 16 Jun 2027");
  });

  it("Lisbon, no list reported, Tue of Match Week: RANK_LIST_UNREPORTED on Match Week shows SOAP's end, the card's date, not Match Day", () => {
    const result = planned("lisbon-no-list-match-week.json", "2027-03-16T09:00:00Z");
    const { notice, card } = noticeAndCard(result, "RANK_LIST_UNREPORTED");
    expect(notice?.milestone).toBe("match_week");
    expect(notice && reminderShownDate(notice)).toEqual(card?.deadline);
    expect(Date.parse(card?.deadline?.at ?? "")).toBeLessThan(Date.parse(notice?.deadlineDetail.at ?? ""));
  });

  it("Jakarta, Pathway undated, rank list eve: the Pathway's critical notice is overdue since its card's deadline, not due the rank list's", () => {
    const result = planned("jakarta-pathway-overdue-rol-eve.json", "2027-02-23T20:00:00+07:00");
    const { notice, card } = noticeAndCard(result, "EXAMS_LATE_FOR_RANKING");
    expect(notice?.milestone).toBe("ecfmg_pathway");
    expect(card?.deadline?.local).toBe("Sun 27 Dec 2026, 6:00 AM GMT+7");
    expect(notice?.overdueSince).toEqual(card?.deadline);
    expect(notice && reminderDateLabel(notice).label).toBe("Overdue since");
  });
});

describe("cardLaidDate", () => {
  const deadline = (at: string): Deadline =>
    ({ at, local: at, et: at, status: "projected", basis: "advice", source: "test" }) as Deadline;
  const step = (at: string) => ({ milestone: "contract", deadline: deadline(at) }) as unknown as NextStep;
  const due = (at: string): DueDate => ({
    at: Date.parse(at),
    zone: "UTC",
    status: "projected",
    basis: "advice",
    source: "test",
  });
  const now = Date.parse("2027-05-01T00:00:00Z");

  it("a card due before the risk's day: its date while ahead, overdue since it once passed", () => {
    expect(cardLaidDate(step("2027-05-10T00:00:00.000Z"), now, due("2027-06-16T00:00:00Z"))).toEqual({
      stepDate: deadline("2027-05-10T00:00:00.000Z"),
    });
    expect(cardLaidDate(step("2027-04-05T00:00:00.000Z"), now, due("2027-06-16T00:00:00Z"))).toEqual({
      overdueSince: deadline("2027-04-05T00:00:00.000Z"),
    });
  });

  it("a card due after the risk's day, or on it, keeps the risk's day: a last day to act by never reads later", () => {
    expect(cardLaidDate(step("2027-08-25T00:00:00.000Z"), now, due("2027-06-07T00:00:00Z"))).toBeUndefined();
    expect(cardLaidDate(step("2027-06-07T00:00:00.000Z"), now, due("2027-06-07T00:00:00Z"))).toBeUndefined();
  });

  it("a waiting step has no date of its own", () => {
    expect(
      cardLaidDate({ milestone: "contract", waiting: "x" }, now, due("2027-06-16T00:00:00Z")),
    ).toBeUndefined();
  });
});
