import { describe, expect, it } from "vitest";
import { riskForAdvisor } from "#domain/console/advisor-voice.ts";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { startOfLocalDate } from "#domain/time.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

// A matched J-1 applicant, 2027 Match: residency starts Thu 1 Jul 2027, the plan's visa date is Wed
// 16 Jun (the visa in hand two weeks before the start, our advice), the DS-2019's day Mon 17 May.
// An interview booked after the visa's date was the critical "tell your program's GME office now
// that your start may be delayed" on any day, a false alarm for 17-23 Jun (the visa is issued
// within days; a week or more is left before orientation); silence there was wrong too. One line
// judges the booking and a DS-2019 received late: before the start's last week a warning, in it
// (or on and after the start) critical, however late the DS-2019 came (the risk to the start is the
// interview's day).

const calendar = seasonCalendar(2027);
const ZONES = ["Africa/Lagos", "Asia/Karachi", "Pacific/Honolulu", "Pacific/Auckland"] as const;
const CRITICAL = "VISA_NOT_READY_FOR_START";
const WARNING = "VISA_INTERVIEW_AFTER_VISA_DATE";

function matched(zone: string, ds2019: MilestoneEntry, interview?: string) {
  return matched2027(zone, {
    extra: [
      milestoneFactory("ecfmg_certification", "done", "2026-12-01"),
      milestoneFactory("contract", "done", "2027-03-30"),
      milestoneFactory("j1_statement_of_need", "done", "2027-04-02"),
      milestoneFactory("j1_ecfmg_sponsorship", "done", "2027-04-05"),
      ds2019,
      ...(interview === undefined ? [] : [milestoneFactory("visa_j1", "scheduled", interview)]),
    ],
  });
}
/** 10:00 on `day` where the applicant is. */
const morning = (zone: string, day: string) => new Date(startOfLocalDate(zone, day) + 10 * 3_600_000);
const riskOf = (result: Plan, code: string) => result.risks.find((risk) => risk.code === code);
const visaCard = (result: Plan) =>
  result.nextSteps.find((step) => step.milestone === "visa_j1")?.action ?? "";
/** What the advisor console says of a risk, before its quote of the applicant's words. */
const advisorSays = (risk: Plan["risks"][number]) =>
  riskForAdvisor(risk, { fullName: "Ada Obi", matchYear: 2027, visa: "J-1" }).split(" What Ada Obi")[0];
const days = (from: number, to: number, month: string) =>
  Array.from(
    { length: to - from + 1 },
    (_, index) => `2027-${month}-${String(from + index).padStart(2, "0")}`,
  );

describe.each(ZONES)(
  "an interview booked on each day from the visa's date -1 to the start +1, in %s",
  (zone) => {
    const booked = (day: string) =>
      plan(
        matched(zone, milestoneFactory("j1_ds2019", "done", "2027-05-10"), day),
        calendar,
        morning(zone, "2027-06-01"),
      );

    it.each(days(15, 16, "06"))("%s, on or before the visa's date: no visa risk", (day) => {
      const result = booked(day);
      expect(riskOf(result, CRITICAL)).toBeUndefined();
      expect(riskOf(result, WARNING)).toBeUndefined();
    });

    it.each(days(17, 23, "06"))(
      "%s, before the start's last week: a warning, what to do, no critical ladder",
      (day) => {
        const result = booked(day);
        expect(riskOf(result, CRITICAL)).toBeUndefined();
        const warning = riskOf(result, WARNING);
        expect(warning?.severity).toBe("warning");
        expect(warning?.message).toContain("after Wed 16 Jun 2027 (our advice)");
        expect(warning?.message).toContain(
          "ask the consulate for an earlier slot through its appointment system",
        );
        expect(warning?.message).toContain("have your DS-2019 and the SEVIS I-901 fee receipt ready");
        expect(warning?.message).toContain("tell your program's GME office the day of your interview");
        expect(warning?.message).not.toContain("may be delayed");
        const card = visaCard(result);
        expect(card).toContain("ask the consulate for an earlier slot");
        expect(card).not.toContain("may not be in hand");
        expect(card).not.toContain("Less time is left");
        const visa = result.reminders.filter((reminder) => reminder.milestone === "visa_j1");
        expect(visa.filter((reminder) => reminder.risk === WARNING)).toHaveLength(1);
        expect(visa.some((reminder) => reminder.rung === "critical-risk")).toBe(false);
      },
    );

    it.each(days(24, 30, "06"))("%s, in the start's last week: critical, as before", (day) => {
      const result = booked(day);
      expect(riskOf(result, WARNING)).toBeUndefined();
      const critical = riskOf(result, CRITICAL);
      expect(critical?.severity).toBe("critical");
      const left = 31 - Number(day.slice(8));
      expect(critical?.message).toContain(
        `only ${left} ${left === 1 ? "day" : "days"} before residency starts`,
      );
      expect(critical?.message).toContain(
        "tell your program's GME office now that your start may be delayed",
      );
    });

    it.each(days(1, 2, "07"))("%s, on or after the start: critical, as before", (day) => {
      const critical = riskOf(booked(day), CRITICAL);
      expect(critical?.severity).toBe("critical");
      expect(critical?.message).toContain("on or after the day residency starts");
    });

    it("on the band's last day after the visa's date has passed, still the warning, the step not late", () => {
      const result = plan(
        matched(zone, milestoneFactory("j1_ds2019", "done", "2027-05-10"), "2027-06-23"),
        calendar,
        morning(zone, "2027-06-20"),
      );
      expect(riskOf(result, CRITICAL)).toBeUndefined();
      expect(riskOf(result, WARNING)?.severity).toBe("warning");
      expect(result.overdue).toEqual([]);
    });
  },
);

