import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { CRITICAL_RISK_RUNG } from "#domain/planner/critical-risk-notice.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";

/**
 * A critical risk that asks for action now sends one notice now: an exam
 * booked after its deadline first heard on 14 Jan, an H-1B out of reach on 15 Jan.
 */
const SCENARIO_DIR = new URL("../../fixtures/scenarios/", import.meta.url);
const load = (name: string): ApplicantSnapshot =>
  ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(new URL(name, SCENARIO_DIR), "utf8")));
const planAt = (snapshot: ApplicantSnapshot, now: string): Plan =>
  plan(snapshot, seasonCalendar(snapshot.applicant.matchYear), new Date(now));
const notices = (result: Plan) => result.reminders.filter((r) => r.rung === CRITICAL_RISK_RUNG);
const inZone = (snapshot: ApplicantSnapshot, timezone: string): ApplicantSnapshot =>
  ApplicantSnapshotSchema.parse({ ...snapshot, applicant: { ...snapshot.applicant, timezone } });
const rol2027 = new Date(
  seasonCalendar(2027).dates.nrmp_rol_certification_and_late_registration_deadline.at,
).toISOString();

describe("a critical risk that asks for action now", () => {
  const late = load("step2ck-booked-after-latest-safe-date-2027.json");

  it("sends one notice at the next delivery slot for an exam booked after its deadline, about that exam", () => {
    const result = planAt(late, "2026-11-30T12:00:00Z");
    const risk = result.risks.find((r) => r.code === "EXAMS_LATE_FOR_RANKING");
    expect(risk?.severity).toBe("critical");
    const [notice, ...more] = notices(result);
    expect(more).toEqual([]);
    // Its date is weeks away: the next morning's slot, not a second email that day.
    expect(notice?.sendAt).toBe("2026-12-01T03:00:00.000Z");
    expect(notice?.milestone).toBe("usmle_step2ck");
    expect(notice?.title).toContain("move it earlier now");
    expect(notice?.why).toBe(risk?.message);
    // It announces the date to act by: the last day to sit the exam for this Match (its own
    // deadline, which the notice's text names), not the rank order list deadline four weeks later
    // ("Due: Thu 24 Feb 2028" under "take it by Wed 26 Jan 2028").
    const exam = result.nextSteps.find((step) => step.milestone === "usmle_step2ck");
    expect(exam?.deadline?.at).toBeDefined();
    expect(notice?.deadline).toBe(exam?.deadline?.at);
    expect(Date.parse(notice?.deadline ?? "")).toBeLessThan(Date.parse(rol2027));
    expect(result.reminders[0]?.id).toBe(notice?.id);
  });

  it("keeps one id per risk across re-plans (the ledger sends it once)", () => {
    const first = notices(planAt(late, "2026-11-30T12:00:00Z"))[0]?.id;
    for (const later of ["2026-12-01T03:00:00Z", "2026-12-20T12:00:00Z"])
      expect(notices(planAt(late, later)).map((n) => n.id)).toEqual([first]);
  });

  it("found in quiet hours with its date weeks away, goes at the next delivery slot, not when they end", () => {
    const result = planAt(inZone(late, "Asia/Kolkata"), "2026-11-30T18:00:00Z"); // 23:30 Kolkata
    expect(notices(result)[0]?.sendAtLocal).toBe("2026-12-01T09:00:00.000+05:30");
  });

  it("sends one for H-1B ranking out of reach, on the rank order list while Step 3 waits", () => {
    const result = planAt(load("h1b-certificate-pending-2027.json"), "2026-11-30T12:00:00Z");
    const risk = result.risks.find((r) => r.code === "STEP3_NEEDED_FOR_H1B");
    expect(risk?.severity).toBe("critical");
    const [notice] = notices(result);
    expect(notice?.title).toContain("rank J-1 programs too");
    // What it asks, ranking J-1 programs too, is done on the rank order list, not the waiting Step 3.
    expect(notice?.milestone).toBe("rank_order_list");
    expect(result.blocked.map((s) => s.milestone)).toContain("usmle_step3");
    expect(notice?.why).toBe(risk?.message);
    // Ranking is months away: the next delivery slot, the morning after.
    expect(notice?.sendAt).toBe("2026-12-01T07:00:00.000Z");
  });

  it("sends none for a warning", () => {
    const result = planAt(load("rank-list-certified-2027.json"), "2027-02-10T12:00:00Z");
    expect(notices(result)).toEqual([]);
  });

  // The gate kept the blocked steps silent, and with them the one message of
  // the plan; the timeline link only arrives by email, so the applicant never learnt it.
  const noNote = load("no-sponsor-note-2027.json");
  const noNoteChecked = ApplicantSnapshotSchema.parse({
    ...noNote,
    milestones: [{ key: "wdoms_listing", status: "done", date: "2026-10-01" }],
  });
  it.each([
    ["WDOMS look-up under way", noNote, "wdoms_listing"],
    ["WDOMS look-up done", noNoteChecked, "budget"],
  ])(
    "sends one notice for a school with no sponsor note (%s), blocked steps staying silent",
    (_, snapshot, on) => {
      const result = planAt(snapshot, "2026-11-30T12:00:00Z");
      const risk = result.risks.find((r) => r.code === "SCHOOL_NOT_ECFMG_ELIGIBLE");
      expect(risk?.severity).toBe("critical");
      const [notice, ...more] = notices(result);
      expect(more).toEqual([]);
      // On a next step (the WDOMS check, else the budget: "pay no fee"), never a done or blocked one.
      expect(notice?.milestone).toBe(on);
      expect(result.nextSteps.map((s) => s.milestone)).toContain(on);
      expect(notice?.title).toContain("no ECFMG sponsor note");
      expect(notice?.why).toBe(risk?.message);
      expect(notice?.why).toContain("What resolves it");
      expect(notice?.sendAt).toBe("2026-12-01T04:00:00.000Z"); // the next delivery slot
      // The notice is the only reminder: nothing about a blocked step.
      expect(result.reminders).toEqual([notice]);
      const later = notices(planAt(snapshot, "2026-12-20T12:00:00Z"));
      expect(later.map((n) => n.id)).toEqual([notice?.id]);
    },
  );
});

