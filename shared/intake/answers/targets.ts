import * as z from "zod";
import { ApplicantSchema, InterviewSchema, MedicalSchoolSchema, MILESTONE_KEYS } from "#domain/snapshot.ts";

/** Where a form answer may go: the snapshot paths a mapping's `to` may name, and the kind each holds. */

const APPLICANT_FIELDS = Object.keys(ApplicantSchema.shape).filter((key) => key !== "medicalSchool");
const SCHOOL_FIELDS = Object.keys(MedicalSchoolSchema.shape);
const MILESTONE_FIELDS = ["status", "date", "score", "note"] as const;
/** `status` ("scheduled" or "cancelled") only in a milestone.update: cancelling needs the interview's id. */
const INTERVIEW_FIELDS = [...Object.keys(InterviewSchema.shape), "status"];
/** A start built from separate answers: `interviews.N.startsAt.date`, `.time` and `.zone`. */
export const START_PARTS = ["date", "time", "zone"] as const;
const MAX_INTERVIEWS_PER_FORM = 10;

/**
 * Every snapshot path a form answer may fill, e.g. `applicant.email`, `milestones.usmle_step2ck.date`,
 * `interviews.0.startsAt`, `interviews.0.startsAt.time`.
 */
export function isTargetPath(path: string): boolean {
  const parts = path.split(".");
  const [root, a, b, c] = parts;
  if (root === "applicant") {
    if (parts.length === 2 && a !== undefined) return APPLICANT_FIELDS.includes(a);
    return parts.length === 3 && a === "medicalSchool" && b !== undefined && SCHOOL_FIELDS.includes(b);
  }
  if (root === "milestones") {
    return (
      parts.length === 3 &&
      (MILESTONE_KEYS as readonly string[]).includes(a ?? "") &&
      (MILESTONE_FIELDS as readonly string[]).includes(b ?? "")
    );
  }
  if (root === "interviews") {
    if (!/^\d+$/.test(a ?? "") || Number(a) >= MAX_INTERVIEWS_PER_FORM) return false;
    if (parts.length === 3) return INTERVIEW_FIELDS.includes(b ?? "");
    return parts.length === 4 && b === "startsAt" && (START_PARTS as readonly string[]).includes(c ?? "");
  }
  return false;
}

export type TargetKind = "number" | "boolean" | "list" | "text" | "instant" | "date" | "time" | "zone";

/** What a path holds: answers are converted by it unless a transform says otherwise. */
export function targetKind(path: string): TargetKind {
  if (
    path === "applicant.matchYear" ||
    path === "applicant.programsPlanned" ||
    /^milestones\.\w+\.score$/.test(path)
  ) {
    return "number";
  }
  if (path === "applicant.medicalSchool.wdomsSponsorNote" || path === "applicant.couplesMatch")
    return "boolean";
  if (path === "applicant.specialties") return "list";
  if (/^interviews\.\d+\.startsAt$/.test(path)) return "instant";
  if (/^interviews\.\d+\.startsAt\.date$/.test(path) || /^milestones\.\w+\.date$/.test(path)) return "date";
  if (path === "applicant.graduation") return "date";
  if (/^interviews\.\d+\.startsAt\.time$/.test(path) || path === "applicant.reminderTime") return "time";
  if (/^interviews\.\d+\.(startsAt\.zone|timezone)$/.test(path) || path === "applicant.timezone")
    return "zone";
  return "text";
}

export const TargetPathSchema = z.string().refine(isTargetPath, {
  error: (issue) =>
    `${String(issue.input)} is not a snapshot path; use applicant.<field>, applicant.medicalSchool.<field>, ` +
    "milestones.<milestone key>.(status|date|score|note), interviews.<0-9>.<field> or " +
    "interviews.<0-9>.startsAt.(date|time|zone)",
});
