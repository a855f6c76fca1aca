import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { MilestoneKey } from "#domain/snapshot.ts";
import { etInstant, localDate, renderDate } from "#domain/time.ts";
import {
  applicantFactory,
  doneMilestones,
  inputFactory,
  interviewFactory,
  milestoneFactory,
  REGISTERED_KEYS,
} from "./factories.ts";

/**
 * A deadline that is an instant in ET (the rank order list
 * deadline, its later candidate, Monday of Match Week's 10:00 AM ET release, the Pathway deadline
 * the later candidate moves) is never named by its ET day alone where the applicant's own day
 * differs: the text names the local day too (as `when` does: "Thu 25 Feb 2027, 3:00 PM GMT+13 (Wed
 * 24 Feb 2027, 9:00 PM ET)"). Days that are days (a last sitting day) are not checked here.
 */

const CALENDAR = seasonCalendar(2027);
const ROL = CALENDAR.dates.nrmp_rol_certification_and_late_registration_deadline;
const MONDAY = CALENDAR.dates.nrmp_match_week_start_and_soap_start;
const INSTANTS = [
  ROL.at,
  etInstant(ROL.latestCandidate?.date ?? ROL.date, ROL.time),
  MONDAY.at,
  // The Pathway application deadline on the later candidate (Sat 2 Jan 2027, 9:00 PM ET).
  etInstant("2027-01-02", ROL.time),
];
const ZONES = ["Pacific/Auckland", "Asia/Karachi", "America/Los_Angeles"];

/** "Wed 24 Feb": a day without its year, as the sentences name it with or without one. */
const day = (zone: string, at: number) => renderDate(localDate(zone, at)).replace(/ \d{4}$/, "");

/** Every risk message and step action of the plan that names an ET day whose local day differs, without it. */
function bareEtDays(input: ReturnType<typeof inputFactory>, now: string): string[] {
  const zone = input.applicant.timezone;
  const result = plan(input, CALENDAR, new Date(now));
  const texts = [
    ...result.risks.map((risk) => `${risk.code}: ${risk.message}`),
    ...[...result.nextSteps, ...result.overdue, ...result.blocked].map(
      (step) => `${step.milestone}: ${"action" in step ? step.action : ""}`,
    ),
  ];
  const bare: string[] = [];
  for (const at of INSTANTS) {
    const et = day("America/New_York", at);
    const local = day(zone, at);
    if (et === local) continue;
    for (const text of texts) if (text.includes(et) && !text.includes(local)) bare.push(`${et}: ${text}`);
  }
  // Monday of Match Week's release is named by its hour alone as well ("at 10:00 AM ET").
  const mondayLocal = day(zone, MONDAY.at);
  if (mondayLocal !== day("America/New_York", MONDAY.at))
    for (const text of texts)
      if (text.includes("10:00 AM ET") && !text.includes(mondayLocal)) bare.push(`10:00 AM ET: ${text}`);
  return bare;
}

const without = (keys: readonly MilestoneKey[], ...left: MilestoneKey[]) =>
  keys.filter((key) => !left.includes(key));

const interview = interviewFactory({ startsAt: "2026-12-08T09:00:00-05:00" });

/** An interviewing applicant in `zone` with everything to NRMP done but `open`, left as given. */
function interviewing(zone: string, open: MilestoneKey[], ...given: ReturnType<typeof milestoneFactory>[]) {
  return inputFactory({
    applicant: applicantFactory({ timezone: zone, matchYear: 2027, graduation: "2024-06-30" }),
    milestones: [...doneMilestones(without(REGISTERED_KEYS, ...open), "2026-09-12"), ...given],
    interviews: [interview],
  });
}

describe("an ET instant's day is never named alone where the applicant's day differs", () => {
  for (const zone of ZONES) {
    it(`${zone}: rank-list card, RANK_LIST_UNREPORTED, the later candidate, Match Week, the note question`, () => {
      const bare = [
        // NRMP registration not reported, 20 Dec: the rank-list card's "certify it by …".
        ...bareEtDays(interviewing(zone, ["nrmp_registration"]), "2026-12-20T09:00:00Z"),
        // Registered, no list reported, the day after the deadline: RANK_LIST_UNREPORTED.
        ...bareEtDays(interviewing(zone, []), "2027-02-25T12:00:00Z"),
        // A list and a result dated 4 Mar: ROL_DEADLINE_MAY_BE_LATER's two sentences.
        ...bareEtDays(
          interviewing(
            zone,
            ["usmle_step2ck"],
            milestoneFactory("usmle_step2ck", "done", "2027-03-04"),
            milestoneFactory("rank_order_list", "done", "2027-02-20"),
          ),
          "2027-03-05T06:00:00Z",
        ),
        ...bareEtDays(
          interviewing(zone, [], milestoneFactory("rank_order_list", "done", "2027-03-04")),
          "2027-03-05T06:00:00Z",
        ),
        // The Pathway not started after its projected deadline: the later candidate's "act by …".
        ...bareEtDays(
          interviewing(zone, ["ecfmg_pathway"], milestoneFactory("ecfmg_pathway", "not_started")),
          "2026-12-28T05:00:00Z",
        ),
        // A certified list on 10 Mar: the Match Week card's 10:00 AM ET.
        ...bareEtDays(
          interviewing(zone, [], milestoneFactory("rank_order_list", "done", "2027-02-10")),
          "2027-03-09T21:00:00Z",
        ),
        // The sponsor note answered "no" beside an interview: "late registration closes …".
        ...bareEtDays(
          inputFactory({
            applicant: applicantFactory({
              timezone: zone,
              matchYear: 2027,
              graduation: "2025-06-30",
              medicalSchool: { name: "Example Medical College", country: "IN", wdomsSponsorNote: false },
            }),
            interviews: [interview],
          }),
          "2027-01-20T05:00:00Z",
        ),
      ];
      expect(bare).toEqual([]);
    });
  }
});
