import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { instantWords } from "#domain/planner/date-math.ts";
import { endsLocalDay } from "#domain/planner/day-words.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { localDate, renderDate, startOfLocalDate } from "#domain/time.ts";
import {
  SEASON_2027 as calendar,
  PATHWAY_DUE_2027 as due,
  HOUR,
  lastDayApplicant,
  oetPreparing,
} from "./last-day-applicant.ts";

/**
 * On the last day of the 2027 Match (the projected Pathway deadline, Sat 26 Dec 2026, then
 * 9:00 PM ET, now ECFMG's 6:00 PM ET), Los Angeles and New York read "act by Sat 26 Dec 2026" up to
 * the last minute, with no hour (3:00 PM in Los Angeles), while Auckland and Kolkata got the hour. Rule: when a deadline
 * falls on the applicant's local today or within the next 24 hours, every zone gets "today, by
 * <local time> (<ET time>)"; EXAMS_LATE_FOR_RANKING likewise.
 */

function risk(result: Plan, code: string): string {
  return result.risks.find((found) => found.code === code)?.message ?? "";
}

describe("the last day names its hour in every zone", () => {
  it("Los Angeles at noon on Sat 26 Dec: today, by 3:00 PM PST", () => {
    const result = plan(oetPreparing("America/Los_Angeles"), calendar, new Date("2026-12-26T20:00:00Z"));
    const today = "today, by Sat 26 Dec 2026, 3:00 PM PST (Sat 26 Dec 2026, 6:00 PM ET)";
    expect(risk(result, "MATCH_YEAR_LAST_DAY")).toContain(
      `still within reach if you act ${today} (projected):`,
    );
    expect(risk(result, "MATCH_YEAR_LAST_DAY")).not.toContain("by Sat 26 Dec 2026 ");
    // The Pathway deadline is projected, and says so.
    expect(risk(result, "EXAMS_LATE_FOR_RANKING")).toContain(`submit it now, ${today} (projected),`);
  });

  // UTC−10 to UTC+14, each half hour through the last 48 hours before the deadline.
  describe.each([
    "Pacific/Honolulu",
    "America/Los_Angeles",
    "America/New_York",
    "America/Sao_Paulo",
    "Africa/Lagos",
    "Asia/Kolkata",
    "Asia/Tokyo",
    "Pacific/Auckland",
    "Pacific/Kiritimati",
  ])("%s", (zone) => {
    const input = oetPreparing(zone);
    // The deadline's instant in both zones, as an end: at Lagos's midnight (6:00 PM ET) it closes
    // Saturday, "Sat 26 Dec 2026, end of the day (midnight GMT+1)", and before its last 24 hours it is that day alone.
    const words = instantWords(zone, due, false);
    const hour = `by ${words.local} (${words.et})`;
    const before = endsLocalDay(zone, due) ? `by ${renderDate(localDate(zone, due - 1))}` : hour;
    // Before 09:00 local the deadline's day leaves nothing usable: "tonight" the day before
    // (Karachi's 4:00 AM, Kolkata's 4:30 AM, Lagos's midnight).
    const smallHours = due - startOfLocalDate(zone, localDate(zone, due)) < 9 * HOUR;
    it("within 24 hours or on the local day of the deadline the risks say its hour, 'today' only on its local day and 'tomorrow' on the day before, 'tonight' if it falls before 09:00; before that, its instant", () => {
      for (let now = due - 48 * HOUR; now <= due; now += HOUR / 2) {
        const result = plan(input, calendar, new Date(now));
        const lastDay = risk(result, "MATCH_YEAR_LAST_DAY");
        const late = risk(result, "EXAMS_LATE_FOR_RANKING");
        const at = new Date(now).toISOString();
        const today = localDate(zone, now);
        expect(lastDay, at).toContain("within reach if you act ");
        if (due - now <= 24 * HOUR || today === localDate(zone, due)) {
          const word =
            today === localDate(zone, due)
              ? "today, "
              : nextDay(zone, now) === localDate(zone, due)
                ? smallHours
                  ? "tonight, "
                  : "tomorrow, "
                : "";
          expect(lastDay, at).toContain(`if you act ${word}${hour} (projected):`);
          if (late !== "") expect(late, at).toContain(`${word}${hour}`);
          if (word !== "today, ")
            expect(`${lastDay}\n${late}`, at).not.toMatch(/\btoday, by|application today/);
        } else {
          // Before that, the instant with its hour and no day word: a day alone read as all of it.
          expect(lastDay, at).toContain(`if you act ${before} (projected):`);
          expect(`${lastDay}\n${late}`, at).not.toContain("today");
        }
      }
    });
  });
});

