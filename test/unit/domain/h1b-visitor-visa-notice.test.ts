import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { CONSULAR_WAIT_DAYS } from "#domain/planner/advice.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";

/**
 * An H-1B hopeful for the 2028 Match in Karachi (Step 1 done). Step 3 is offered only in the US, so
 * abroad its chain holds a visitor visa, whose interview the plan allows 60 days for (advice),
 * counted from the ECFMG certificate Step 3 waits for. The visa is asked for once Step 3 can be
 * planned, on Step 3's own card, and not before: a visa fee pushed on day one, 11 months early and
 * before the ECFMG application and both exams, on Step 2 CK's card (whose Done recorded a pass).
 */
const DIR = fileURLToPath(new URL("../../fixtures/h1b-routes/", import.meta.url));
const KARACHI: ApplicantSnapshot = ApplicantSnapshotSchema.parse(
  JSON.parse(readFileSync(`${DIR}h1b-hopeful-2028-step1-done-karachi.json`, "utf8")),
);
const NOW = "2026-12-04T11:00:00+05:00";
const planOf = (snapshot: ApplicantSnapshot): Plan =>
  plan(snapshot, seasonCalendar(snapshot.applicant.matchYear), new Date(NOW));
const visaNotices = (result: Plan) =>
  result.reminders.filter(
    (reminder) => reminder.risk === "STEP3_NEEDED_FOR_H1B" && reminder.rung === "warning-notice",
  );
const withApplicant = (changes: Partial<ApplicantSnapshot["applicant"]>): ApplicantSnapshot => ({
  ...KARACHI,
  applicant: { ...KARACHI.applicant, ...changes },
});

describe("the visitor visa leads Step 3's chain for an H-1B applicant abroad", () => {
  it("is not asked while Step 3 waits for the ECFMG certificate", () => {
    expect(planOf(KARACHI).blocked.map((step) => step.milestone)).toContain("usmle_step3");
    expect(visaNotices(planOf(KARACHI))).toEqual([]);
  });

  it("is asked once the certificate is issued, on Step 3's card, with the plan's 60-day allowance", () => {
    const certified: ApplicantSnapshot = {
      ...KARACHI,
      milestones: [
        ...KARACHI.milestones.filter((entry) => entry.key !== "ecfmg_certification"),
        { key: "ecfmg_certification", status: "done", date: "2026-11-20" },
      ],
    };
    const result = planOf(certified);
    const notices = visaNotices(result);
    expect(notices).toHaveLength(1);
    expect(notices[0]?.milestone).toBe("usmle_step3");
    expect(notices[0]?.title).toBe(
      `Apply for a B-1/B-2 visitor visa now, unless you hold a valid one, and check your consulate's current interview wait: Step 3 is offered only in the US; the ${CONSULAR_WAIT_DAYS} days this plan allows for the interview are our advice, and many consulates' waits are longer`,
    );
    // The same id a week later: the ledger sends it once.
    const later = plan(certified, seasonCalendar(2028), new Date("2026-12-11T11:00:00+05:00"));
    expect(visaNotices(later).map((each) => each.id)).toEqual(notices.map((each) => each.id));
  });

  it("is not sent in a US zone, nor on the J-1 track", () => {
    expect(visaNotices(planOf(withApplicant({ timezone: "America/Chicago" })))).toEqual([]);
    expect(visaNotices(planOf(withApplicant({ visa: "J-1" })))).toEqual([]);
  });
});