describe("a critical notice and a rung of the same step at the same instant", () => {
  // Arjun (Kolkata) dated his list before ranking opened: ROL_BEFORE_RANKING_OPENS names the rank
  // order list, whose own deadline is the rank-list deadline the notice announces.
  const early = load("rank-list-before-opening-2027.json");

  it.each([
    ["a rung joining the notice later that day (08:30 IST, slot 09:00)", "2027-02-17T03:00:00Z"],
    ["a rung and the notice both at the end of quiet hours (05:00 IST)", "2027-02-20T23:30:00Z"],
  ])("sends the critical notice's content, once, for %s", (_, now) => {
    const result = planAt(early, now);
    const risk = result.risks.find((r) => r.code === "ROL_BEFORE_RANKING_OPENS");
    expect(risk?.severity).toBe("critical");
    const [notice, ...more] = notices(result);
    expect(more).toEqual([]);
    expect(notice?.milestone).toBe("rank_order_list");
    expect(notice?.why).toBe(risk?.message);
    // Both instants are after ranking opened (projected 15 Jan 2027), so the title asks for it now.
    expect(notice?.title).toContain("ranking is open, certify it again now");
    expect(result.reminders[0]?.id).toBe(notice?.id);
    // One notice for the step and deadline at that instant: the rung it stands for is not sent beside it.
    const sameInstant = result.reminders.filter(
      (r) =>
        r.milestone === "rank_order_list" && r.sendAt === notice?.sendAt && r.deadline === notice?.deadline,
    );
    expect(sameInstant).toEqual([notice]);
  });

  it("keeps Step 3's notice on Step 3 beside another critical risk's, each on its own step", () => {
    // Chicago H-1B applicant on 10 Jan 2027: Step 3 out of reach (the certificate now, FSMB's two
    // weeks, a seat and the result end on 28 Feb, after the deadline) and ERAS not submitted.
    const result = planAt(load("h1b-living-in-chicago-2027.json"), "2027-01-10T12:00:00Z");
    const byRisk = new Map(notices(result).map((notice) => [notice.risk, notice]));
    expect(byRisk.get("STEP3_NEEDED_FOR_H1B")?.milestone).toBe("usmle_step3");
    expect(byRisk.get("STEP3_NEEDED_FOR_H1B")?.title).toContain("rank J-1 programs too");
    expect(byRisk.get("ERAS_LATE_SUBMISSION")?.milestone).not.toBe("usmle_step3");
  });
});

describe("ERAS_LATE_SUBMISSION's notice: its title says what its text says", () => {
  const late = load("eras-late-submission.json");
  const erasNotice = (result: Plan) =>
    notices(result).find((n) => n.why.includes("Programs began reviewing applications"));

  it("just after programs began reviewing: submit now, in title and text", () => {
    const notice = erasNotice(planAt(late, "2025-10-01T12:00:00Z"));
    expect(notice?.title).toBe(
      "Programs are already reviewing applications: submit your ERAS application now",
    );
    expect(notice?.why).toContain("submit as soon as possible");
  });

  it("once most interview invitations are out: weigh the next Match, in title and text, as a new notice", () => {
    const before = erasNotice(planAt(late, "2025-10-01T12:00:00Z"));
    const notice = erasNotice(planAt(late, "2025-12-15T12:00:00Z"));
    expect(notice?.why).toContain("weigh applying early for the 2027 Match");
    expect(notice?.title).toBe(
      "Most interview invitations are out: weigh the 2027 Match before you pay ERAS fees",
    );
    expect(notice?.title).not.toContain("submit");
    // New advice, so its own id: the ledger sends it even to an applicant told "submit now" in October.
    expect(notice?.id).not.toBe(before?.id);
  });
});
