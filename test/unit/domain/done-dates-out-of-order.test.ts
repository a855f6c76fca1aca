import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * A step reported done on a date before a step it needs (the catalog's official prerequisites) is
 * asked about, both steps and both dates named (DONE_DATES_OUT_OF_ORDER, a warning); the plan keeps
 * both answers. Pairs whose order the dates do not show are not asked about. Matched and an
 * accepted SOAP offer together are MATCH_WEEK_SOAP_CONFLICT's question.
 */
const tunde = applicantFactory({
  fullName: "Tunde Adebayo",
  matchYear: 2027,
  timezone: "Africa/Lagos",
  visa: "J-1",
  graduation: "2024-07-31",
  medicalSchool: { name: "Ibadan Plains College of Medicine", country: "NG", wdomsSponsorNote: true },
});

/** A certified J-1 applicant through the rank order list, each step done in order. */
const IN_ORDER: readonly MilestoneEntry[] = [
  milestoneFactory("wdoms_listing", "done", "2026-10-20"),
  milestoneFactory("ecfmg_application", "done", "2024-09-02"),
  milestoneFactory("usmle_step1", "done", "2025-01-15"),
  { ...milestoneFactory("usmle_step2ck", "done", "2025-05-20"), score: 241 },
  milestoneFactory("oet_medicine", "done", "2025-07-01"),
  milestoneFactory("ecfmg_pathway", "done", "2025-08-25"),
  milestoneFactory("ecfmg_certification", "done", "2025-10-05"),
  milestoneFactory("eras_token", "done", "2026-06-08"),
  milestoneFactory("eras_application", "done", "2026-09-03"),
  milestoneFactory("nrmp_registration", "done", "2026-09-20"),
];

function planWith(changes: readonly MilestoneEntry[], now: string): Plan {
  const milestones = IN_ORDER.filter((entry) => !changes.some((each) => each.key === entry.key));
  return plan(
    inputFactory({ applicant: tunde, milestones: [...milestones, ...changes], interviews: [] }),
    seasonCalendar(2027),
    new Date(now),
  );
}

const asked = (result: Plan) => result.risks.find((risk) => risk.code === "DONE_DATES_OUT_OF_ORDER");

describe("done dates out of the catalog's order", () => {
  it("in order: no question (the WDOMS check dated after the application it allows is the look-up's day)", () => {
    expect(asked(planWith([], "2026-12-05T09:00:00+01:00"))).toBeUndefined();
  });

  it("Step 1 dated before the approved ECFMG application: both named with their dates", () => {
    const risk = asked(
      planWith([milestoneFactory("ecfmg_application", "done", "2025-03-01")], "2026-12-05T09:00:00+01:00"),
    );
    expect(risk?.severity).toBe("warning");
    expect(risk?.message).toContain(
      "Your answers date USMLE Step 1 Wed 15 Jan 2025, before your Application for ECFMG Certification (Sat 1 Mar 2025), though it needs that first: which date is right?",
    );
    expect(risk?.milestones).toEqual(["ecfmg_application", "usmle_step1"]);
    expect(risk?.sources).toContain("https://iwa2.ecfmg.org/Overview.asp");
  });

  it("the certificate dated before the exams and Pathway it needs: one sentence naming each", () => {
    const risk = asked(
      planWith([milestoneFactory("ecfmg_certification", "done", "2025-03-01")], "2026-12-05T09:00:00+01:00"),
    );
    expect(risk?.message).toContain(
      "ECFMG certification Sat 1 Mar 2025, before USMLE Step 2 CK (Tue 20 May 2025) and ECFMG Pathway (Mon 25 Aug 2025), though it needs each of them first: which dates are right?",
    );
  });

  it("the rank order list certified before NRMP registration: asked, both kept done", () => {
    const result = planWith(
      [
        milestoneFactory("nrmp_registration", "done", "2027-02-15"),
        milestoneFactory("rank_order_list", "done", "2027-02-10"),
      ],
      "2027-02-20T09:00:00+01:00",
    );
    expect(asked(result)?.message).toContain(
      "your rank order list's certification Wed 10 Feb 2027, before your NRMP registration (Mon 15 Feb 2027)",
    );
    expect(result.nextSteps.map((each) => each.milestone)).not.toContain("rank_order_list");
  });

  it("a contract signed before Match Day is asked; after an accepted SOAP offer it is the position", () => {
    const matched = [
      milestoneFactory("rank_order_list", "done", "2027-02-10"),
      milestoneFactory("match_week", "done", "2027-03-15"),
      milestoneFactory("match_day", "done", "2027-03-19"),
      milestoneFactory("contract", "done", "2027-03-01"),
    ];
    expect(asked(planWith(matched, "2027-04-01T09:00:00+01:00"))?.message).toContain(
      "your program contract Mon 1 Mar 2027, before Match Day (Fri 19 Mar 2027)",
    );
    const soap = [
      milestoneFactory("soap", "done", "2027-03-17"),
      milestoneFactory("match_day", "done", "2027-03-19"),
      milestoneFactory("contract", "done", "2027-03-18"),
    ];
    expect(asked(planWith(soap, "2027-04-01T09:00:00+01:00"))).toBeUndefined();
  });

  it("same day, the OET after the Pathway, a failed attempt, an exam before 2013: not asked", () => {
    const now = "2026-12-05T09:00:00+01:00";
    expect(asked(planWith([milestoneFactory("eras_token", "done", "2026-09-03")], now))).toBeUndefined();
    expect(asked(planWith([milestoneFactory("oet_medicine", "done", "2025-09-01")], now))).toBeUndefined();
    const failed = { ...milestoneFactory("usmle_step2ck", "done", "2025-11-20"), score: 200 };
    expect(asked(planWith([failed], now))).toBeUndefined();
    const early = [
      milestoneFactory("ecfmg_application", "done", "2013-05-01"),
      milestoneFactory("usmle_step1", "done", "2012-06-01"),
      { ...milestoneFactory("usmle_step2ck", "done", "2014-05-20"), score: 241 },
    ];
    expect(asked(planWith(early, now))).toBeUndefined();
  });
});

describe("Match Week done (matched) and SOAP done (an accepted offer)", () => {
  it("is MATCH_WEEK_SOAP_CONFLICT: both answers named, a notice of its own, the contract planned", () => {
    const result = planWith(
      [
        milestoneFactory("rank_order_list", "done", "2027-02-10"),
        milestoneFactory("match_week", "done", "2027-03-15"),
        milestoneFactory("soap", "done", "2027-03-17"),
      ],
      "2027-03-20T09:00:00+01:00",
    );
    const conflict = result.risks.find((risk) => risk.code === "MATCH_WEEK_SOAP_CONFLICT");
    expect(conflict?.severity).toBe("critical");
    expect(conflict?.message).toContain(
      "You marked Match Week done (matched) and SOAP done (you accepted a SOAP offer), so this plan reads a partial match completed in SOAP",
    );
    expect(conflict?.message).toContain(
      "If you matched to a full (categorical) position, SOAP was not open to you: tap “Not for me” on SOAP",
    );
    const notice = result.reminders.find((each) => each.risk === "MATCH_WEEK_SOAP_CONFLICT");
    expect(notice?.title).toBe(
      "Matched and a SOAP offer accepted: a partial match? Sign both contracts, or tell us which is right",
    );
    expect(result.nextSteps.map((each) => each.milestone)).toContain("contract");
  });
});
