import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

// A matched applicant (start Thu 1 Jul 2027) booked the consular interview after Wed 16 Jun, the day
// this plan needs the visa in hand (advice). On the interview's own day the applicant goes to the
// consulate: that day is ahead all day long, so the critical notice, the card and the risk say the
// interview is today and to keep it. An email headed "Overdue since" that very day, or asking for an
// earlier appointment on it, would contradict the row and the card beside it.

const calendar = seasonCalendar(2027);
const BEFORE_VISA = {
  "J-1": [
    ["contract", "2027-03-26"],
    ["j1_statement_of_need", "2027-03-30"],
    ["j1_ecfmg_sponsorship", "2027-03-31"],
    ["j1_ds2019", "2027-06-01"],
  ],
  "H-1B": [
    ["usmle_step3", "2027-01-20"],
    ["contract", "2027-03-26"],
    ["visa_h1b", "2027-05-20"],
  ],
} as const;
const VISA_STEP = { "J-1": "visa_j1", "H-1B": "visa_h1b_stamping" } as const;

function booked(timezone: string, interview: string, visa: "J-1" | "H-1B") {
  return matched2027(timezone, {
    visa,
    extra: [
      milestoneFactory("ecfmg_certification", "done", "2026-12-01"),
      ...BEFORE_VISA[visa].map(([key, day]) => milestoneFactory(key as never, "done", day)),
      milestoneFactory(VISA_STEP[visa], "scheduled", interview),
    ],
  });
}

// Lagos (UTC+1) half an hour into the interview day and mid-morning; Auckland (UTC+12) on the start
// day itself; Manila's H-1B stamping twelve days after the visa's date (in the start's last week).
const ON_THE_DAY = [
  ["Africa/Lagos", "2027-06-25", "Fri 25 Jun 2027", "J-1", "2027-06-24T23:30:00Z"],
  ["Africa/Lagos", "2027-06-25", "Fri 25 Jun 2027", "J-1", "2027-06-25T09:00:00Z"],
  ["Pacific/Auckland", "2027-07-01", "Thu 1 Jul 2027", "J-1", "2027-06-30T12:30:00Z"],
  ["Asia/Manila", "2027-06-28", "Mon 28 Jun 2027", "H-1B", "2027-06-27T16:30:00Z"],
] as const;

describe("a late-booked visa interview on its own day", () => {
  it.each(ON_THE_DAY)(
    "the critical notice counts down to the interview, never overdue since that day (%s, interview %s: %s)",
    (timezone, interview, day, visa, now) => {
      const result = plan(booked(timezone, interview, visa), calendar, new Date(now));
      const notice = result.reminders.find(
        (each) => each.rung === "critical-risk" && each.milestone === VISA_STEP[visa],
      );
      expect(notice).toBeDefined();
      expect(notice?.overdueSince).toBeUndefined();
      expect(notice?.countsDownTo).toBe("own-date");
      expect(notice?.deadlineDetail.local).toContain(day);
      expect(result.overdue.map((each) => each.milestone)).not.toContain(VISA_STEP[visa]);
    },
  );

  it.each(ON_THE_DAY)(
    "the card and the risk say the interview is today and to keep it (%s, interview %s: %s)",
    (timezone, interview, day, visa, now) => {
      const result = plan(booked(timezone, interview, visa), calendar, new Date(now));
      const card = result.nextSteps.find((step) => step.milestone === VISA_STEP[visa]);
      const risk = result.risks.find((each) => each.code === "VISA_NOT_READY_FOR_START");
      for (const words of [card?.action, risk?.message]) {
        expect(words).toContain(`interview is today, ${day}`);
        expect(words).toContain("Keep your interview today");
        expect(words).toContain("tell us whether the visa was issued");
        expect(words).not.toContain("earlier or expedited appointment");
        expect(words).not.toContain("Global Visa Wait Times");
      }
      expect(risk?.severity).toBe("critical");
    },
  );

  it("the evening before, the booking is still 'booked for' that day and an earlier appointment is asked for", () => {
    const result = plan(
      booked("Africa/Lagos", "2027-06-25", "J-1"),
      calendar,
      new Date("2027-06-24T22:30:00Z"),
    );
    const card = result.nextSteps.find((step) => step.milestone === "visa_j1");
    const risk = result.risks.find((each) => each.code === "VISA_NOT_READY_FOR_START");
    expect(card?.action).toContain("Your J-1 visa interview is on Fri 25 Jun 2027");
    expect(risk?.message).toContain("booked for Fri 25 Jun 2027");
    expect(risk?.message).toContain("earlier or expedited appointment");
  });
});
