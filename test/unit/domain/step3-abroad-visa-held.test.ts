import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { isUndatedNotice } from "#domain/planner/critical-risk-notice.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * An H-1B applicant in Lagos, certified, Step 3 not started, 2027 Match. Once the visa-held days for
 * ranking have gone (13 Jan 2027), the petition's sit-by day (Fri 19 Mar 2027) is still met by an
 * applicant who already holds a visitor visa until FSMB's two weeks and a seat no longer fit (apply by
 * Fri 26 Feb). Rule: while that road is open the step is dated for it and its card, the Step 3 risk
 * and the visa risk all name the condition; the step was blocked ("plan Step 3 for a later Match")
 * beside a visa risk saying "apply to FSMB now and sit by 19 Mar", then urgent again on 26 Feb.
 */
const DIR = fileURLToPath(new URL("../../fixtures/h1b-step3-abroad-lagos/", import.meta.url));
const CHIDI = readSnapshot(DIR, "h1b-step3-not-started-lagos.json");
const CHIDI_PENDING = readSnapshot(DIR, "h1b-step3-not-started-cert-pending-lagos.json");
const step3 = (plan: Plan) => plan.nextSteps.find((step) => step.milestone === "usmle_step3");
const blocked = (plan: Plan) => plan.blocked.find((step) => step.milestone === "usmle_step3");
const risk = (plan: Plan, code: string) => plan.risks.find((item) => item.code === code)?.message ?? "";
const HELD =
  "Only if you already hold a B-1/B-2 visa: apply to FSMB now and sit Step 3 in the US by Fri 19 Mar 2027.";

describe("Step 3 abroad, only a visitor visa already held still meets the petition's day", () => {
  it.each(["2027-01-20T10:00:00+01:00", "2027-02-10T10:00:00+01:00"])(
    "at %s the step is dated for 19 Mar on that condition, as both risks say",
    (now) => {
      const plan = planInOwnMatch(CHIDI, now);
      expect(blocked(plan)).toBeUndefined();
      expect(step3(plan)?.deadline?.local).toBe("Fri 19 Mar 2027");
      expect(step3(plan)?.action).toContain(HELD);
      expect(step3(plan)?.action).toContain(
        "with a visitor visa still to get, you could not sit Step 3 by Fri 19 Mar 2027",
      );
      expect(step3(plan)?.action).not.toContain("has passed");
      // One ask with its last day, not "then apply to FSMB by Fri 26 Feb" beside "so apply now".
      expect(risk(plan, "STEP3_NEEDED_FOR_H1B")).toContain(
        "only with a B-1/B-2 visa you already hold can you still sit Step 3 in the US by Fri 19 Mar 2027 (our advice). FSMB's processing takes about 2 weeks, but FSMB says it may need up to 12 weeks to verify your graduation, so apply now, by Fri 26 Feb 2027 at the latest.",
      );
      expect(risk(plan, "STEP3_NEEDED_FOR_H1B").match(/\bapply\b/g)).toHaveLength(1);
      expect(risk(plan, "VISA_NOT_READY_FOR_START")).toContain(
        "unless you already hold a B-1/B-2 visa: then sit Step 3 in the US by Fri 19 Mar 2027. FSMB's processing takes about 2 weeks, but FSMB says it may need up to 12 weeks to verify your graduation, so apply now.",
      );
      const titles = plan.reminders.filter(
        (item) => item.milestone === "usmle_step3" && item.rung === "sit-by-follow-up",
      );
      for (const reminder of titles)
        expect(reminder.title).toContain("only with a B-1/B-2 visa already held, sit it by Fri 19 Mar 2027");
    },
  );

  // The visa risk's visa-held road asked "apply to FSMB now" and then, with the certificate still
  // pending, "so apply the day your ECFMG certificate is issued": one ask, FSMB's.
  it("with the certificate pending, the visa risk's visa-held road asks to apply once, on the certificate's day", () => {
    const message = risk(
      planInOwnMatch(CHIDI_PENDING, "2027-01-20T10:00:00+01:00"),
      "VISA_NOT_READY_FOR_START",
    );
    expect(message).toContain(
      "unless you already hold a B-1/B-2 visa: then sit Step 3 in the US by Fri 19 Mar 2027. FSMB's processing takes about 2 weeks, but FSMB says it may need up to 12 weeks to verify your graduation, so apply the day your ECFMG certificate is issued.",
    );
    expect(message).not.toContain("apply to FSMB now");
  });

  // The row read "Wed 3 Feb 2027" with "start now" on 12-13 Jan, the sit-by day of one branch (a visa
  // held and NRMP's later candidate), between "Fri 19 Mar 2027" before and after: one day, the branch in words.
  it("while the visa-held days for ranking hold (12 Jan), keeps the petition's day and names them with their condition", () => {
    const plan = planInOwnMatch(CHIDI, "2027-01-12T10:00:00+01:00");
    expect(step3(plan)?.deadline?.local).toBe("Fri 19 Mar 2027");
    expect(step3(plan)?.action).toContain(
      "only with a B-1/B-2 visa you already hold, and only if NRMP's deadline is the later candidate, can your Step 3 result still reach programs in time (apply to FSMB by Wed 13 Jan 2027, sit Step 3 in the US by Wed 3 Feb 2027, our advice)",
    );
    expect(step3(plan)?.action).toContain(HELD);
  });

  it("from 27 Feb no road meets the day: the card says so and asks nothing to pay", () => {
    const plan = planInOwnMatch(CHIDI, "2027-02-27T10:00:00+01:00");
    expect(step3(plan)?.action).toContain("even with a visitor visa already held");
    expect(step3(plan)?.action).not.toContain(HELD);
  });

  // One date, one status, one message: the row showed "urgent, Fri 19 Mar 2027" beside a card calling
  // that day out of reach. Now no day in the row while that day is ahead; urgent beside the visa
  // notice on the step, a notice with no date as the row (it read "Due" Match Day's release, an hour
  // and a projected mark of Match Day's on Step 3's card).
  it.each(["2027-02-27T10:00:00+01:00", "2027-03-10T10:00:00+01:00"])(
    "at %s the row gives no day it calls out of reach, nor does its notice",
    (now) => {
      const plan = planInOwnMatch(CHIDI, now);
      const step = step3(plan);
      expect(step?.urgency).toBe("urgent");
      expect(step?.deadline).toBeUndefined();
      expect(step?.dueBy).toBeNull();
      expect(step?.startBy).toBeUndefined();
      expect(plan.overdue.map((item) => item.milestone)).not.toContain("usmle_step3");
      const notices = plan.reminders.filter(
        (item) => item.milestone === "usmle_step3" && item.risk === "VISA_NOT_READY_FOR_START",
      );
      expect(notices.map((item) => isUndatedNotice(item) && item.stepDate === undefined)).toEqual([true]);
    },
  );

  it("abroad, a day to apply to FSMB that counts the visitor visa's wait names the visa in its reminders' titles", () => {
    const plan = planInOwnMatch(CHIDI, "2026-10-01T10:00:00+01:00");
    const applyBy = plan.reminders.filter(
      (item) => item.milestone === "usmle_step3" && item.rung.startsWith("apply-by-in"),
    );
    expect(applyBy.length).toBeGreaterThan(0);
    for (const reminder of applyBy)
      expect(reminder.title).toBe(
        "Pass USMLE Step 3: apply to FSMB and for your B-1/B-2 visitor visa by Sat 21 Nov 2026 (our advice)",
      );
  });
});