/** The applicant's local date a calendar day after now's. */
function nextDay(zone: string, now: number): string {
  const [year, month, day] = localDate(zone, now).split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}

/**
 * A Pathway recorded in progress with the date Sun 20 Dec 2026 (submitted then, six
 * days before its projected deadline) was told "submit your ECFMG Pathway application at once (its
 * projected deadline … has passed …)". A Pathway dated on or before its deadline is submitted: only
 * what is still to do is named, and "act by" is the earliest of the named actions' days.
 */
function pathwayDated(
  timezone: string,
  oet: string,
  pathway: PlannerInput["milestones"][number],
): PlannerInput {
  return lastDayApplicant(timezone, { key: "oet_medicine", status: "scheduled", date: oet }, pathway);
}

const SUBMITTED_20_DEC = { key: "ecfmg_pathway", status: "in_progress", date: "2026-12-20" } as const;

describe("a Pathway already submitted is never an action of the last day", () => {
  it.each(["America/Los_Angeles", "Asia/Kolkata", "Pacific/Auckland"])(
    "%s, OET on 12 Jan, on 28 Dec: only the OET sitting is named",
    (zone) => {
      const result = plan(
        pathwayDated(zone, "2027-01-12", SUBMITTED_20_DEC),
        calendar,
        new Date("2026-12-28T04:00:00Z"),
      );
      // Booked between the two candidates' last days (Tue 5 and Tue 12 Jan), one risk says the fact
      // with both sides: MATCH_YEAR_LAST_DAY is folded into the exam's risk.
      expect(risk(result, "MATCH_YEAR_LAST_DAY")).toBe("");
      const said = risk(result, "EXAMS_LATE_FOR_RANKING");
      expect(said).toContain("try to move it to Tue 5 Jan 2027 (our advice) or earlier");
      expect(said).toContain("a sitting by Tue 12 Jan 2027 (our advice) still counts");
      expect(said).not.toContain("submit your ECFMG Pathway application");
      expect(said).not.toContain("has passed");
    },
  );

  it.each(["America/Los_Angeles", "Pacific/Auckland"])(
    "%s, OET on 5 Jan, before and after the Pathway deadline: no action is named, no two last days",
    (zone) => {
      for (const now of ["2026-12-26T21:00:00Z", "2026-12-28T04:00:00Z"]) {
        const said = risk(
          plan(pathwayDated(zone, "2027-01-05", SUBMITTED_20_DEC), calendar, new Date(now)),
          "MATCH_YEAR_LAST_DAY",
        );
        // An OET booked by its last sitting day beside a Pathway submitted in time has no last day to
        // warn of (a sitting in time is asked about, never written off); none names an action.
        expect(said, now).not.toContain("submit your ECFMG Pathway application");
        expect(said, now).not.toContain("act by");
      }
    },
  );

  it("a Pathway in progress with no date, due before the last day: 'act' by the Pathway's deadline, the earliest named", () => {
    const result = plan(
      pathwayDated("Asia/Kolkata", "2027-01-12", { key: "ecfmg_pathway", status: "in_progress" }),
      calendar,
      new Date("2026-12-26T21:00:00Z"),
    );
    const said = risk(result, "MATCH_YEAR_LAST_DAY");
    expect(said).toContain(
      // The OET booked after its last day, its booking day gone: a late seat (as for one not booked).
      "if you act today, by Sun 27 Dec 2026, 4:30 AM GMT+5:30 (Sat 26 Dec 2026, 6:00 PM ET) (projected): check OET's session calendar now for a late OET Medicine seat (booking usually closes about 20 days ahead, advice) and sit it by Tue 5 Jan 2027 (our advice) and submit your ECFMG Pathway application today (its deadline is projected);",
    );
  });
});

