import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { catalogEntry } from "#domain/catalog/index.ts";
import type { Plan, Reminder } from "#domain/plan.ts";
import { CERTIFICATE_ISSUED_ACTION } from "#domain/planner/earliest-certification.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * The certificate with nothing we know of still holding it back said "check in
 * MyIntealth whether ECFMG has issued it" yet stood `later` with "Start now to finish by" in
 * February and "Aim to finish by" rungs in April (on H-1B: urgent, with after-target rungs).
 * Rule: a question, not work to start: `soon` (urgent only with its deadline within the urgent
 * window), no start-by, no aim rungs; asked at the next delivery slot, then every 28 days while its
 * date is far and every 14 days in the four weeks before the deadline's "Due" rungs (ladder data),
 * until they take over. Replayed on the reported applicants. Past its
 * target (H-1B before ranking: the certificate the program needs to rank on H-1B), the earlier
 * rules stand: urgent, with the after-target follow-ups.
 */
const DIR = fileURLToPath(new URL("../../fixtures/certificate-nothing-pending/", import.meta.url));
const snapshotOf = (file: string): ApplicantSnapshot => readSnapshot(DIR, file);
const planOf = planInOwnMatch;
const certificate = (result: Plan) =>
  result.nextSteps.find((step) => step.milestone === "ecfmg_certification");
const rungsOf = (result: Plan): Reminder[] =>
  result.reminders
    .filter((each) => each.milestone === "ecfmg_certification")
    .sort((a, b) => Date.parse(a.sendAt) - Date.parse(b.sendAt));
const DAY = 86_400_000;

const KARACHI = "rank-list-dated-nov28-with-step1-karachi-2027.json";
const CAIRO_H1B = "h1b-cert-pending-cairo-2027.json";
const LAGOS_MATCH_WEEK = "results-reported-late-in-match-week-lagos-2027.json";

describe("the certificate with nothing holding it back is a question", () => {
  it.each([
    [KARACHI, "2026-12-04T11:00:00+05:00", "2026-12-05T09:00:00.000+05:00"],
    [LAGOS_MATCH_WEEK, "2027-03-16T10:00:00+01:00", "2027-03-17T09:00:00.000+01:00"],
  ])(
    "%s at %s: soon, no start-by, asked at the next slot, then monthly, fortnightly near the Due rungs",
    (file, now, first) => {
      const result = planOf(snapshotOf(file), now);
      const step = certificate(result);
      expect(step?.action.startsWith(CERTIFICATE_ISSUED_ACTION)).toBe(true);
      expect(step?.urgency).toBe("soon");
      expect(step?.startBy).toBeUndefined();
      const rungs = rungsOf(result);
      // No "Start now", no "Aim to finish by" (the target's rungs), no after-target follow-ups.
      expect(rungs.map((each) => each.rung)).not.toContain("start-by");
      expect(rungs.filter((each) => each.countsDownTo === "target")).toEqual([]);
      expect(rungs.map((each) => each.rung)).not.toContain("after-target");
      const asked = rungs.filter((each) => each.rung === "certificate-asked");
      expect(asked[0]?.sendAtLocal).toBe(first);
      expect(asked[0]?.title).toBe("Receive ECFMG certification: has ECFMG issued it? Check MyIntealth");
      expect(asked[0]?.why).toBe(catalogEntry("ecfmg_certification").why.text);
      // Every 28 days at most while the deadline is far, every 14 in the four weeks before its
      // own rungs (a slot may round a day), until those rungs.
      const due = rungs.filter((each) => each.rung.startsWith("deadline-in-")).map((each) => each.rung);
      expect(due).toEqual(["deadline-in-14d", "deadline-in-3d", "deadline-in-1d"]);
      const sends = [...asked, rungs.find((each) => each.rung === "deadline-in-14d")].map((each) =>
        Date.parse(each?.sendAt ?? ""),
      );
      const ladderAt = sends.at(-1) as number;
      for (let index = 1; index < sends.length; index++) {
        const gap = (sends[index] as number) - (sends[index - 1] as number);
        expect(gap).toBeGreaterThan(0);
        const near = ladderAt - (sends[index - 1] as number) <= 29 * DAY;
        expect(gap).toBeLessThanOrEqual((near ? 15 : 29) * DAY);
        // Monthly, not fortnightly, while far (the first notice goes at the next slot, off the cuts).
        if (!near && index > 1) expect(gap).toBeGreaterThan(15 * DAY);
      }
    },
  );

  it("past its H-1B target before ranking, it stays urgent with the after-target follow-ups, never a start-by", () => {
    const result = planOf(snapshotOf(CAIRO_H1B), "2026-12-04T08:00:00+02:00");
    const step = certificate(result);
    expect(step?.action.startsWith(CERTIFICATE_ISSUED_ACTION)).toBe(true);
    expect(step?.urgency).toBe("urgent");
    const rungs = rungsOf(result).map((each) => each.rung);
    expect(rungs).not.toContain("start-by");
    expect(rungs).not.toContain("certificate-asked");
    expect(rungs).toContain("after-target");
  });

  it("the follow-ups' ids do not move with now: a plan a week later keeps those still ahead", () => {
    const snapshot = snapshotOf(KARACHI);
    const ids = (now: string) =>
      rungsOf(planOf(snapshot, now))
        .filter((each) => Date.parse(each.sendAt) > Date.parse("2026-12-20T00:00:00Z"))
        .map((each) => `${each.id} ${each.sendAt}`);
    expect(ids("2026-12-11T11:00:00+05:00")).toEqual(ids("2026-12-04T11:00:00+05:00"));
  });

  it("with its deadline within a week, it is urgent", () => {
    const step = certificate(planOf(snapshotOf(LAGOS_MATCH_WEEK), "2027-06-12T11:00:00+01:00"));
    expect(step?.action.startsWith(CERTIFICATE_ISSUED_ACTION)).toBe(true);
    expect(step?.urgency).toBe("urgent");
  });

  it("with the diploma's verification time not past, the certificate is still work: no question, its start-by stays", () => {
    const snapshot = snapshotOf(KARACHI);
    const recent = ApplicantSnapshotSchema.parse({
      ...snapshot,
      applicant: { ...snapshot.applicant, graduation: "2026-11-20" },
    });
    const result = planOf(recent, "2026-12-04T11:00:00+05:00");
    expect(certificate(result)?.action).not.toContain("Nothing we know of");
    const rungs = rungsOf(result).map((each) => each.rung);
    expect(rungs).not.toContain("certificate-asked");
    expect(rungs).toContain("start-by");
  });
});