describe("a DS-2019 received late, then the interview booked on its own day: the interview's day decides", () => {
  describe.each(["Africa/Lagos", "Asia/Kolkata", "Pacific/Auckland", "Pacific/Honolulu"])("in %s", (zone) => {
    const received = (day: string, interview?: string) =>
      plan(
        matched(zone, milestoneFactory("j1_ds2019", "done", day), interview),
        calendar,
        morning(zone, day),
      );

    it("received Tue 18 May (nothing said), booked Thu 17 Jun: a warning, never critical", () => {
      expect(
        received("2027-05-18").risks.filter(
          (risk) => risk.code.includes("VISA") || risk.code.includes("DS2019"),
        ),
      ).toEqual([]);
      const booked = received("2027-05-18", "2027-06-17");
      expect(riskOf(booked, CRITICAL)).toBeUndefined();
      expect(riskOf(booked, WARNING)?.severity).toBe("warning");
    });

    // The booking the late DS-2019's month implies is in the start's last week all the same: a visa
    // issued after it, then the trip, cannot be promised for the start, so the program must hear now.
    it.each([
      ["2027-05-25", "2027-06-24", 7],
      ["2027-05-28", "2027-06-27", 4],
      ["2027-05-31", "2027-06-30", 1],
      ["2027-05-25", "2027-06-25", 6],
    ])(
      "received %s (DS2019_RECEIVED_LATE, a warning), booked %s in the start's last week: critical on the risk, the card and the advisor's voice",
      (day, interview, left) => {
        expect(riskOf(received(day), "DS2019_RECEIVED_LATE")?.severity).toBe("warning");
        const booked = received(day, interview);
        expect(riskOf(booked, WARNING)).toBeUndefined();
        const critical = riskOf(booked, CRITICAL);
        expect(critical?.severity).toBe("critical");
        expect(critical?.message).toContain(
          `only ${left} ${left === 1 ? "day" : "days"} before residency starts`,
        );
        expect(critical?.message).toContain(
          "tell your program's GME office now that your start may be delayed",
        );
        expect(critical?.message).not.toContain("can still hold");
        const card = visaCard(booked);
        expect(card).toContain("As booked, your visa may not be in hand by residency's start");
        expect(card).not.toContain("can still hold");
        const advisor = advisorSays(critical as Plan["risks"][number]);
        expect(advisor).not.toContain("can still hold");
        // The same interview day is judged alike with the DS-2019 on time.
        const onTime = plan(
          matched(zone, milestoneFactory("j1_ds2019", "done", "2027-05-10"), interview),
          calendar,
          morning(zone, day),
        );
        expect(riskOf(onTime, CRITICAL)?.severity).toBe("critical");
      },
    );

    it("a later DS-2019 is never calmer: received Mon 24 May or Tue 25 May, booked Thu 24 Jun, both critical", () => {
      for (const day of ["2027-05-24", "2027-05-25"]) {
        const booked = plan(
          matched(zone, milestoneFactory("j1_ds2019", "done", day), "2027-06-24"),
          calendar,
          morning(zone, "2027-06-01"),
        );
        expect(riskOf(booked, CRITICAL)?.severity).toBe("critical");
        expect(riskOf(booked, WARNING)).toBeUndefined();
      }
    });
  });
});

