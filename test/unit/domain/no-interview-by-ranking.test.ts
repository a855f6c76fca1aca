import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { Interview } from "#domain/snapshot.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  interviewFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

/**
 * By ranking's opening, ERAS submitted and NRMP
 * registered but no interview recorded for the Match: a warning asks about interviews and says
 * what follows without one (SOAP, the next Match's plan). The plan does not move.
 */
const calendar = seasonCalendar(2027);
const OPENS = calendar.dates.nrmp_rank_order_list_entry_opens.at;

function planFor(now: number, interviews: Interview[] = [], keys = REGISTERED_KEYS): Plan {
  const applicant = applicantFactory({
    fullName: "Ngozi Eze",
    matchYear: 2027,
    timezone: "Africa/Nairobi",
    graduation: "2024-11-30",
    medicalSchool: { name: "Highlands University Medical School", country: "KE", wdomsSponsorNote: true },
  });
  return plan(
    inputFactory({ applicant, milestones: doneMilestones(keys, "2026-09-01"), interviews }),
    calendar,
    new Date(now),
  );
}
const risk = (result: Plan) => result.risks.find((each) => each.code === "NO_INTERVIEW_RECORDED");

describe("no interview recorded by ranking's opening", () => {
  it("asks about interviews, and names SOAP and the next Match's plan", () => {
    const result = planFor(OPENS + 60_000);
    const asked = risk(result);
    expect(asked?.severity).toBe("warning");
    expect(asked?.message).toContain("Have you had interviews? Tell us each one (the interview form)");
    expect(asked?.message).toContain(
      "without one, a rank order list cannot match: get ready for SOAP and start the 2028 Match's plan (letters, clinical experience, program list)",
    );
    expect(result.matchYear).toBe(2027);
  });

  it("is silent before ranking opens, with an interview recorded, or without NRMP registration", () => {
    expect(risk(planFor(OPENS - 60_000))).toBeUndefined();
    const interview = interviewFactory({ program: "Hillcrest IM", startsAt: "2026-12-02T09:00:00-05:00" });
    expect(risk(planFor(OPENS + 60_000, [interview]))).toBeUndefined();
    const unregistered = REGISTERED_KEYS.filter((key) => key !== "nrmp_registration");
    expect(risk(planFor(OPENS + 60_000, [], unregistered))).toBeUndefined();
  });
});
