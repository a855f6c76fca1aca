import { describe, expect, it } from "vitest";
import { pathwayDeadline } from "#domain/planner/pathway-deadlines.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, inputFactory, milestoneFactory } from "./factories.ts";

/**
 * Once the Match is over for the applicant (never registered with NRMP: the plan has moved to the
 * next Match, NRMP_REGISTRATION_CLOSED) with the Pathway not done, the Pathway step is the next Match's, dated by that Match's Pathways
 * deadline (projected), in the words of a plan moved to a later Match; never "result pending"
 * against the past season's deadline, and the season's cards never say the certification carries over.
 * Our applicant: Hamza in Lahore, 2027 Match, exams and OET done, a Pathway sent on 10 Nov 2026
 * that ECFMG never answered, no ERAS or NRMP step reported.
 */
const hamza = (status: "in_progress" | "scheduled" | "not_started") =>
  inputFactory({
    applicant: applicantFactory({
      externalId: "hamza-lahore",
      fullName: "Hamza Siddiqui",
      timezone: "Asia/Karachi",
      matchYear: 2027,
      graduation: "2024-11-20",
      medicalSchool: { name: "Example Lahore Medical College", country: "PK", wdomsSponsorNote: true },
    }),
    milestones: [
      milestoneFactory("wdoms_listing", "done", "2025-02-01"),
      milestoneFactory("ecfmg_application", "done", "2025-02-10"),
      milestoneFactory("usmle_step1", "done", "2025-04-02"),
      milestoneFactory("usmle_step2ck", "done", "2025-10-14"),
      milestoneFactory("oet_medicine", "done", "2026-06-20"),
      status === "not_started"
        ? milestoneFactory("ecfmg_pathway", status)
        : milestoneFactory("ecfmg_pathway", status, "2026-11-10"),
    ],
  });

const calendar = seasonCalendar(2027);
const nextDeadline = pathwayDeadline(seasonCalendar(2028));

describe.each(["2027-12-05T09:00:00Z", "2027-10-15T09:00:00Z"])(
  "season over, Pathway not done, at %s",
  (at) => {
    const now = new Date(at);

    it("the in-progress Pathway is the 2028 Match's, by its Pathways deadline, in the moved plan's words", () => {
      const result = plan(hamza("in_progress"), calendar, now);
      expect(result.risks.map((risk) => risk.code)).toContain("NRMP_REGISTRATION_CLOSED");
      const step = result.nextSteps.find((next) => next.milestone === "ecfmg_pathway");
      expect(step).toBeDefined();
      expect(step?.dueBy).toBe(new Date(nextDeadline ?? 0).toISOString());
      expect(step?.deadline?.status).toBe("projected");
      expect(step?.action).toContain(
        "Your Pathway application of Tue 10 Nov 2026 was for the 2027 Match, which is out of reach, and ECFMG decides an application for one Match season only: your Pathway is now for the 2028 Match.",
      );
      expect(step?.action).toContain("Apply once ECFMG's 2028 Pathways are open");
      expect(step?.action).not.toContain("Did ECFMG accept it?");
      expect(result.overdue.map((entry) => entry.milestone)).not.toContain("ecfmg_pathway");
      expect(result.risks.map((risk) => risk.code)).not.toContain("SCHEDULED_DATE_PASSED");
    });

    it.each(["scheduled", "not_started"] as const)("a %s Pathway is the 2028 Match's too", (status) => {
      const result = plan(hamza(status), calendar, now);
      const step = result.nextSteps.find((next) => next.milestone === "ecfmg_pathway");
      expect(step?.dueBy).toBe(new Date(nextDeadline ?? 0).toISOString());
      expect(step?.action).toContain("your Pathway is now for the 2028 Match");
      expect(result.overdue.map((entry) => entry.milestone)).not.toContain("ecfmg_pathway");
    });

    it("the move's notice says the exams carry over, never the certification", () => {
      const result = plan(hamza("in_progress"), calendar, now);
      const moved = result.risks.find((risk) => risk.code === "NRMP_REGISTRATION_CLOSED")?.message ?? "";
      expect(moved).toContain("this plan now plans the 2028 Match");
      expect(moved).not.toContain("certification carry over");
      expect(moved).toContain("your exams carry over; your Pathway does not");
    });
  },
);
