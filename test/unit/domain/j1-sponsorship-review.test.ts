import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { catalogEntry } from "#domain/catalog/index.ts";
import type { Plan } from "#domain/plan.ts";
import { PlanDates } from "#domain/planner/deadlines.ts";
import {
  J1_CONSULAR_ALLOWANCE_DAYS,
  J1_ECFMG_REVIEW_DAYS,
  statementOfNeedDaysAfterMatch,
} from "#domain/planner/j1-allowances.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import {
  type ApplicantSnapshot,
  MATCH_YEARS,
  type MilestoneEntry,
  type MilestoneKey,
} from "#domain/snapshot.ts";
import { localDate } from "#domain/time.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * ECFMG's review of the J-1 sponsorship takes "4 to 6 weeks once every document is in" (its
 * application-process page), yet the sponsorship was dated residency's start less 75 days, 31 days
 * before the DS-2019: at 6 weeks the consular interview kept 19 days of the month the DS-2019's rule
 * promises it. The sponsorship is now the DS-2019's date less 6 weeks, the upper end of ECFMG's
 * figure (the choice our advice), and the Statement of Need stays due with it. A sponsorship done
 * late, whose review may run past the DS-2019's date, is said on the DS-2019's card.
 * Tanvir: Dhaka, J-1, matched on Fri 19 Mar 2027; the sponsorship in progress since 20 Apr.
 */
const DIR = fileURLToPath(new URL("../../fixtures/j1-sponsorship-review/", import.meta.url));
const snapshot = readSnapshot(DIR, "sponsorship-in-progress-dhaka.json");
const DAY = 86_400_000;

/** The due day a PlanDates gives `key` (a whole day: the day its instant ends), as YYYY-MM-DD. */
const dueDayOf = (dates: PlanDates, key: MilestoneKey): string => {
  const due = dates.due(key);
  if (due === null) throw new Error(`${key}: no due date`);
  return localDate(due.zone, due.asDay === true ? due.at - 1 : due.at);
};
const datesOf = (year: number) => new PlanDates(seasonCalendar(year), "Asia/Dhaka", new Map(), null);
const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / DAY;
/** Every Match year a snapshot may target. */
const SUPPORTED_YEARS = Array.from(
  { length: MATCH_YEARS.latest - MATCH_YEARS.earliest + 1 },
  (_, offset) => MATCH_YEARS.earliest + offset,
);

/** The snapshot with the sponsorship (and any other step) recorded as given. */
function withSteps(...entries: MilestoneEntry[]): ApplicantSnapshot {
  const keys = new Set(entries.map((entry) => entry.key));
  return {
    ...snapshot,
    milestones: [...snapshot.milestones.filter((entry) => !keys.has(entry.key)), ...entries],
  };
}
const sponsorshipDone = (date: string): MilestoneEntry => ({
  key: "j1_ecfmg_sponsorship",
  status: "done",
  date,
});
const ds2019Action = (result: Plan): string =>
  result.nextSteps.find((step) => step.milestone === "j1_ds2019")?.action ?? "";

