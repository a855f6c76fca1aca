import { describe, expect, it } from "vitest";
import { reminderDateLabel } from "#domain/date-words.ts";
import type { MilestoneKey, MilestoneStatus } from "#domain/snapshot.ts";
import { planFor, sendsOf } from "./advisor-road.ts";
import { applicantFactory, inputFactory, milestoneFactory, REGISTERED_KEYS } from "./factories.ts";

/**
 * NRMP registration begun (in progress) but not finished when the early registration deadline
 * passes: an advisor writes the next morning what finishes it (pay the late fee, complete it in R3,
 * programs build their lists now), as to the applicant who has not started. Its ladder's start-by
 * went to the one not started only, and a planned day's question to a planned day only: the begun
 * one heard nothing for twelve days, until the fortnightly reminder.
 */
// The registered applicant's steps (REGISTERED_KEYS) up to NRMP, and the certificate.
const DONE_BEFORE: readonly MilestoneKey[] = [
  ...REGISTERED_KEYS.filter((key) => key !== "nrmp_registration"),
  "ecfmg_certification",
];

function registrant(timezone: string, status: MilestoneStatus) {
  return inputFactory({
    applicant: applicantFactory({ timezone, matchYear: 2027, graduation: "2024-11-30" }),
    milestones: [
      ...DONE_BEFORE.map((key) => milestoneFactory(key, "done", "2026-09-10")),
      milestoneFactory("nrmp_registration", status),
    ],
  });
}

const firstSend = (timezone: string, status: MilestoneStatus, now: string) =>
  sendsOf(planFor(registrant(timezone, status), now), "nrmp_registration")[0];

describe("NRMP registration in progress once the early registration deadline has passed", () => {
  it("in Auckland, a sign-up on Wed 2 Dec hears Thu 3 Dec at 9:00, as the one not started does", () => {
    const now = "2026-12-02T10:00:00+13:00";
    const begun = firstSend("Pacific/Auckland", "in_progress", now);
    expect(begun?.sendAtLocal).toBe("2026-12-03T09:00:00.000+13:00");
    expect(firstSend("Pacific/Auckland", "not_started", now)?.sendAtLocal).toBe(begun?.sendAtLocal);
  });

  it("in Auckland, planned before the deadline, the morning after it (Wed 2 Dec) is not skipped", () => {
    const result = planFor(registrant("Pacific/Auckland", "in_progress"), "2026-12-01T19:00:00+13:00");
    expect(sendsOf(result, "nrmp_registration")[0]?.sendAtLocal).toBe("2026-12-02T09:00:00.000+13:00");
  });

  it("in Honolulu, the deadline Mon 30 Nov at 6:59 PM: told Tue 1 Dec at 9:00 what finishes it, never to start", () => {
    const result = planFor(registrant("Pacific/Honolulu", "in_progress"), "2026-11-30T20:00:00-10:00");
    const first = sendsOf(result, "nrmp_registration")[0];
    expect(first?.sendAtLocal).toBe("2026-12-01T09:00:00.000-10:00");
    expect(first && reminderDateLabel(first).label).toBe("Due");
    const card = result.nextSteps.find((step) => step.milestone === "nrmp_registration");
    expect(card?.action).toContain("your NRMP registration is begun, not complete: finish it in R3 now");
  });

  it("a planned day keeps its own question the morning after that day, and no such reminder before", () => {
    const input = registrant("Pacific/Honolulu", "scheduled");
    const nrmp = input.milestones.find((each) => each.key === "nrmp_registration");
    if (nrmp !== undefined) nrmp.date = "2026-12-05";
    const sends = sendsOf(planFor(input, "2026-11-30T20:00:00-10:00"), "nrmp_registration");
    expect(sends[0]?.sendAtLocal).toBe("2026-12-06T09:00:00.000-10:00");
  });
});
