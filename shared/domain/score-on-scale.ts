import type * as z from "zod/v4/core";
import { MILESTONE_KEYS, SCORE_SCALES } from "./snapshot-keys.ts";

/** A milestone entry's score check (snapshot.ts): the scales are SCORE_SCALES, cited beside the keys. */

type MilestoneKey = (typeof MILESTONE_KEYS)[number];
type ScoredFields = { key: MilestoneKey; score?: number | undefined };

const SCORED = Object.keys(SCORE_SCALES).join(", ");

/** An entry whose key is a milestone key and whose score is a number, whatever else it holds. */
export function scoredEntry(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  const { key, score } = value as { key?: unknown; score?: unknown };
  return typeof score === "number" && (MILESTONE_KEYS as readonly unknown[]).includes(key);
}

/** A score on its milestone's scale (SCORE_SCALES), naming the bound; none on a milestone with no score. */
export function scoreOnScale(entry: ScoredFields, ctx: z.$RefinementCtx<ScoredFields>): void {
  if (entry.score === undefined) return;
  const scale = SCORE_SCALES[entry.key];
  const message =
    scale === undefined
      ? `must be left out: ${entry.key} reports no score (only ${SCORED} do)`
      : entry.score < scale.minimum || entry.score > scale.maximum
        ? `must be ${scale.what}, from ${scale.minimum} to ${scale.maximum} (${entry.key})`
        : undefined;
  if (message !== undefined) ctx.addIssue({ code: "custom", path: ["score"], message, input: entry.score });
}
