import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  interviewFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

/**
 * Between the projected rank order list deadline (Wed 24 Feb
 * 2027) and its later candidate (Wed 3 Mar), an interviewing applicant who never reported NRMP
 * registration: RANK_LIST_UNREPORTED's "If you did not register" branch names the later candidate
 * (NRMP's late registration closes with the rank order list deadline), not only "the Match is over".
 */

/** Lina, in Manila, everything done but NRMP registration (not reported), interviewed in December. */
const lina = inputFactory({
  applicant: applicantFactory({
    externalId: "lina-manila",
    timezone: "Asia/Manila",
    matchYear: 2027,
    graduation: "2024-06-30",
    medicalSchool: { name: "Example Medical College", country: "PH", wdomsSponsorNote: true },
  }),
  milestones: doneMilestones(
    REGISTERED_KEYS.filter((key) => key !== "nrmp_registration"),
    "2026-09-12",
  ),
  interviews: [interviewFactory({ startsAt: "2026-12-09T09:00:00-05:00" })],
});

const rankListRisk = (now: string) =>
  plan(lina, seasonCalendar(2027), new Date(now)).risks.find((risk) => risk.code === "RANK_LIST_UNREPORTED")
    ?.message ?? "";

describe("unregistered, between the two candidates", () => {
  it("Fri 26 Feb: the unregistered branch says late registration may still be open until Wed 3 Mar", () => {
    const message = rankListRisk("2027-02-26T10:00:00+08:00");
    const branch = message.slice(message.indexOf("If you did not register"));
    expect(branch).toContain("NRMP's late registration closes with the rank order list deadline");
    expect(branch).toContain("Wed 3 Mar 2027, 9:00 PM ET");
    expect(branch).toContain("register and certify in R3 now; otherwise the 2027 Match is over for you");
  });

  it("Fri 5 Mar, after the later candidate: the Match is over, no later-candidate words", () => {
    const message = rankListRisk("2027-03-05T10:00:00+08:00");
    expect(message).toContain("If you did not register, the 2027 Match is over for you");
  });
});