describe("a DS-2019 still awaited with the J-1 interview booked", () => {
  describe.each(ZONES)("in %s", (zone) => {
    const awaited = (interview: string, now: Date) =>
      plan(matched(zone, milestoneFactory("j1_ds2019", "in_progress"), interview), calendar, now);
    const daysBefore = (interview: string, daysAhead: number) =>
      new Date(morning(zone, interview).getTime() - daysAhead * 86_400_000);

    // Thu 20 May: three days after our own day for the DS-2019 (Mon 17 May), where the half-allowance
    // rule would wait to about 1 Jun; Thu 10 Jun: past that rule already (critical from it, kept).
    it.each([
      ["2027-05-20", "Thu 20 May 2027", 7],
      ["2027-05-20", "Thu 20 May 2027", 3],
      ["2027-05-20", "Thu 20 May 2027", 1],
      ["2027-06-10", "Thu 10 Jun 2027", 7],
      ["2027-06-10", "Thu 10 Jun 2027", 3],
      ["2027-06-10", "Thu 10 Jun 2027", 1],
    ] as const)(
      "interview %s, %i day(s) ahead: critical, naming the interview",
      (interview, named, daysAhead) => {
        const critical = riskOf(awaited(interview, daysBefore(interview, daysAhead)), CRITICAL);
        expect(critical?.severity).toBe("critical");
        expect(critical?.message).toContain(`Your J-1 visa interview is booked for ${named}`);
        expect(critical?.message).toContain("the consulate needs your DS-2019 there");
        expect(critical?.message).toContain("Ask your program's J-1 liaison today to send it by courier");
        // A week before, the day it must reach her is today; after it, a day passed.
        expect(critical?.message).toContain(
          daysAhead === 7 ? "it must reach you by about" : "it should have reached you by",
        );
      },
    );

    it("never calmer the day before the interview than a week before", () => {
      const rank = (result: Plan) =>
        riskOf(result, CRITICAL) ? 2 : result.risks.some((risk) => risk.code === "VISA_STEP_LATE") ? 1 : 0;
      for (const interview of ["2027-05-20", "2027-05-12", "2027-06-10"]) {
        const weekBefore = rank(awaited(interview, daysBefore(interview, 7)));
        const dayBefore = rank(awaited(interview, daysBefore(interview, 1)));
        expect(dayBefore).toBeGreaterThanOrEqual(weekBefore);
        expect(dayBefore).toBe(2);
      }
    });
  });
});

describe("an interview in the band with the DS-2019 still awaited", () => {
  describe.each(ZONES)("in %s", (zone) => {
    const awaited = (now: Date) =>
      plan(matched(zone, milestoneFactory("j1_ds2019", "in_progress"), "2027-06-20"), calendar, now);

    // The critical asks to courier the DS-2019 or move the interview: the band's card and warning must
    // not tell her, the same morning, to keep the interview and bring a DS-2019 she does not have.
    it.each([
      ["the day before", "2027-06-19"],
      ["the interview's own day", "2027-06-20"],
    ])("%s: card and warning say the DS-2019 comes first, never 'bring your DS-2019'", (_, day) => {
      const result = awaited(morning(zone, day));
      expect(riskOf(result, CRITICAL)?.message).toContain("the consulate needs your DS-2019 there");
      for (const words of [visaCard(result), riskOf(result, WARNING)?.message ?? ""]) {
        expect(words).not.toContain("bring your DS-2019");
        expect(words).not.toContain("have your DS-2019");
        expect(words).toContain("Your DS-2019 is not marked received yet");
      }
    });
  });
});
