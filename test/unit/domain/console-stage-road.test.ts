import { describe, expect, it } from "vitest";
import { STAGE_LABELS, stageOf } from "#domain/console/stage.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  interviewFactory,
  milestoneFactory,
  PRE_ERAS_KEYS,
  REGISTERED_KEYS,
} from "./factories.ts";

/**
 * The cohort's stage follows the road: each stage for one applicant of the 2027 Match (Lima, J-1),
 * from the sponsor note to the visa. ECFMG certification, due by residency's start, is left open
 * throughout, as most applicants leave it until after the Match: once the list is certified it no
 * longer stands them back at "Exams and ECFMG".
 */
const applicant = (wdomsSponsorNote: boolean | null = true) =>
  applicantFactory({
    fullName: "Mateo Quispe",
    timezone: "America/Lima",
    matchYear: 2027,
    graduation: "2025-06-30",
    medicalSchool: { name: "Universidad de Ejemplo", country: "PE", wdomsSponsorNote },
  });

const stageAt = (now: string, milestones: MilestoneEntry[], wdomsSponsorNote: boolean | null = true) => {
  const input = inputFactory({
    applicant: applicant(wdomsSponsorNote),
    milestones,
    interviews: [interviewFactory({ startsAt: "2026-12-10T10:00:00-05:00" })],
  });
  return STAGE_LABELS[stageOf(plan(input, seasonCalendar(2027), new Date(now)))];
};

const registered = () => doneMilestones(REGISTERED_KEYS, "2026-09-01");
const certified = () => [...registered(), milestoneFactory("rank_order_list", "done", "2027-01-16")];
const matchedMonday = () => [...certified(), milestoneFactory("match_week", "done", "2027-03-15")];

describe("the cohort's stage along the road, with ECFMG certification still open", () => {
  it("is the sponsor note while the school's note is unknown", () => {
    expect(stageAt("2026-06-01T15:00:00Z", [], null)).toBe("School's ECFMG sponsor note");
  });

  it("is exams and ECFMG with nothing done", () => {
    expect(stageAt("2026-06-01T15:00:00Z", [])).toBe("Exams and ECFMG");
  });

  it("is the ERAS application once the exams are done", () => {
    const examsDone = doneMilestones(PRE_ERAS_KEYS, "2026-05-01").filter((entry) =>
      [
        "wdoms_listing",
        "ecfmg_application",
        "usmle_step1",
        "usmle_step2ck",
        "oet_medicine",
        "ecfmg_pathway",
      ].includes(entry.key),
    );
    expect(
      stageAt("2026-06-01T15:00:00Z", [
        ...examsDone,
        milestoneFactory("ecfmg_certification", "done", "2026-05-20"),
      ]),
    ).toBe("ERAS application");
  });

  it("is the interviews with an interview ahead", () => {
    expect(
      stageAt("2026-12-01T15:00:00Z", [
        ...registered(),
        milestoneFactory("ecfmg_certification", "done", "2026-10-01"),
      ]),
    ).toBe("Interviews");
  });

  it.each(["2027-01-16T20:00:00Z", "2027-03-01T15:00:00Z"])(
    "is the rank order list once the list is certified (%s)",
    (now) => {
      expect(stageAt(now, certified())).toBe("Rank order list");
    },
  );

  it.each(["2027-03-16T15:00:00Z", "2027-04-20T15:00:00Z", "2027-06-20T15:00:00Z"])(
    "is the visa once NRMP's Monday answer was matched (%s)",
    (now) => {
      expect(stageAt(now, matchedMonday())).toBe("Visa");
    },
  );

  it("is the visa once Match Day is told", () => {
    const told = [...matchedMonday(), milestoneFactory("match_day", "done", "2027-03-19")];
    expect(stageAt("2027-04-20T15:00:00Z", told)).toBe("Visa");
  });
});
