import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { Visa } from "#domain/snapshot.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

/**
 * An applicant in Nairobi with her 2027 rank order list certified: the visa steps' fees (the J-1
 * sponsorship, SEVIS and visa fees; the H-1B petition and H visa fees; the visa integrity fee and the
 * proclamation's row) are owed only once the Match places her with a program, and an H-1B's only if
 * that program files a petition. Before Match Day is done they are listed apart, in no total, with
 * that condition; once matched they are counted; one paid stays spent.
 */
const calendar = seasonCalendar(2027);
const VISA_FEES: Record<"J-1" | "H-1B", string[]> = {
  "J-1": ["j1_sponsorship", "j1_sevis_i901", "j1_visa_mrv"],
  "H-1B": ["h1b_petition_employer", "h_visa_mrv"],
};
const CONDITION: Record<"J-1" | "H-1B", RegExp> = {
  "J-1":
    /^Once the Match places you with a program \(ECFMG's J-1 application opens only from that program's contract\): owed only then, so not counted in the totals/,
  "H-1B":
    /^If the program your Match places you with files an H-1B petition for you: owed only then, so not counted in the totals/,
};
const amina = (
  visa: Visa,
  matchDay: boolean,
  extra = [milestoneFactory("ecfmg_certification", "done", "2026-05-04")],
) =>
  matched2027("Africa/Nairobi", {
    visa,
    matchDay,
    extra: visa === "H-1B" ? [...extra, milestoneFactory("usmle_step3", "done", "2026-10-05")] : extra,
  });
const lines = (result: Plan, keys: readonly string[]) => ({
  counted: result.budget.items.filter((item) => keys.includes(item.key)),
  apart: (result.budget.toVerify ?? []).filter((item) => keys.includes(item.key)),
});

describe.each(["J-1", "H-1B"] as const)("%s visa fees wait for the Match", (visa) => {
  it("Match Day ahead: listed apart with the condition, in no total", () => {
    const result = plan(amina(visa, false), calendar, new Date("2027-03-05T09:00:00Z"));
    const { counted, apart } = lines(result, VISA_FEES[visa]);
    expect(counted).toEqual([]);
    expect(apart.map((item) => item.key).sort()).toEqual([...VISA_FEES[visa]].sort());
    for (const item of apart) expect(item.verify).toMatch(CONDITION[visa]);
    const integrity = lines(result, ["visa_integrity_fee"]).apart[0];
    expect(integrity?.verify).toMatch(CONDITION[visa]);
    const upcoming = result.budget.items.filter((item) => item.status === "upcoming");
    expect(result.budget.upcomingUsd).toBe(upcoming.reduce((sum, item) => sum + item.amountUsd, 0));
  });

  it("matched: counted as still to pay, without the condition", () => {
    const result = plan(amina(visa, true), calendar, new Date("2027-03-22T09:00:00Z"));
    const { counted, apart } = lines(result, VISA_FEES[visa]);
    expect(apart).toEqual([]);
    expect(counted.map((item) => item.status)).toEqual(VISA_FEES[visa].map(() => "upcoming"));
    expect(lines(result, ["visa_integrity_fee"]).apart[0]?.verify).not.toMatch(CONDITION[visa]);
  });
});

describe("H-1B proclamation row before a match", () => {
  it("says it is owed only if the program files a petition", () => {
    const result = plan(amina("H-1B", false), calendar, new Date("2027-03-05T09:00:00Z"));
    expect(lines(result, ["h1b_proclamation_100k"]).apart[0]?.verify).toMatch(CONDITION["H-1B"]);
  });
});

describe("a J-1 sponsorship paid before Match Day is reported", () => {
  it("stays spent", () => {
    const paid = amina("J-1", false, [
      milestoneFactory("ecfmg_certification", "done", "2026-05-04"),
      milestoneFactory("j1_ecfmg_sponsorship", "done", "2027-03-01"),
    ]);
    const result = plan(paid, calendar, new Date("2027-03-05T09:00:00Z"));
    expect(lines(result, ["j1_sponsorship"]).counted[0]?.status).toBe("spent");
  });
});
