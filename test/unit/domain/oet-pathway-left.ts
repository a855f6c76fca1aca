import type { PlannerInput } from "#domain/planner.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

/**
 * A J-1 applicant of the 2027 Match in `timezone` with every step up to NRMP registration done (Steps 1
 * and 2 CK, ERAS, NRMP; 20 Sep 2026) but the OET (not started) and the ECFMG Pathway (`pathway`): the
 * applicant the Pathway-past-its-projected-deadline tests share.
 */
export function oetAndPathwayLeft(timezone: string, pathway: MilestoneEntry): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({ matchYear: 2027, timezone, visa: "J-1", graduation: "2024-05-20" }),
    milestones: [
      ...doneMilestones(
        REGISTERED_KEYS.filter((key) => key !== "oet_medicine" && key !== "ecfmg_pathway"),
        "2026-09-20",
      ),
      milestoneFactory("oet_medicine", "not_started"),
      pathway,
    ],
  });
}
