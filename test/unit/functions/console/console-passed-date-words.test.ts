import { describe, expect, it } from "vitest";
import { planFacts } from "#domain/console/row-as-of.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { doneMilestones, milestoneFactory, PRE_ERAS_KEYS } from "#test/unit/domain/factories.ts";
import { profileFactory } from "#test/unit/usecases/fakes.ts";
import type { ApplicantView } from "#usecases/console.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { timelineCard } from "../../../../functions/console/pages/timeline.ts";

// An H-1B applicant in Lima, certified, who certified a rank list and has not said where they
// matched by Tue 25 May 2027: Step 3's day for the petition (Fri 19 Mar 2027, our advice) passed two
// months ago, and Match Day's question is overdue since the contract's date (Fri 2 Apr 2027).

function limaUnreported(): ApplicantView {
  const milestones: MilestoneEntry[] = [
    ...doneMilestones([...PRE_ERAS_KEYS, "nrmp_registration"]),
    milestoneFactory("ecfmg_certification", "done", "2025-03-01"),
    milestoneFactory("rank_order_list", "done", "2027-02-12"),
  ];
  const state = {
    profile: profileFactory({ matchYear: 2027, visa: "H-1B", timezone: "America/Lima" }),
    milestones,
    interviews: [],
    ledger: [],
  };
  const now = new Date("2027-05-25T14:00:00Z");
  return { state, plan: domainPlanning.plan(state, now), audit: [], submissions: [], events: [] };
}

describe("the console never calls a passed date due, nor dates Match Day in July", () => {
  const view = limaUnreported();

  it("gives Step 3, waiting for where they matched with its passed day out of reach, no date on the applicant page", () => {
    // Its card calls that day out of reach and waits for the program: the row shows no date (the CLI
    // once showed a passed 19 Mar "urgent"), and the page never calls a passed date due.
    const step3 = view.plan.nextSteps.find((step) => step.milestone === "usmle_step3");
    expect(step3).toBeDefined();
    expect(step3?.deadline).toBeUndefined();
    const html = timelineCard(view, "2027-05-25");
    const item = html.slice(
      html.indexOf("USMLE Step 3"),
      html.indexOf("</li>", html.indexOf("USMLE Step 3")),
    );
    expect(item).toContain("no fixed deadline");
    expect(item).not.toMatch(/\bdue <time|\bdue Fri/);
  });

  it("never gives the cohort row Match Day's passed date, nor July, as its next date: the next email", () => {
    // Match Day's question is overdue since the contract's date (Fri 2 Apr 2027), and Step 3's day
    // passed too: no step's date is ahead, so the row names the next email, on the day it goes.
    const next = planFacts(view.plan, "America/Lima").nextDeadline;
    expect(next?.kind).toBe("email");
    expect(Date.parse(next?.at ?? "")).toBeGreaterThanOrEqual(Date.parse(view.plan.now));
    expect(next?.day).not.toBe("2027-07-01");
  });
});
