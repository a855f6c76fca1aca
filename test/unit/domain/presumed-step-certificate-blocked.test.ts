import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Plan, Reminder } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";

/**
 * A step presumed done is asked about before its own deadline, whatever the certificate's card waits
 * for. Tasnim (Dhaka, J-1, 2027 Match) sat Step 2 CK on 14 Aug 2026 and reported no result, so the
 * certificate's card is blocked behind Step 2 CK; her ERAS application and NRMP registration (or an
 * interview) presume her ECFMG Pathway done, never reported. The question about the Pathway used to
 * ride only on the certificate's card and so was never sent: she heard nothing before the Pathway's
 * projected deadline, Sat 26 Dec 2026, and would lose the Match. The question is the presumed step's,
 * not the blocked step's reminder: it rides on the Pathway, and the blocked certificate stays silent.
 */
const DIR = fileURLToPath(new URL("../../fixtures/presumed-step-certificate-blocked/", import.meta.url));
const snapshotOf = (file: string): ApplicantSnapshot =>
  ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(`${DIR}${file}`, "utf8")));
const planAt = (snapshot: ApplicantSnapshot, now: string): Plan =>
  plan(snapshot, seasonCalendar(snapshot.applicant.matchYear), new Date(now));
const QUESTION =
  "Have you submitted your ECFMG Pathway application? If not, submit it by Sat 26 Dec 2026 (projected)";
const pathwayQuestions = (planned: Plan): Reminder[] =>
  planned.reminders.filter((each) => each.title === QUESTION);

describe.each([
  ["ERAS and NRMP done", "step2ck-result-unreported-dhaka.json"],
  ["an interview too", "step2ck-result-unreported-interview-dhaka.json"],
])("the Pathway presumed done (%s) while the certificate waits for Step 2 CK", (_, file) => {
  const snapshot = snapshotOf(file);

  it("asks at once, again a week before the Pathway's deadline and in its last days, though the certificate is blocked", () => {
    const planned = planAt(snapshot, "2026-11-30T12:00:00Z");
    const certificate = planned.blocked.find((step) => step.milestone === "ecfmg_certification");
    expect(certificate?.waitingFor).toEqual(["usmle_step2ck"]);
    const asked = pathwayQuestions(planned);
    expect(asked.map((each) => [each.rung, each.sendAtLocal])).toEqual([
      // At the next delivery slot, then a week before the deadline's local day (Sun 27 Dec in Dhaka).
      ["status-question", "2026-12-01T09:00:00.000+06:00"],
      ["status-question-week", "2026-12-20T09:00:00.000+06:00"],
      ["status-question-last", "2026-12-24T09:00:00.000+06:00"],
    ]);
    for (const question of asked) {
      // On the presumed step, never on the blocked card (no reminder for a blocked step).
      expect(question.milestone).toBe("ecfmg_pathway");
      expect(Date.parse(question.sendAt)).toBeLessThan(Date.parse(question.deadline));
    }
    const blocked = new Set(planned.blocked.map((step) => step.milestone));
    for (const reminder of planned.reminders) expect(blocked.has(reminder.milestone)).toBe(false);
  });

  it("within the week, asks at the next slot with the same ids (one already sent is not sent again)", () => {
    const early = pathwayQuestions(planAt(snapshot, "2026-11-30T12:00:00Z"));
    const late = pathwayQuestions(planAt(snapshot, "2026-12-20T12:00:00Z"));
    expect(late.map((each) => each.sendAtLocal)).toEqual([
      "2026-12-21T09:00:00.000+06:00",
      "2026-12-21T09:00:00.000+06:00",
      "2026-12-24T09:00:00.000+06:00",
    ]);
    const ids = (asked: Reminder[]) => asked.map((each) => each.id).sort();
    expect(ids(late)).toEqual(ids(early));
  });

  it("asks nothing once the Pathway is reported", () => {
    const reported: ApplicantSnapshot = {
      ...snapshot,
      milestones: [...snapshot.milestones, { key: "ecfmg_pathway", status: "done", date: "2026-10-01" }],
    };
    const planned = planAt(reported, "2026-11-30T12:00:00Z");
    expect(planned.reminders.filter((each) => each.rung.startsWith("status-question"))).toEqual([]);
  });
});
