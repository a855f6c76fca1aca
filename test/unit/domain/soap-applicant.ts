import { readFileSync } from "node:fs";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";
import { etInstant } from "#domain/time.ts";

/** The scenario whose 2027 rank order list is certified (test/fixtures/scenarios). */
const certified = ApplicantSnapshotSchema.parse(
  JSON.parse(
    readFileSync(new URL("../../fixtures/scenarios/rank-list-certified-2027.json", import.meta.url), "utf8"),
  ),
);

/** That applicant in `timezone` (and at `reminderTime`, if given), taking part in SOAP. */
export const inSoap = (timezone: string, reminderTime?: string): ApplicantSnapshot =>
  ApplicantSnapshotSchema.parse({
    ...certified,
    applicant: { ...certified.applicant, timezone, ...(reminderTime === undefined ? {} : { reminderTime }) },
    milestones: [
      ...certified.milestones.filter((m) => m.key !== "soap"),
      { key: "soap", status: "in_progress" },
    ],
  });

/** The plan of `snapshot` for its own Match year at `now` (ISO). */
export const planAt = (snapshot: ApplicantSnapshot, now: string): Plan =>
  plan(snapshot, seasonCalendar(snapshot.applicant.matchYear), new Date(now));

/**
 * The ET instant each SOAP rung is about (2027: Match Week Mon 15 – Thu 18 Mar): the start of that
 * ET day's SOAP business, 9:00 AM ET, the earliest hour NRMP has opened a SOAP day's offers with.
 */
export const SOAP_ROUND_ET: Readonly<Record<string, number>> = {
  "soap-before-offer-rounds": etInstant("2027-03-16", "09:00"),
  "soap-offer-round": etInstant("2027-03-17", "09:00"),
  "soap-last-offer-rounds": etInstant("2027-03-18", "09:00"),
};
