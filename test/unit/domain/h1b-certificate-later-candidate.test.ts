import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  interviewFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

/**
 * H-1B in Phoenix, certificate pending, Step 3 not started, between
 * the projected deadline's apply-by day (Wed 6 Jan 2027) and the later candidate's (Wed 13 Jan). The
 * Step 3 risk says "get your ECFMG certificate and apply to FSMB by Wed 13 Jan"; the certificate card
 * must agree, not call ranking on H-1B out of reach outright. Once 13 Jan has passed it may.
 */
function ana(): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({
      externalId: "certificate-later-candidate",
      timezone: "America/Phoenix",
      matchYear: 2027,
      graduation: "2024-05-31",
      visa: "H-1B",
    }),
    milestones: [
      ...doneMilestones(REGISTERED_KEYS, "2025-10-01"),
      milestoneFactory("ecfmg_certification", "in_progress"),
      milestoneFactory("usmle_step3", "not_started"),
    ],
    interviews: [interviewFactory({ startsAt: "2026-12-09T10:00:00-07:00" })],
  });
}
const at = (iso: string): Plan => plan(ana(), seasonCalendar(2027), new Date(iso));
const certificateCard = (result: Plan) =>
  [...result.nextSteps, ...result.blocked].find((step) => step.milestone === "ecfmg_certification");
const cardText = (result: Plan) => {
  const card = certificateCard(result);
  return card === undefined ? "" : "action" in card ? card.action : card.why;
};

describe("H-1B certificate pending between the two apply-by days", () => {
  it("on Sun 10 Jan 2027 the certificate card carries the later candidate, as the Step 3 risk does", () => {
    const result = at("2027-01-10T17:00:00Z");
    const risk = result.risks.find((candidate) => candidate.code === "STEP3_NEEDED_FOR_H1B");
    expect(risk?.message).toContain("get your ECFMG certificate and apply to FSMB by Wed 13 Jan 2027");
    const text = cardText(result);
    expect(text).toContain(
      "if it is issued by Wed 13 Jan 2027 and you apply to FSMB that day, Step 3 can still count if NRMP's 2027 deadline is the later candidate",
    );
    expect(text).not.toContain("most likely out of reach (see the Step 3 risk)");
  });

  it("on Fri 15 Jan 2027, past that day, the card says out of reach", () => {
    expect(cardText(at("2027-01-15T17:00:00Z"))).toContain("most likely out of reach");
  });
});
