import { describe, expect, it } from "vitest";
import type { Reminder } from "#domain/plan.ts";
import type { PlannerInput } from "#domain/planner.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  milestoneFactory,
  openStepsNotStarted,
  PRE_ERAS_KEYS,
  REGISTERED_KEYS,
} from "./factories.ts";

// The season simulation found 362 applicant-days in 1,000 applicants with two emails outside
// interview days: a critical notice found at a season instant in the middle of the day (ERAS's review
// start, 9:00 AM ET) went at once though its date was months away, after that morning's 09:00 email;
// The rule for late arrivals now holds for critical notices: at once only when the next delivery
// slot would pass the date or leave under a day before it.

const calendar = seasonCalendar(2027);
const remindersAt = (input: PlannerInput, now: string, remindersSent?: Record<string, string>) =>
  plan(remindersSent ? { ...input, remindersSent } : input, calendar, new Date(now)).reminders;
const when = (reminders: readonly Reminder[], rung: string, milestone?: string) =>
  reminders
    .filter((each) => each.rung === rung && (milestone === undefined || each.milestone === milestone))
    .map((each) => [each.id, each.sendAt]);

/** Amara (London): everything to ERAS done in June 2026, no ERAS token yet, no NRMP registration. */
const noErasYet = inputFactory({
  applicant: applicantFactory({ matchYear: 2027, timezone: "Europe/London", graduation: "2022-07-01" }),
  milestones: openStepsNotStarted([
    ...doneMilestones(
      PRE_ERAS_KEYS.filter((key) => !["eras_token", "eras_application", "research"].includes(key)),
      "2026-06-20",
    ),
    milestoneFactory("eras_token", "not_started"),
    milestoneFactory("eras_application", "not_started"),
  ]),
});

/** Bola (London): registered with NRMP, her rank order list reported certified on `day`. */
const listCertified = (status: "done" | "not_started", day?: string) =>
  inputFactory({
    applicant: applicantFactory({ matchYear: 2027, timezone: "Europe/London", graduation: "2022-07-01" }),
    milestones: openStepsNotStarted([
      ...doneMilestones(REGISTERED_KEYS, "2026-09-10"),
      milestoneFactory("rank_order_list", status, day),
    ]),
  });

describe("a critical notice whose date is far goes at the next delivery slot", () => {
  // Programs start reviewing on Wed 23 Sep 2026, 9:00 AM ET (2:00 PM in London): ERAS not
  // submitted turns critical then, about the rank order list deadline in February.
  it("found at 2:30 PM in London, it goes at 9:00 AM the next morning, not at once", () => {
    const notices = when(remindersAt(noErasYet, "2026-09-23T13:30:00.000Z"), "critical-risk");
    expect(notices).toHaveLength(1);
    expect(notices[0]?.[1]).toBe("2026-09-24T08:00:00.000Z");
  });

  it("every plan until then, and the wake-up at that slot itself, lays it there under one id", () => {
    const [first] = when(remindersAt(noErasYet, "2026-09-23T13:30:00.000Z"), "critical-risk");
    for (const now of ["2026-09-23T20:00:00.000Z", "2026-09-24T02:00:00.000Z", "2026-09-24T08:00:00.000Z"])
      expect(when(remindersAt(noErasYet, now), "critical-risk")).toEqual([first]);
  });

  it("one the ledger marks sent stays where it went out", () => {
    const [first] = when(remindersAt(noErasYet, "2026-09-23T13:30:00.000Z"), "critical-risk");
    const id = first?.[0] ?? "";
    const sent = { [id]: "2026-09-23T13:30:02.000Z" };
    expect(when(remindersAt(noErasYet, "2026-09-24T08:00:00.000Z", sent), "critical-risk")).toEqual([
      [id, "2026-09-23T13:30:02.000Z"],
    ]);
  });

  it("a rank list certified before ranking opens, told two days before the deadline: at the next slot, with that slot's email", () => {
    const reminders = remindersAt(listCertified("done", "2027-01-10"), "2027-02-22T13:00:00.000Z");
    // The deadline is Thu 25 Feb 2027, 2:00 AM in London: Tuesday's 9:00 AM leaves 41 hours.
    expect(when(reminders, "critical-risk").map(([, at]) => at)).toEqual(["2027-02-23T09:00:00.000Z"]);
  });
});

describe("a critical notice whose date comes before the next slot (or within a day of it) still goes at once", () => {
  it("the rank list's notice on the deadline's eve in London (9:00 PM ET is 2:00 AM there) goes now", () => {
    const reminders = remindersAt(listCertified("done", "2027-01-10"), "2027-02-24T13:00:00.000Z");
    expect(when(reminders, "critical-risk").map(([, at]) => at)).toEqual(["2027-02-24T13:00:00.000Z"]);
  });
});

describe("a critical notice found in quiet hours that end after its date", () => {
  // The deadline is Thu 25 Feb 2027, 2:00 AM in London; quiet hours run 21:00 to 08:00.
  it("goes now, at night, rather than be lost (the list's notice at 00:30 London, deadline at 2:00)", () => {
    const reminders = remindersAt(listCertified("done", "2027-01-10"), "2027-02-25T00:30:00.000Z");
    expect(when(reminders, "critical-risk").map(([, at]) => at)).toEqual(["2027-02-25T00:30:00.000Z"]);
  });

  it("goes now when their end would leave under 12 hours before it (found at 22:00 the evening before)", () => {
    const reminders = remindersAt(listCertified("done", "2027-01-10"), "2027-02-24T22:00:00.000Z");
    expect(when(reminders, "critical-risk").map(([, at]) => at)).toEqual(["2027-02-24T22:00:00.000Z"]);
  });
});
