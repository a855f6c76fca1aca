import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

/**
 * An H-1B applicant abroad with no visitor visa whose Step 3 result cannot reach the rank order
 * list deadline: while FSMB (about 14 days), the visitor visa (60 days) and a seat (about 7 days)
 * still fit before the petition's sit-by day (Fri 19 Mar 2027 for the 2027 Match), the step is
 * dated for it with that chain's days, the risk names it beside the visa-held days for ranking, and
 * the apply-by reminders lead to its FSMB day; once the chain no longer fits, the step stays dated
 * for that day while a visitor visa already held meets it, the visa-held days for ranking said in
 * words with their condition: on Tue 12 Jan the row read "Wed 3 Feb 2027" with "start now" (the sit-by
 * day of a visa held and NRMP's later candidate), and "Fri 19 Mar 2027" again from Thu 14 Jan.
 * Ana: Manila, certified, registered, Step 3 not started.
 */
function ana(): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({
      externalId: "petition-chain-abroad",
      timezone: "Asia/Manila",
      matchYear: 2027,
      graduation: "2024-05-31",
      visa: "H-1B",
    }),
    milestones: [
      ...doneMilestones(REGISTERED_KEYS, "2025-10-01"),
      milestoneFactory("ecfmg_certification", "done", "2025-11-03"),
      milestoneFactory("usmle_step3", "not_started"),
    ],
  });
}
const at = (iso: string): Plan => plan(ana(), seasonCalendar(2027), new Date(iso));
const card = (result: Plan) => result.nextSteps.find((step) => step.milestone === "usmle_step3");
const risk = (result: Plan) => result.risks.find((candidate) => candidate.code === "STEP3_NEEDED_FOR_H1B");

