import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import type { ApplicantSnapshot, MilestoneEntry } from "#domain/snapshot.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * A visa reported done days after Match Day, the steps it needs unreported. On J-1 the plan keeps
 * the visa done, asks which date is right and still chases the chain, so its critical warning must
 * not read as if no visa were reported ("Without your J-1 visa you cannot start"): it says to check
 * that date, and only if the visa is not in hand, no start without it. On H-1B a petition approved
 * or a visa stamped within days of Match Day is checked the same way: the program files only after
 * the contract and the Labor Condition Application, and USCIS acts within 15 business days even
 * with premium processing, so the contract (and the petition, for a stamp) stay asked.
 */
const DIR = fileURLToPath(new URL("../../fixtures/match-week-matched/", import.meta.url));
/** J-1, Accra, Match Week done "matched", certificate and exams done. */
const MATCHED = readSnapshot(DIR, "ama-matched-accra.json");

function withAnswers(
  snapshot: ApplicantSnapshot,
  answers: MilestoneEntry[],
  visa = snapshot.applicant.visa,
  timezone = snapshot.applicant.timezone,
): ApplicantSnapshot {
  const keys = new Set(answers.map((answer) => answer.key));
  return {
    ...snapshot,
    applicant: { ...snapshot.applicant, visa, timezone },
    milestones: [...snapshot.milestones.filter((entry) => !keys.has(entry.key)), ...answers],
  };
}

const asked = (result: Plan) => [
  ...result.nextSteps.map((step) => step.milestone),
  ...result.blocked.map((step) => step.milestone),
];
const riskOf = (result: Plan, code: string) => result.risks.find((risk) => risk.code === code);
const MATCH_DAY: MilestoneEntry = { key: "match_day", status: "done", date: "2027-03-19" };

describe("a J-1 visa reported issued six days after Match Day, the chain before it unreported", () => {
  const early = withAnswers(MATCHED, [MATCH_DAY, { key: "visa_j1", status: "done", date: "2027-03-25" }]);

  // From 20 Apr the visa's date can no longer be met (the file not complete); before it the contract
  // past the sponsorship's day (5 Apr, our back-chain from the visa's date) is a warning.
  it.each(["2027-04-22T16:00:00Z", "2027-05-20T16:00:00Z"])(
    "the critical warning (%s) asks to check the visa's date instead of saying there is no visa",
    (now) => {
      const result = planInOwnMatch(early, now);
      const behind = riskOf(result, "VISA_NOT_READY_FOR_START");
      expect(behind?.severity).toBe("critical");
      expect(behind?.message).not.toContain("Without your J-1 visa you cannot start");
      expect(behind?.message).toContain("You told us your J-1 visa was issued on Thu 25 Mar 2027");
      expect(behind?.message).toContain("If you do not hold the visa yet, you cannot start without it.");
      const notice = result.reminders.find((each) => each.rung === "critical-risk");
      expect(notice?.title).toContain("the date you gave for your visa needs checking");
      expect(riskOf(result, "DONE_DATES_OUT_OF_ORDER")?.milestones).toContain("visa_j1");
    },
  );

  it("a J-1 applicant with no visa reported keeps the plain words (guard)", () => {
    const none = withAnswers(MATCHED, [MATCH_DAY]);
    const behind = riskOf(planInOwnMatch(none, "2027-04-22T16:00:00Z"), "VISA_NOT_READY_FOR_START");
    expect(behind?.message).toContain("Without your J-1 visa you cannot start");
  });
});

describe.each(["Africa/Accra", "Pacific/Auckland", "America/Los_Angeles"])(
  "an H-1B applicant (%s) reporting the petition or the visa days after Match Day",
  (timezone) => {
    const step3: MilestoneEntry = { key: "usmle_step3", status: "done", date: "2026-10-01" };
    // Match Day's results (Fri 19 Mar 2027, 12:00 PM ET) are Saturday's in Auckland.
    const matchDay: MilestoneEntry = {
      ...MATCH_DAY,
      date: timezone === "Pacific/Auckland" ? "2027-03-20" : "2027-03-19",
    };
    const h1b = (answers: MilestoneEntry[]) =>
      withAnswers(MATCHED, [matchDay, step3, ...answers], "H-1B", timezone);

    it.each(["2027-04-15T16:00:00Z", "2027-05-10T16:00:00Z"])(
      "a petition approved on Thu 25 Mar is asked about, the contract still asked (%s)",
      (now) => {
        const result = planInOwnMatch(h1b([{ key: "visa_h1b", status: "done", date: "2027-03-25" }]), now);
        const risk = riskOf(result, "DONE_DATES_OUT_OF_ORDER");
        expect(risk?.milestones).toContain("visa_h1b");
        expect(risk?.message).toContain(
          "Your answers date your H-1B petition's approval Thu 25 Mar 2027, less than three weeks after Match Day's results",
        );
        expect(risk?.message).toContain("15 business days");
        expect(risk?.message).toContain("still asks for your contract");
        expect(risk?.sources?.join(" ")).toContain("20 CFR 655.740(a)");
        expect(asked(result)).toContain("contract");
      },
    );

    it("a visa stamped on Tue 30 Mar is asked about, the contract and the petition still asked", () => {
      const stamped = h1b([{ key: "visa_h1b_stamping", status: "done", date: "2027-03-30" }]);
      const result = planInOwnMatch(stamped, "2027-04-15T16:00:00Z");
      const risk = riskOf(result, "DONE_DATES_OUT_OF_ORDER");
      expect(risk?.milestones).toContain("visa_h1b_stamping");
      expect(risk?.message).toContain("Your answers date your H-1B visa stamp Tue 30 Mar 2027");
      expect(risk?.message).toContain("still asks for your contract and your H-1B petition");
      expect(asked(result)).toEqual(expect.arrayContaining(["contract", "visa_h1b"]));
    });

    it("past the petition's last filing day, a visa stamped on Tue 30 Mar is checked first: no verdict title, in the US as abroad", () => {
      const stamped = h1b([{ key: "visa_h1b_stamping", status: "done", date: "2027-03-30" }]);
      const result = planInOwnMatch(stamped, "2027-05-20T16:00:00Z");
      expect(riskOf(result, "VISA_NOT_READY_FOR_START")?.visaVerdict).toBe("h1b-out-of-reach");
      const notice = result.reminders.find(
        (each) => each.risk === "VISA_NOT_READY_FOR_START" && each.rung === "critical-risk",
      );
      expect(notice?.title).toContain("the date you gave for your visa needs checking");
      expect(notice?.title).not.toContain("H-1B petition");
    });

    it("a petition approved before Match Day's results is asked about in those words, never 'after'", () => {
      const before = h1b([{ key: "visa_h1b", status: "done", date: "2027-03-10" }]);
      const risk = riskOf(planInOwnMatch(before, "2027-04-15T16:00:00Z"), "DONE_DATES_OUT_OF_ORDER");
      expect(risk?.message).toContain(
        "Your answers date your H-1B petition's approval Wed 10 Mar 2027, before Match Day's results",
      );
      expect(risk?.message).not.toContain("less than three weeks after");
    });

    it("a petition approved on Mon 26 Apr, after the time the chain needs, is taken as given (guard)", () => {
      const later = h1b([{ key: "visa_h1b", status: "done", date: "2027-04-26" }]);
      const result = planInOwnMatch(later, "2027-05-10T16:00:00Z");
      expect(riskOf(result, "DONE_DATES_OUT_OF_ORDER")).toBeUndefined();
      expect(asked(result)).not.toContain("contract");
    });
  },
);