describe("the J-1 sponsorship is dated 6 weeks before the DS-2019: ECFMG's review at its upper end", () => {
  it("the catalog counts it back from the DS-2019, cites ECFMG's figure and labels the choice advice", () => {
    const due = catalogEntry("j1_ecfmg_sponsorship").due;
    expect(due.from === "milestone" ? [due.key, due.offsetDays] : null).toEqual(["j1_ds2019", -42]);
    expect(J1_ECFMG_REVIEW_DAYS).toBe(42);
    expect(due.basis).toBe("advice");
    expect(due.source).toMatch(/^advice: plan for the later end/);
    expect(due.source).toContain("so the consular interview keeps its month");
    expect(due.source).toContain("4–6 weeks");
    expect(due.source).toContain("official, https://ecfmg.org/evsp/application-process.html");
  });

  it("2027: the Statement of Need and the sponsorship Mon 5 Apr (Match Day + 17), the DS-2019 Mon 17 May", () => {
    const dates = datesOf(2027);
    expect(dueDayOf(dates, "j1_ecfmg_sponsorship")).toBe("2027-04-05");
    expect(dueDayOf(dates, "j1_statement_of_need")).toBe("2027-04-05");
    expect(statementOfNeedDaysAfterMatch(dates)).toBe(17);
    expect(dueDayOf(dates, "j1_ds2019")).toBe("2027-05-17");
    expect(dueDayOf(dates, "visa_j1")).toBe("2027-06-16");
    expect(dueDayOf(dates, "contract")).toBe("2027-04-02");
  });

  it("shows the same dates in the plan, the sponsorship's source naming the rule", () => {
    const result = planInOwnMatch(snapshot, "2027-03-20T03:00:00Z");
    const step = [...result.nextSteps, ...result.blocked, ...result.overdue].find(
      (each) => each.milestone === "j1_ecfmg_sponsorship",
    );
    expect(step?.deadline?.day).toBe("2027-04-05");
    expect(step?.deadline?.basis).toBe("advice");
    expect(step?.deadline?.source).toContain("-42 days from the j1_ds2019 due date");
  });

  it.each(SUPPORTED_YEARS)(
    "%i: the review keeps its 6 weeks, the interview its month, and the contract comes on a working day before the sponsorship",
    (year) => {
      const dates = datesOf(year);
      const sponsorship = dueDayOf(dates, "j1_ecfmg_sponsorship");
      const ds2019 = dueDayOf(dates, "j1_ds2019");
      expect(daysBetween(sponsorship, ds2019)).toBe(J1_ECFMG_REVIEW_DAYS);
      expect(daysBetween(ds2019, dueDayOf(dates, "visa_j1"))).toBeGreaterThanOrEqual(
        J1_CONSULAR_ALLOWANCE_DAYS,
      );
      expect(dueDayOf(dates, "j1_statement_of_need")).toBe(sponsorship);
      // ECFMG's application is initiated only once the contract is signed: never the same day.
      expect(dueDayOf(dates, "contract") < sponsorship).toBe(true);
      expect(new Date(sponsorship).getUTCDay()).not.toBe(0);
      expect(new Date(sponsorship).getUTCDay()).not.toBe(6);
    },
  );
});

describe("the contract and the sponsorship never share a day", () => {
  it("2031: the sponsorship rolled back off Sun 6 Apr onto Fri 4 Apr, the contract's day: the contract moves to Thu 3 Apr", () => {
    const dates = datesOf(2031);
    expect(dueDayOf(dates, "j1_ecfmg_sponsorship")).toBe("2031-04-04");
    expect(dueDayOf(dates, "contract")).toBe("2031-04-03");
    const source = dates.due("contract")?.source ?? "";
    expect(source).toContain("moved to the working day before j1_ecfmg_sponsorship's date");
    expect(source).toContain("https://ecfmg.org/evsp/application-process.html");
    expect(dates.due("contract")?.basis).toBe("advice");
  });

  it("2027: three days apart already, the contract keeps Match Day + 14", () => {
    const due = datesOf(2027).due("contract");
    expect(due?.source).not.toContain("moved to the working day before");
  });
});

