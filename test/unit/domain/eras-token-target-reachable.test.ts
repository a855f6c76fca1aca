import { describe, expect, it } from "vitest";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { profileFactory } from "#test/unit/usecases/fakes.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";

/**
 * Moved to the 2028 Match in Match Week (not matched, not in SOAP), the applicant heard first of the
 * next season's ERAS token on MyERAS opening day, "start now to finish by" that very day, and the
 * next day "your target date has passed": weeks before ECFMG releases IMG tokens (June 28 in 2023,
 * late June since). The target now leaves the release and the token's week: four weeks after
 * MyERAS opens, announced when it opens, and not passed the next day.
 */
const DECLINED: MilestoneEntry[] = [
  { key: "wdoms_listing", status: "done", date: "2022-04-01" },
  { key: "ecfmg_application", status: "done", date: "2023-03-01" },
  { key: "usmle_step1", status: "done", date: "2023-10-01" },
  { key: "usmle_step2ck", status: "done", date: "2024-08-20" },
  { key: "oet_medicine", status: "done", date: "2024-10-05" },
  { key: "ecfmg_pathway", status: "done", date: "2025-01-20" },
  { key: "ecfmg_certification", status: "done", date: "2025-03-15" },
  { key: "eras_token", status: "done", date: "2026-06-12" },
  { key: "eras_application", status: "done", date: "2026-09-10" },
  { key: "nrmp_registration", status: "done", date: "2026-10-02" },
  { key: "rank_order_list", status: "done", date: "2027-02-16" },
  { key: "soap", status: "waived", date: "2027-03-15" },
];
/** MyERAS opens for the 2028 Match (projected: first Wednesday of June, 9:00 AM ET). */
const MYERAS_OPENS = Date.parse("2027-06-02T13:00:00Z");
const DAY_MS = 86_400_000;

const planAt = (now: string) =>
  domainPlanning.plan(
    {
      profile: profileFactory({ applicantId: "a_tarek", fullName: "Tarek Nasser", timezone: "Asia/Amman" }),
      milestones: DECLINED,
      interviews: [],
      ledger: [],
    },
    new Date(now),
  );

describe("the next season's ERAS token of an applicant moved to it in Match Week", () => {
  it("is announced when MyERAS opens, with a target weeks later, past ECFMG's late-June release", () => {
    const plan = planAt("2027-03-22T09:00:00Z");
    const token = plan.nextSteps.find((step) => step.milestone === "eras_token");
    const target = Date.parse(token?.target?.at ?? "");
    expect(target).toBeGreaterThanOrEqual(Date.parse("2027-06-28T00:00:00Z"));
    const startBy = plan.reminders.find(
      (each) => each.milestone === "eras_token" && each.rung === "start-by",
    );
    const announced = Date.parse(startBy?.sendAt ?? "");
    expect(announced).toBeGreaterThanOrEqual(MYERAS_OPENS);
    // Its week to buy the token (the catalog's lead time) and more between the notice and the target.
    expect(target - announced).toBeGreaterThan(7 * DAY_MS);
  });

  it("is not called passed the day after MyERAS opens", () => {
    const plan = planAt("2027-06-03T09:00:00Z");
    const token = plan.nextSteps.find((step) => step.milestone === "eras_token");
    expect(Date.parse(token?.target?.at ?? "")).toBeGreaterThan(Date.parse(plan.now));
    expect(plan.risks.filter((risk) => risk.milestones?.includes("eras_token") ?? false)).toEqual([]);
    expect(
      plan.reminders.filter(
        (each) => each.milestone === "eras_token" && each.title.includes("target date has passed"),
      ),
    ).toEqual([]);
  });
});
