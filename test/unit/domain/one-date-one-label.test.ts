import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { basisMark } from "#domain/date-basis.ts";
import type { Plan, Reminder } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * Replayed on the reported applicants at the instants named. A date's label follows who sets it
 * (dateBasis), one rule for every text: the J-1 chain after the Match is our advice counted from a
 * projected date, never "(projected)", while NRMP's projected rank order list deadline stays
 * "projected". Residency's start is NRMP's rule (July 1 of the Match year, the fact sheet's
 * official row), not a projection. A matched J-1 applicant's certificate question is due on the
 * sponsorship date its card names, with the J-1 item's label. The certificate question is not
 * asked twice within a week.
 */
const DIR = fileURLToPath(new URL("../../fixtures/advisor-review-2027/", import.meta.url));
const planOf = (file: string, now: string): Plan => planInOwnMatch(readSnapshot(DIR, file), now);
const stepOf = (result: Plan, key: string) => result.nextSteps.find((step) => step.milestone === key);
const questions = (result: Plan): Reminder[] =>
  result.reminders.filter(
    (each) => each.milestone === "ecfmg_certification" && each.rung === "certificate-asked",
  );

describe("basisMark: the label of a date, by who sets it", () => {
  it.each([
    [{ status: "projected", basis: "advice" }, " (our advice)", ", our advice"],
    [{ status: "advice", basis: "advice" }, " (our advice)", ", our advice"],
    [{ status: "projected", basis: "projected" }, " (projected)", ", projected"],
    [{ status: "projected" }, " (projected)", ", projected"],
    [{ status: "confirmed", basis: "confirmed" }, "", ""],
    [{ status: "applicant", basis: "applicant" }, "", ""],
  ] as const)("%o reads %j", (date, paren, comma) => {
    expect(basisMark(date)).toBe(paren);
    expect(basisMark(date, "comma")).toBe(comma);
  });
});

describe("the J-1 chain after the Match is our advice, in the card as in the CLI and the Due line", () => {
  const result = planOf("matched-j1-nothing-done-cairo.json", "2027-05-20T09:00:00+03:00");

  it("names the sponsorship, the DS-2019 and the visa dates as our advice, never projected", () => {
    const action = stepOf(result, "ecfmg_certification")?.action ?? "";
    expect(action).toContain("the sponsorship application was due Mon 5 Apr 2027 (our advice)");
    expect(action).toContain("Your DS-2019 (planned for Mon 17 May 2027, our advice)");
    expect(action).toContain("your J-1 visa (planned for Wed 16 Jun 2027, our advice)");
    expect(action).not.toContain("projected");
  });

  it("says residency starts on NRMP's start date, not a projected one", () => {
    const risk = result.risks.find((each) => each.code === "VISA_NOT_READY_FOR_START");
    expect(risk?.message).toContain(
      "residency starting Thu 1 Jul 2027 (NRMP's start date; most programs start then, check yours)",
    );
    expect(risk?.message).not.toContain("projected");
  });
});

describe("a matched J-1 applicant's certificate question is due on the day its card names", () => {
  const result = planOf("matched-j1-certificate-pending-karachi.json", "2027-03-30T05:00:00Z");
  const sponsorship = result.reminders.find((each) => each.milestone === "j1_ecfmg_sponsorship");

  it("asks once, due Mon 5 Apr 2027, our advice, as the J-1 item says", () => {
    const asked = questions(result);
    expect(asked.length).toBeGreaterThan(0);
    expect(stepOf(result, "ecfmg_certification")?.action).toContain(
      "the sponsorship application is due Mon 5 Apr 2027 (our advice), so your certificate is needed by then",
    );
    for (const each of asked) {
      expect(each.deadlineDetail.local).toBe("Mon 5 Apr 2027");
      expect(each.deadlineDetail.basis).toBe("advice");
      expect(each.deadlineDetail.local).toBe(sponsorship?.deadlineDetail.local);
      expect(each.deadlineDetail.basis).toBe(sponsorship?.deadlineDetail.basis);
    }
  });

  it("stands urgent: the day it counts down to is six days away", () => {
    expect(stepOf(result, "ecfmg_certification")?.urgency).toBe("urgent");
  });
});

describe("the certificate question is asked at most once a week", () => {
  it.each([
    ["rank-list-before-ranking-opens-nairobi.json", "2026-12-04T12:00:00Z"],
    ["rank-list-before-ranking-opens-nairobi.json", "2026-12-01T08:00:00Z"],
  ])("%s at %s", (file, now) => {
    const sends = questions(planOf(file, now))
      .map((each) => Date.parse(each.sendAt))
      .sort((a, b) => a - b);
    expect(sends.length).toBeGreaterThan(3);
    for (let at = 1; at < sends.length; at++)
      expect((sends[at] ?? 0) - (sends[at - 1] ?? 0)).toBeGreaterThanOrEqual(7 * 86_400_000);
  });

  it("counts from a question the ledger marks sent, so a re-plan keeps the follow-up a week after it", () => {
    const snapshot = readSnapshot(DIR, "rank-list-before-ranking-opens-nairobi.json");
    const first = questions(planInOwnMatch(snapshot, "2026-12-04T12:00:00Z"))[0];
    expect(first).toBeDefined();
    const later = plan(
      { ...snapshot, remindersSent: { [first?.id ?? ""]: first?.sendAt ?? "" } },
      seasonCalendar(snapshot.applicant.matchYear),
      new Date("2026-12-14T12:00:00Z"),
    );
    const next = questions(later).filter((each) => each.id !== first?.id);
    // The next question a week or more after the one sent (the first monthly cut, 16 days on), not
    // swallowed by it nor by the re-plan's slot.
    expect(next[0]?.sendAt.slice(0, 10)).toBe("2026-12-21");
    for (const each of next)
      expect(Date.parse(each.sendAt) - Date.parse(first?.sendAt ?? "")).toBeGreaterThanOrEqual(
        7 * 86_400_000,
      );
  });
});