describe("a sponsorship in progress: its card says by when, and the DS-2019 it feeds", () => {
  const sponsorshipAction = (result: Plan): string =>
    result.nextSteps.find((step) => step.milestone === "j1_ecfmg_sponsorship")?.action ?? "";

  it("under way before its date: finish by Mon 5 Apr, the DS-2019 counted on by Mon 17 May", () => {
    const begun = withSteps(
      { key: "j1_statement_of_need", status: "done", date: "2027-03-29" },
      { key: "j1_ecfmg_sponsorship", status: "in_progress", date: "2027-03-30" },
    );
    const action = sponsorshipAction(planInOwnMatch(begun, "2027-03-31T04:00:00Z"));
    expect(action).toContain("Finish the ECFMG J-1 application in EVNet by Mon 5 Apr 2027 (our advice):");
    expect(action).toContain(
      "This plan counts on your DS-2019 by Mon 17 May 2027 (our advice), 6 weeks after that date, the upper end of ECFMG's review.",
    );
  });

  it("under way a week past its date: as soon as you can, naming the day passed and the DS-2019's day at stake", () => {
    const action = sponsorshipAction(planInOwnMatch(snapshot, "2027-04-12T04:00:00Z"));
    expect(action).toContain(
      "Finish the ECFMG J-1 application in EVNet as soon as you can (Mon 5 Apr 2027, our advice, has passed):",
    );
    expect(action).toContain("Each day still to go can push your DS-2019 past Mon 17 May 2027 (our advice)");
    expect(action).not.toContain("Tue 6 Apr");
  });
});

describe("a sponsorship done late: the DS-2019's card says how long ECFMG's review may run", () => {
  const NOW = "2027-05-01T16:00:00Z"; // Sat 1 May, 10:00 PM in Dhaka

  // Done on 19 Apr, the shorter review still leaves the visa by its date (done on 20 Apr it would not:
  // the last day's verdict speaks then, j1-sponsorship-last-day.ts).
  it("done Mon 19 Apr: the review may run to Mon 31 May, the DS-2019's date now, and what to do", () => {
    const action = ds2019Action(planInOwnMatch(withSteps(sponsorshipDone("2027-04-19")), NOW));
    expect(action).toContain(
      "You completed your J-1 sponsorship application on Mon 19 Apr 2027: ECFMG's review (4 to 6 weeks once every document is in) may run to Mon 31 May 2027, the date this plan now counts on for your DS-2019.",
    );
    expect(action).toContain("Ask your program's liaison to follow it up with ECFMG");
    expect(action).toContain("book the earliest consular appointment");
    expect(action).toContain(
      "is longer than the time left before your visa date, Wed 16 Jun 2027, ask the consulate for an expedited appointment (advice).",
    );
    expect(action).not.toMatch(/\$\d/);
  });

  it("done Tue 6 Apr, a day late: the review may run to Tue 18 May", () => {
    const action = ds2019Action(planInOwnMatch(withSteps(sponsorshipDone("2027-04-06")), NOW));
    expect(action).toContain("may run to Tue 18 May 2027, the date this plan now counts on");
    expect(action).not.toContain("Mon 17 May");
  });

  it("done on its date, Mon 5 Apr, or before: the review ends by the DS-2019's date, nothing added", () => {
    for (const date of ["2027-04-05", "2027-03-31"]) {
      const action = ds2019Action(planInOwnMatch(withSteps(sponsorshipDone(date)), NOW));
      expect(action, date).not.toBe("");
      expect(action, date).not.toContain("may run to");
    }
  });

  it("says nothing once the review's last day has passed, or with the DS-2019 in hand", () => {
    const late = planInOwnMatch(withSteps(sponsorshipDone("2027-04-20")), "2027-06-02T03:00:00Z");
    expect(ds2019Action(late)).not.toContain("may run to");
    const inHand = planInOwnMatch(
      withSteps(sponsorshipDone("2027-04-20"), { key: "j1_ds2019", status: "done", date: "2027-04-30" }),
      NOW,
    );
    expect(inHand.nextSteps.find((step) => step.milestone === "j1_ds2019")).toBeUndefined();
    expect(JSON.stringify(inHand.nextSteps)).not.toContain("may run to");
  });

  it("an application still in progress is no review yet: nothing said on the DS-2019", () => {
    const result = planInOwnMatch(snapshot, NOW);
    expect(result.blocked.find((step) => step.milestone === "j1_ds2019")?.waitingFor).toContain(
      "j1_ecfmg_sponsorship",
    );
    expect(JSON.stringify(result)).not.toContain("may run to");
  });
});
