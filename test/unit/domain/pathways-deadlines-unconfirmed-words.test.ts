import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import {
  applicantFactory,
  DONE_BUT_OET_AND_PATHWAY,
  doneMilestones,
  inputFactory,
  milestoneFactory,
} from "./factories.ts";

/**
 * "ECFMG has not published its 2027 Pathways deadlines" states
 * as fact what Matchpath cannot know (ECFMG publishes a season's Pathways deadlines when it opens).
 * The risks say what we know, as the README's PROJECTED_NOTE puts projected dates: "ECFMG's 2027
 * Pathways deadlines are not yet confirmed in Matchpath's data".
 */
const NAIROBI = (open: MilestoneEntry[]) =>
  inputFactory({
    applicant: applicantFactory({
      externalId: "advs-wanjiru",
      fullName: "Wanjiru Kamau",
      timezone: "Africa/Nairobi",
      matchYear: 2027,
      graduation: "2024-11-30",
      medicalSchool: { name: "University of Nairobi", country: "KE", wdomsSponsorNote: true },
    }),
    milestones: [...doneMilestones(DONE_BUT_OET_AND_PATHWAY), ...open],
  });

const cases = [
  [
    "Pathway not started (kept until the latest candidate)",
    [
      milestoneFactory("oet_medicine", "done", "2026-10-01"),
      milestoneFactory("ecfmg_pathway", "not_started"),
    ],
  ],
  [
    "Pathway in progress, undated (critical, as one not started)",
    [
      milestoneFactory("oet_medicine", "done", "2026-10-01"),
      milestoneFactory("ecfmg_pathway", "in_progress"),
    ],
  ],
  [
    "OET late for the documents",
    [
      milestoneFactory("oet_medicine", "scheduled", "2027-01-22"),
      milestoneFactory("ecfmg_pathway", "in_progress", "2026-12-01"),
    ],
  ],
] as const;

describe("ECFMG's Pathways deadlines: not yet confirmed in Matchpath's data", () => {
  for (const [what, open] of cases) {
    it(what, () => {
      const result = plan(NAIROBI([...open]), seasonCalendar(2027), new Date("2027-01-06T07:00:00Z"));
      // Not started, or in progress with no date: kept until the latest candidate, in the words for it.
      if (what.includes("not started")) {
        const kept = result.risks.find((risk) => risk.code === "MATCH_YEAR_LAST_DAY")?.message;
        expect(kept).toContain("ECFMG's 2027 deadline is not confirmed");
        return;
      }
      const pathwayRisks = result.risks.filter((risk) => risk.message.includes("Pathways deadlines"));
      expect(pathwayRisks.length).toBeGreaterThan(0);
      for (const risk of pathwayRisks) {
        expect(risk.message).not.toContain("has not published");
        expect(risk.message).toContain(
          "ECFMG's 2027 Pathways deadlines are not yet confirmed in Matchpath's data",
        );
      }
    });
  }
});
