import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  interviewFactory,
  milestoneFactory,
  PRE_ERAS_KEYS,
} from "./factories.ts";

/**
 * The NRMP question ("Registered with NRMP?") is not
 * sent on consecutive days: rungs within 3 days after a notice on the same step (the critical-risk
 * notice counts) fold into it; then the weekly question. Ids stay deterministic. Bilal: Peshawar
 * (Asia/Karachi), interviewing (14 Dec 2026), NRMP never reported, Step 2 CK not started.
 */
const calendar = seasonCalendar(2027);
const DAY = 86_400_000;

const bilal = inputFactory({
  applicant: applicantFactory({
    externalId: "nqs-1",
    timezone: "Asia/Karachi",
    matchYear: 2027,
    graduation: "2025-06-30",
  }),
  milestones: [
    ...doneMilestones(PRE_ERAS_KEYS.filter((key) => key !== "usmle_step2ck")),
    milestoneFactory("usmle_step2ck", "not_started"),
  ],
  interviews: [interviewFactory({ program: "Eastside IM", startsAt: "2026-12-14T10:00:00-05:00" })],
});

const nrmp = (result: Plan) => result.reminders.filter((r) => r.milestone === "nrmp_registration");

describe("the NRMP question's spacing", () => {
  const result = plan(bilal, calendar, new Date("2027-01-20T05:00:00Z"));
  const sent = nrmp(result).map((r) => Date.parse(r.sendAt));

  it("asks", () => {
    expect(nrmp(result)[0]?.title).toMatch(/^Registered with NRMP\?/);
  });

  it("no two NRMP questions within 3 days of each other, away from the deadline's last days", () => {
    const deadline = Date.parse(nrmp(result)[0]?.deadline ?? "");
    for (let i = 1; i < sent.length; i++)
      if ((sent[i] ?? 0) < deadline - 3 * DAY)
        expect((sent[i] ?? 0) - (sent[i - 1] ?? 0)).toBeGreaterThan(3 * DAY);
  });

  it("the same plan made again gives the same ids", () => {
    const again = plan(bilal, calendar, new Date("2027-01-20T05:00:00Z"));
    expect(nrmp(again).map((r) => r.id)).toEqual(nrmp(result).map((r) => r.id));
  });
});
