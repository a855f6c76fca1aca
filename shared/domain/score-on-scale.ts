import type * as z from "zod/v4/core";
import { MILESTONE_KEYS, SCORE_SCALES, type ScoreScale } from "./snapshot-keys.ts";

/** A milestone entry's score check (snapshot.ts): the scales are SCORE_SCALES, cited beside the keys. */

type MilestoneKey = (typeof MILESTONE_KEYS)[number];
type ScoredFields = {
  key: MilestoneKey;
  status?: string;
  date?: string | undefined;
  score?: number | undefined;
};

const SCORED = Object.keys(SCORE_SCALES).join(", ");
/** The entry's date as the schema takes it; the check runs even when the date itself is refused. */
const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** An entry whose key is a milestone key and whose score is a number, whatever else it holds. */
export function scoredEntry(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  const { key, score } = value as { key?: unknown; score?: unknown };
  return typeof score === "number" && (MILESTONE_KEYS as readonly unknown[]).includes(key);
}

/**
 * A score on its milestone's scale (SCORE_SCALES), naming the bound; none on a milestone with no score,
 * nor on a sitting its exam reports as pass/fail only.
 */
export function scoreOnScale(entry: ScoredFields, ctx: z.$RefinementCtx<ScoredFields>): void {
  if (entry.score === undefined) return;
  const scale = SCORE_SCALES[entry.key];
  const message =
    scale === undefined
      ? `must be left out: ${entry.key} reports no score (only ${SCORED} do)`
      : entry.score < scale.minimum || entry.score > scale.maximum
        ? `must be ${scale.what}, from ${scale.minimum} to ${scale.maximum} (${entry.key})`
        : passFailSitting(entry, scale);
  if (message !== undefined) ctx.addIssue({ code: "custom", path: ["score"], message, input: entry.score });
}

/**
 * The refusal of a score dated on a pass/fail sitting. The date is the sitting that earned the score in
 * every status but `scheduled`, where it is a booked retake's day and the score an earlier attempt's.
 */
function passFailSitting(entry: ScoredFields, scale: ScoreScale): string | undefined {
  const rule = scale.passFailFrom;
  if (rule === undefined || entry.status === "scheduled") return undefined;
  const { date } = entry;
  if (typeof date !== "string" || !CALENDAR_DAY.test(date) || date < rule.date) return undefined;
  return (
    `must be left out: ${entry.key} reports pass/fail only for exams taken on or after ${rule.date} ` +
    `(${rule.source}); this one is dated ${date}`
  );
}
