import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { planFor } from "./advisor-road.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * Ada in Lagos planned her ERAS application for a day. Programs begin reviewing on Wed 23 Sep 2026,
 * 2:00 PM her time (projected). The late-submission risk, which the critical email headed "Overdue
 * since Wed 23 Sep" carries, used to say "yours is not submitted" whatever she planned: beside a
 * card asking whether it went on the day she planned, and without naming a day planned after
 * review began. It names her day now, as the card does.
 */
function ada(eras: MilestoneEntry) {
  const done = (
    [
      ["wdoms_listing", "2024-01-10"],
      ["ecfmg_application", "2024-02-01"],
      ["usmle_step1", "2024-08-01"],
      ["usmle_step2ck", "2025-06-01"],
      ["oet_medicine", "2025-09-01"],
      ["ecfmg_pathway", "2026-01-15"],
      ["ecfmg_certification", "2026-08-01"],
      ["eras_token", "2026-06-15"],
      ["lors", "2026-09-01"],
      ["personal_statement", "2026-09-01"],
      ["cv", "2026-09-01"],
      ["program_list", "2026-09-01"],
    ] as const
  ).map(([key, date]) => ({
    ...milestoneFactory(key, "done", date),
    ...(key === "usmle_step2ck" ? { score: 240 } : {}),
  }));
  return inputFactory({
    applicant: applicantFactory({
      timezone: "Africa/Lagos",
      matchYear: 2027,
      specialties: ["Internal Medicine"],
      graduation: "2024-11-01",
      programsPlanned: 60,
    }),
    milestones: [...done, eras],
  });
}

const lateRisk = (result: Plan) => result.risks.find((risk) => risk.code === "ERAS_LATE_SUBMISSION");
const card = (result: Plan) => result.nextSteps.find((step) => step.milestone === "eras_application")?.action;

describe("Ada planned her ERAS application for Mon 5 Oct 2026, after programs begin reviewing", () => {
  const input = ada(milestoneFactory("eras_application", "scheduled", "2026-10-05"));

  it("ten days before review begins, the warning names her day as after it", () => {
    const result = planFor(input, "2026-09-13T10:00:00+01:00");
    expect(lateRisk(result)?.message).toContain(
      "submit before then. Mon 5 Oct 2026, the day you plan to submit it, is after then.",
    );
  });

  it("once review has begun, the critical risk (the 'Overdue since' email's body) says not to wait for that day", () => {
    const result = planFor(input, "2026-09-26T10:00:00+01:00");
    const risk = lateRisk(result);
    expect(risk?.severity).toBe("critical");
    expect(risk?.message).toContain(
      "and yours is not submitted: submit it as soon as possible rather than on Mon 5 Oct 2026, the day you planned.",
    );
    expect(card(result)).toContain("Mon 5 Oct 2026");
  });

  it("on that day itself, the risk says today", () => {
    const result = planFor(input, "2026-10-05T10:00:00+01:00");
    expect(lateRisk(result)?.message).toContain("you plan to submit it today, Mon 5 Oct 2026");
  });
});

describe("Ada planned her ERAS application for Tue 15 Sep 2026 and has not told us it went", () => {
  const input = ada(milestoneFactory("eras_application", "scheduled", "2026-09-15"));

  it("before review begins, the warning asks whether it went, as the card does", () => {
    const result = planFor(input, "2026-09-20T10:00:00+01:00");
    expect(lateRisk(result)?.message).toContain(
      "You planned to submit it on Tue 15 Sep 2026: if it went, tell us.",
    );
    expect(card(result)).toContain("Did you?");
  });

  it("once review has begun, the critical risk asks before it says to submit, never 'yours is not submitted'", () => {
    const result = planFor(input, "2026-09-26T10:00:00+01:00");
    const message = lateRisk(result)?.message ?? "";
    expect(message).toContain(
      "You planned to submit yours on Tue 15 Sep 2026: if it went, tell us; if not, submit it as soon as possible.",
    );
    expect(message).not.toContain("yours is not submitted");
  });

  it("two months on, the 'weigh the next Match' words still ask about her day", () => {
    const message = lateRisk(planFor(input, "2026-11-30T10:00:00+01:00"))?.message ?? "";
    expect(message).toContain("you have not told us yours went on Tue 15 Sep 2026, the day you planned");
    expect(message).toContain("weigh applying early for the 2028 Match");
  });
});

describe("Ada has not begun her ERAS application", () => {
  it("the risk keeps its words: not submitted, submit as soon as possible", () => {
    const result = planFor(
      ada(milestoneFactory("eras_application", "not_started")),
      "2026-09-26T10:00:00+01:00",
    );
    expect(lateRisk(result)?.message).toContain("and yours is not submitted; submit as soon as possible.");
  });
});