/**
 * The OET result date of one sitting differed by zone ("around Mon 1 Feb 2027" in
 * Kolkata, "Tue 2 Feb 2027" in Los Angeles for 12 Jan + 21 days), and an out-of-reach text read
 * "around Tue 26 Jan 2027, after the deadline … Tue 26 Jan 2027". One day rule in every zone, and
 * "after" never between equal days.
 */
describe("result days read alike in every zone, and 'after' never between equal days", () => {
  it.each(["America/Los_Angeles", "America/New_York", "Asia/Kolkata", "Pacific/Auckland"])(
    "%s: a 12 Jan OET sitting is reported around Tue 2 Feb 2027",
    (zone) => {
      const result = plan(
        pathwayDated(zone, "2027-01-12", SUBMITTED_20_DEC),
        calendar,
        new Date("2026-12-28T04:00:00Z"),
      );
      expect(risk(result, "EXAMS_LATE_FOR_RANKING")).toContain(
        // Booked between the two candidates' last days, it says both sides.
        "Your OET Medicine on Tue 12 Jan 2027 would be reported around Tue 2 Feb 2027 by our cautious allowance.",
      );
    },
  );

  it.each(["America/Los_Angeles", "Asia/Kolkata", "Pacific/Auckland"])(
    "%s: out of reach on the documents deadline, the result and the deadline are never the same bare day",
    (zone) => {
      let checked = 0;
      // Around the later candidate's last OET sitting day, Tue 12 Jan 2027 (ECFMG's deadlines follow
      // NRMP's), each two hours, for a sitting booked 13 or 14 Jan: a sitting by 12 Jan (13 Jan
      // east of ET) fits the later candidate's documents deadline; the write-off's cause varies by zone.
      for (const booked of ["2027-01-13", "2027-01-14"])
        for (
          let at = Date.parse("2027-01-10T00:00:00Z");
          at < Date.parse("2027-01-16T00:00:00Z");
          at += 2 * HOUR
        ) {
          const now = `${booked} ${new Date(at).toISOString()}`;
          const said = risk(
            plan(pathwayDated(zone, booked, SUBMITTED_20_DEC), calendar, new Date(at)),
            "MATCH_YEAR_NOT_FEASIBLE",
          );
          const days =
            /only around (.+?), after the deadline for a Pathway application's supporting documents, (.+?) \(projected\)/.exec(
              said,
            );
          // Past the later candidate's own last sitting day the write-off names that day beside the
          // projected one: the same two conventions apply to that pair.
          const passed =
            /has passed on either date: (.+?) \(our advice\) and, were NRMP's 2027 deadline later than projected \(.+?\), (.+?): /.exec(
              said,
            );
          if (days === null && passed === null) continue;
          checked++;
          if (days === null) {
            expect(passed?.[1], now).not.toBe(passed?.[2]);
            expect(/\d:\d\d [AP]M/.test(passed?.[1] ?? ""), now).toBe(
              /\d:\d\d [AP]M/.test(passed?.[2] ?? ""),
            );
            continue;
          }
          expect(days[1], now).not.toBe(days[2]);
          // A bare day beside a bare day, or an hour beside an hour: one convention in the sentence.
          expect(/\d:\d\d [AP]M/.test(days[1] ?? ""), now).toBe(/\d:\d\d [AP]M/.test(days[2] ?? ""));
        }
      expect(checked).toBeGreaterThan(0);
    },
  );
});

describe("the plan is re-run when its words turn to the hour", () => {
  it("a plan two days before the deadline lists the instant 24 hours before it", () => {
    const result = plan(oetPreparing("America/Los_Angeles"), calendar, new Date(due - 48 * HOUR));
    expect(result.riskChangesAt).toContain(new Date(due - 24 * HOUR).toISOString());
  });
});
