import { describe, expect, it } from "vitest";
import { catalogEntry } from "#domain/catalog/index.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

/**
 * A claim cites the official page that says it. "ECFMG approves the Application
 * for ECFMG Certification before USMLE registration" cites ECFMG's own USMLE application overview
 * (usmle.org stays, for "registration is with FSMB"); "an H-1B for residency needs Steps 1, 2 and 3"
 * cites HHS's determination that USMLE Steps 1, 2 and 3 are the FLEX-equivalent exam for an H-1B
 * physician (the law firm's page from the fact sheet stays, as secondary, in the note).
 */
const ECFMG_BEFORE_USMLE = "https://iwa2.ecfmg.org/Overview.asp";
const USMLE_FSMB = "https://www.usmle.org/path-licensure";
const HHS_H1B_STEPS =
  "https://webharvest.gov/peth04/20041022004624/http://hhs.gov/news/press/pre1995pres/920916.txt";
const LAW_FIRM = "aa-law.com";

const prerequisite = (key: Parameters<typeof catalogEntry>[0], on: string) =>
  catalogEntry(key).prerequisites.find((each) => each.key === on);

describe("an approved ECFMG application before USMLE registration: ECFMG's page", () => {
  it("in the application's why, with usmle.org kept for FSMB", () => {
    const why = catalogEntry("ecfmg_application").why;
    expect(why.source).toBe(ECFMG_BEFORE_USMLE);
    expect(why.note).toContain(USMLE_FSMB);
  });

  it.each(["usmle_step1", "usmle_step2ck"] as const)("in %s's prerequisite", (key) => {
    const cited = prerequisite(key, "ecfmg_application");
    expect(cited?.source).toBe(ECFMG_BEFORE_USMLE);
    expect(cited?.basis).toBe("official");
  });
});

describe("an H-1B needs Steps 1, 2 and 3: HHS's determination, the law firm as secondary", () => {
  const cited = [
    ["usmle_step3 why", catalogEntry("usmle_step3").why],
    ["usmle_step3 applies", catalogEntry("usmle_step3").applies],
    ["visa_h1b applies", catalogEntry("visa_h1b").applies],
    ["visa_h1b's Step 3 prerequisite", prerequisite("visa_h1b", "usmle_step3")],
  ] as const;

  it.each(cited)("%s", (_name, citation) => {
    expect(citation?.source).toBe(HHS_H1B_STEPS);
    expect(citation?.basis).toBe("official");
    expect(citation?.note).toContain(LAW_FIRM);
  });

  it("VISA_NOT_READY_FOR_START lists it (Cairo, matched on H-1B, certificate pending on 25 Apr 2027)", () => {
    const input = matched2027("Africa/Cairo", {
      visa: "H-1B",
      extra: [milestoneFactory("ecfmg_certification", "in_progress")],
    });
    const result = plan(input, seasonCalendar(2027), new Date("2027-04-25T08:00:00Z"));
    const risk = result.risks.find((each) => each.code === "VISA_NOT_READY_FOR_START");
    expect(risk).toBeDefined();
    // The risk cites each late step's why: Step 3's is now the primary (the law firm stays in its note),
    // labelled as the source of the requirement, not of the projected date.
    expect(risk?.sources).toContain(`${HHS_H1B_STEPS} (what the step requires, not its date)`);
    expect(risk?.sources?.some((source) => source.includes(LAW_FIRM))).toBe(false);
  });
});

describe("VISA_UNDECIDED after ranking lists HHS's page beside the law firm's", () => {
  it("Lima, matched in 2027 with no visa route chosen, on 1 Apr 2027", () => {
    const input = matched2027("America/Lima", { visa: "undecided" });
    const result = plan(input, seasonCalendar(2027), new Date("2027-04-01T15:00:00Z"));
    const risk = result.risks.find((each) => each.code === "VISA_UNDECIDED");
    expect(risk?.sources?.some((source) => source.startsWith(HHS_H1B_STEPS))).toBe(true);
    expect(risk?.sources?.some((source) => source.includes(LAW_FIRM))).toBe(true);
  });
});

describe("ANSWERS_CONTRADICT_INTERVIEW cites ECFMG's page beside usmle.org", () => {
  it("Dhaka, ECFMG application in progress, an interview on 9 Dec 2026", () => {
    const result = plan(
      {
        applicant: {
          externalId: "dhaka-g",
          email: "rafi@example.org",
          fullName: "Rafi Ahmed",
          timezone: "Asia/Dhaka",
          matchYear: 2027,
          specialties: ["Pediatrics"],
          visa: "J-1",
          graduation: "2025-01-31",
          medicalSchool: { name: "Example Medical College", country: "BD", wdomsSponsorNote: true },
          programsPlanned: 60,
        },
        milestones: [milestoneFactory("ecfmg_application", "in_progress")],
        interviews: [
          {
            program: "Lakeside Pediatrics",
            startsAt: "2026-12-09T10:00:00-05:00",
            timezone: "America/New_York",
            format: "virtual",
          },
        ],
      },
      seasonCalendar(2027),
      new Date("2026-11-30T06:00:00Z"),
    );
    const risk = result.risks.find((each) => each.code === "ANSWERS_CONTRADICT_INTERVIEW");
    expect(risk?.sources).toContain(ECFMG_BEFORE_USMLE);
    expect(risk?.sources).toContain(USMLE_FSMB);
  });
});