describe("H-1B Step 3 abroad, out of reach of ranking, the petition's day still in reach", () => {
  it("on Sat 5 Dec 2026: dated Fri 19 Mar 2027 with the chain's days, and the risk names them", () => {
    const result = at("2026-12-05T02:00:00Z");
    const step = card(result);
    expect(step?.deadline?.day).toBe("2027-03-19");
    const chain =
      "To sit it by Fri 19 Mar 2027: apply for the visitor visa and, beside it, to FSMB by Mon 11 Jan 2027 (60 days allowed for the visa's interview, about 14 days of FSMB processing)";
    expect(step?.action).toContain(chain);
    expect(step?.action).toContain("only with a B-1/B-2 visa you already hold");
    const message = risk(result)?.message ?? "";
    // The day is the last to sit the exam, not to have passed it: the risk says "sit", as the card does.
    expect(message).toContain(
      "the H-1B petition after the Match still needs your Step 3 pass: to keep it possible with a program that ranks you anyway, start now and sit Step 3 by Fri 19 Mar 2027",
    );
    expect(message).not.toContain("needs your Step 3 pass, by");
    // Dated for the petition before ranking: its rule is worded for the petition, never "ranking is over".
    expect(step?.deadline?.source).toMatch(/^for the H-1B petition after the Match: the petition's date/);
    expect(step?.deadline?.source).not.toContain("ranking is over");
    expect(message).toContain(chain);
    expect(message).toContain("If you already hold a B-1/B-2 visa, there is still time");
    // The visitor visa's day binds (FSMB runs beside it): its rungs, not FSMB's.
    const step3 = result.reminders.filter((reminder) => reminder.milestone === "usmle_step3");
    const visaBy = step3.filter((reminder) => reminder.rung.startsWith("visa-by"));
    expect(visaBy.length).toBeGreaterThan(0);
    expect(visaBy.every((reminder) => reminder.sendAt < "2027-01-11")).toBe(true);
    expect(step3.some((reminder) => reminder.rung.startsWith("apply-by"))).toBe(false);
  });

  it("on Tue 29 Dec 2026 the same day still holds for both: FSMB runs beside the visitor visa", () => {
    const result = at("2026-12-29T02:00:00Z");
    const step = card(result);
    expect(step?.deadline?.day).toBe("2027-03-19");
    const chain =
      "To sit it by Fri 19 Mar 2027: apply for the visitor visa and, beside it, to FSMB by Mon 11 Jan 2027";
    expect(step?.action).toContain(chain);
    expect(risk(result)?.message).toContain(chain);
  });

  it("on Tue 12 Jan 2027, the visitor visa's day passed too: still dated Fri 19 Mar, the visa-held days for ranking in words", () => {
    const result = at("2027-01-12T02:00:00Z");
    const step = card(result);
    expect(step?.deadline?.day).toBe("2027-03-19");
    expect(step?.action).toContain(
      "only with a B-1/B-2 visa you already hold, and only if NRMP's deadline is the later candidate, can your Step 3 result still reach programs in time (apply to FSMB by Wed 13 Jan 2027, sit Step 3 in the US by Wed 3 Feb 2027, our advice)",
    );
    expect(step?.action).toContain(
      "Only if you already hold a B-1/B-2 visa: apply to FSMB now and sit Step 3 in the US by Fri 19 Mar 2027.",
    );
    expect(step?.action).not.toContain("sit Step 3 by Wed 3 Feb 2027 at the latest");
    const message = risk(result)?.message ?? "";
    expect(message).toContain("sit Step 3 in the US by Wed 3 Feb 2027");
    // Both roads in one risk, FSMB's figures once: the petition's road names its last day to apply by.
    expect(message).toContain(
      "only with a B-1/B-2 visa you already hold can you still sit Step 3 in the US by Fri 19 Mar 2027 (our advice), applying to FSMB by Fri 26 Feb 2027 at the latest.",
    );
    expect(message.split("FSMB says it may need up to 12 weeks")).toHaveLength(2);
  });

  it.each(["2027-01-10", "2027-01-11", "2027-01-12", "2027-01-13", "2027-01-14", "2027-01-15"])(
    "on %s, 10:00 in Manila, the row and every Step 3 email give one day, Fri 19 Mar 2027",
    (day) => {
      const result = at(`${day}T02:00:00Z`);
      expect(card(result)?.deadline?.day).toBe("2027-03-19");
      const dated = result.reminders.filter((reminder) => reminder.milestone === "usmle_step3");
      expect(dated.length).toBeGreaterThan(0);
      for (const reminder of dated) {
        expect(reminder.deadlineDetail.local).not.toContain("Wed 3 Feb 2027");
        expect(reminder.title).not.toContain("Wed 3 Feb 2027");
      }
    },
  );
});

/** Ana, who has applied to FSMB (Step 3 under way, no test date yet). */
function anaApplied(): PlannerInput {
  const input = ana();
  return {
    ...input,
    milestones: input.milestones.map((each) =>
      each.key === "usmle_step3" ? milestoneFactory("usmle_step3", "in_progress") : each,
    ),
  };
}
const applied = (iso: string): Plan => plan(anaApplied(), seasonCalendar(2027), new Date(iso));

describe("H-1B Step 3 abroad, FSMB applied to: the petition's day counts FSMB as under way", () => {
  it.each(["2026-12-05T02:00:00Z", "2026-12-30T02:00:00Z", "2027-01-10T02:00:00Z"])(
    "at %s: dated Fri 19 Mar 2027 with the visitor visa's day, and no day to apply to FSMB by",
    (iso) => {
      const result = applied(iso);
      const step = card(result);
      expect(step?.deadline?.day).toBe("2027-03-19");
      expect(step?.action).toContain(
        "To sit it by Fri 19 Mar 2027: apply for the visitor visa by Mon 11 Jan 2027 (60 days allowed for its interview) while FSMB processes your application",
      );
      const step3 = result.reminders.filter((reminder) => reminder.milestone === "usmle_step3");
      expect(step3.some((reminder) => reminder.rung.startsWith("apply-by"))).toBe(false);
      expect(step3.some((reminder) => reminder.rung === "sit-by-follow-up")).toBe(true);
    },
  );
});
