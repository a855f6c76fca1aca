import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { certifiedListWith, milestoneFactory } from "./factories.ts";

/**
 * NRMP keeps an IMG in the Match and SOAP only if
 * ECFMG confirmed the exams by the rank order list deadline, so an applicant who reports Match Week
 * done (matched) has shown that her Step 2 CK result reached ECFMG. Match Day must not stay
 * conditional on that result, and Step 2 CK must not read "overdue: result pending". SOAP tapped
 * "Not for me" from Match Week's Monday counts as being in the Match like Match Week done; it
 * reads "did not match, not in SOAP" (a matched applicant marks Match
 * Week done), so the plan moves to the next Match, still never asking for the Step 2 CK result.
 */

const calendar = seasonCalendar(2027);
const step2Sat = milestoneFactory("usmle_step2ck", "scheduled", "2027-01-08");

const withOpen = (timezone: string, ...open: MilestoneEntry[]) =>
  certifiedListWith(timezone, step2Sat, ...open);

function card(result: Plan, key: string) {
  return result.nextSteps.find((each) => each.milestone === key);
}

describe("Match Week marked done (matched), Step 2 CK result never reported (Kolkata, Wed of Match Week)", () => {
  const result = plan(
    withOpen("Asia/Kolkata", milestoneFactory("match_week", "done", "2027-03-15")),
    calendar,
    new Date("2027-03-17T05:00:00Z"),
  );

  it("Match Day is live and unconditional", () => {
    expect(card(result, "match_day")?.action).toBeDefined();
    expect(card(result, "match_day")?.action).not.toMatch(/^If your USMLE Step 2 CK result/);
  });

  it("Step 2 CK is not overdue or pending: the Match proves ECFMG had the result", () => {
    expect(card(result, "usmle_step2ck")).toBeUndefined();
    expect(result.overdue.map((each) => each.milestone)).not.toContain("usmle_step2ck");
    expect(result.risks.map((risk) => risk.code)).not.toContain("SCHEDULED_DATE_PASSED");
  });
});

describe.each(["Africa/Lagos", "Asia/Karachi", "America/Los_Angeles"])(
  "SOAP 'Not for me' with the Step 2 CK result never reported (%s)",
  (zone) => {
    const input = withOpen(zone, milestoneFactory("soap", "waived"));

    it("from Match Week's Monday it counts as being in the Match: never written off", () => {
      for (const now of ["2027-03-16T12:00:00Z", "2027-03-20T09:00:00Z", "2027-04-10T09:00:00Z"]) {
        const result = plan(input, calendar, new Date(now));
        expect(
          result.risks.map((risk) => risk.code),
          now,
        ).not.toContain("MATCH_YEAR_NOT_FEASIBLE");
        expect(
          result.reminders.filter((each) => each.rung === "match-year-out-of-reach"),
          now,
        ).toEqual([]);
        // Not matched, not in SOAP: the next Match, and the Match proved the result.
        expect(
          result.risks.map((risk) => risk.code),
          now,
        ).toContain("UNMATCHED_NOT_IN_SOAP");
        expect(card(result, "usmle_step2ck"), now).toBeUndefined();
        expect(
          result.risks.map((risk) => risk.code),
          now,
        ).not.toContain("SCHEDULED_DATE_PASSED");
      }
    });
  },
);

describe("before Match Week's Monday, SOAP 'Not for me' proves nothing", () => {
  it("a week before, Match Week stays conditional on the result", () => {
    const result = plan(
      withOpen("Africa/Lagos", milestoneFactory("soap", "waived")),
      calendar,
      new Date("2027-03-08T12:00:00Z"),
    );
    expect(card(result, "match_week")?.action).toMatch(/^If your USMLE Step 2 CK result reached ECFMG/);
  });
});

describe("SOAP 'Not for me' without a certified list proves nothing (an intake may send it for anyone)", () => {
  it("Step 2 CK not sat, no list, SOAP waived: after Match Day the Step 2 CK step is still to do", () => {
    const input = certifiedListWith(
      "Africa/Lagos",
      milestoneFactory("usmle_step2ck", "not_started"),
      milestoneFactory("soap", "waived"),
    );
    const noList = {
      ...input,
      milestones: input.milestones.filter((each) => each.key !== "rank_order_list"),
    };
    const result = plan(noList, calendar, new Date("2027-03-20T09:00:00Z"));
    expect(card(result, "usmle_step2ck")).toBeDefined();
  });
});

describe("a Match reported before ranking opens proves nothing yet (a data slip)", () => {
  it("Match Week done in December 2026 for the 2027 Match: Step 2 CK stays a step to do", () => {
    const result = plan(
      certifiedListWith(
        "Asia/Kolkata",
        milestoneFactory("usmle_step2ck", "not_started"),
        milestoneFactory("match_week", "done", "2026-12-01"),
      ),
      calendar,
      new Date("2026-12-05T10:00:00Z"),
    );
    expect(card(result, "usmle_step2ck")).toBeDefined();
  });
});
