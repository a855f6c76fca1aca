import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { type PlannerInput, plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

/**
 * OET Medicine is sat on fixed session dates,
 * not at a test centre on demand: the USMLE seat week ("a test date usually takes about a week") is
 * not its lead time. Amina: Cairo, J-1, 2027 Match, registered, her Pathway submitted on 20 Nov 2026;
 * her OET booked for Sat 28 Nov 2026, no result. Its last sitting day is Tue 5 Jan 2027 (projected).
 * Yusuf: Cairo, Step 2 CK under way, OET not started, no ERAS yet (nn1).
 */
const calendar = seasonCalendar(2027);
const ZONE = "Africa/Cairo";

function amina(): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({ timezone: ZONE, matchYear: 2027, graduation: "2025-06-30" }),
    milestones: [
      ...doneMilestones(
        REGISTERED_KEYS.filter((key) => key !== "oet_medicine" && key !== "ecfmg_pathway"),
        "2026-09-14",
      ),
      milestoneFactory("ecfmg_pathway", "in_progress", "2026-11-20"),
      milestoneFactory("oet_medicine", "scheduled", "2026-11-28"),
    ],
  });
}

function yusuf(): PlannerInput {
  return inputFactory({
    applicant: applicantFactory({ timezone: ZONE, matchYear: 2027, graduation: "2025-06-30" }),
    milestones: [
      milestoneFactory("ecfmg_application", "done", "2024-03-10"),
      milestoneFactory("usmle_step1", "done", "2025-06-10"),
      milestoneFactory("usmle_step2ck", "in_progress"),
    ],
  });
}

const oetCard = (result: Plan) =>
  result.nextSteps.find((step) => step.milestone === "oet_medicine")?.action ?? "";
const texts = (result: Plan) => [oetCard(result), ...result.risks.map((risk) => risk.message)].join("\n");
const sources = (result: Plan) => result.risks.flatMap((risk) => risk.sources ?? []).join("\n");

describe("OET Medicine has its own booking lead time, not the USMLE seat week", () => {
  it("the card's re-sitting words name OET's sessions, not a week for a seat", () => {
    const result = plan(amina(), calendar, new Date("2026-12-20T08:00:00Z"));
    expect(oetCard(result)).toContain("Tue 5 Jan 2027");
    expect(oetCard(result)).toContain("check OET's session calendar");
    expect(texts(result)).not.toMatch(/OET[^.]*about a week/);
  });

  it("MATCH_YEAR_LAST_DAY counts OET's own lead time (advice) for its sitting", () => {
    const result = plan(yusuf(), calendar, new Date("2026-12-05T09:00:00Z"));
    const lastDay = result.risks.find((risk) => risk.code === "MATCH_YEAR_LAST_DAY");
    expect(lastDay?.message).toMatch(/Pass OET Medicine: [^;]*check OET's session calendar/);
    expect(lastDay?.message).not.toMatch(/Pass OET Medicine: [^;]*a test date within about 7 days/);
    expect(sources(result)).toMatch(/advice: [^\n]*OET[^\n]*check OET's session calendar/);
  });
});

describe("never 'sit it today … book a seat now'", () => {
  const onTheDay = plan(amina(), calendar, new Date("2027-01-05T08:00:00Z"));

  it("on the last sitting day the words say what is still possible: the later candidate's day", () => {
    expect(texts(onTheDay)).not.toMatch(/sit it today/);
    expect(texts(onTheDay)).not.toMatch(/book a seat now/);
    // NRMP's later candidate, Wed 3 Mar 2027: the Pathway's documents by 2 Feb, the OET sat by 12 Jan.
    expect(oetCard(onTheDay)).toContain("Tue 12 Jan 2027");
  });
});
