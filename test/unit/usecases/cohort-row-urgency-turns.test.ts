import { describe, expect, it } from "vitest";
import { planFacts, rowAsOf } from "#domain/console/row-as-of.ts";
import type { Interview, MilestoneEntry } from "#domain/snapshot.ts";
import { lookAheadFacts } from "#usecases/cohort-look-ahead.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { profileFactory } from "./fakes.ts";

/**
 * An H-1B applicant with Step 3 still to take and a virtual interview a week and a day ahead: a day
 * later, with nothing re-planning her, her page led with the interview (urgent from a week before
 * it) while the cohort row, read as of now, still named Step 3 in March. A step's urgency turning
 * reorders the timeline, so the row's look-ahead re-plans there too.
 */
const DONE = (key: MilestoneEntry["key"], date: string): MilestoneEntry => ({ key, status: "done", date });
const MILESTONES: MilestoneEntry[] = [
  DONE("wdoms_listing", "2023-01-10"),
  DONE("ecfmg_application", "2024-02-01"),
  DONE("usmle_step1", "2024-09-10"),
  { key: "usmle_step2ck", status: "done", date: "2025-06-20", score: 245 },
  { key: "oet_medicine", status: "done", date: "2025-03-01", score: 380 },
  DONE("ecfmg_pathway", "2025-10-01"),
  DONE("ecfmg_certification", "2025-11-01"),
  DONE("lors", "2026-08-01"),
  DONE("personal_statement", "2026-08-15"),
  DONE("cv", "2026-08-15"),
  DONE("program_list", "2026-08-20"),
  DONE("eras_token", "2026-07-01"),
  DONE("eras_application", "2026-09-10"),
  DONE("nrmp_registration", "2026-09-20"),
  { key: "usmle_step3", status: "not_started" },
];
const INTERVIEWS: Interview[] = [
  {
    program: "Lenox Hill Internal Medicine",
    startsAt: "2026-12-15T10:00:00-05:00",
    timezone: "America/New_York",
    format: "virtual",
  },
];

describe("the cohort row of an applicant whose interview turns urgent with no re-plan", () => {
  const profile = profileFactory({
    applicantId: "a_rosa",
    fullName: "Rosa Dizon",
    timezone: "Asia/Manila",
    visa: "H-1B",
    graduation: "2021-04-30",
  });
  const state = { profile, milestones: MILESTONES, interviews: INTERVIEWS, ledger: [] };
  const stored = domainPlanning.plan(state, new Date("2026-12-07T15:57:00Z"));
  const row = {
    ...planFacts(stored, profile.timezone, INTERVIEWS),
    upcoming: lookAheadFacts(state, stored, domainPlanning),
  };

  it.each(["2026-12-07T20:00:00Z", "2026-12-08T16:07:00Z", "2026-12-10T09:00:00Z", "2026-12-14T09:00:00Z"])(
    "names what her page leads with at %s",
    (now) => {
      const fresh = planFacts(domainPlanning.plan(state, new Date(now)), profile.timezone, INTERVIEWS);
      expect(rowAsOf(row, now).nextDeadline).toEqual(fresh.nextDeadline);
    },
  );

  it("is the interview a day after she signed up, not Step 3 in March", () => {
    expect(rowAsOf(row, "2026-12-08T16:07:00Z").nextDeadline?.title).toBe(
      "Interview with Lenox Hill Internal Medicine (virtual): preparation",
    );
  });
});
