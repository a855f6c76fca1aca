import { startsAtMatchesZone } from "../interview-offset.ts";
import type { PlannerInput } from "../planner.ts";
import {
  IanaZoneSchema,
  type Interview,
  MilestoneKeySchema,
  MilestoneStatusSchema,
  type MilestoneUpdate,
  type TrackChange,
  TypedDateSchema,
  TypedInstantWithOffsetSchema,
  VisaSchema,
} from "../snapshot.ts";
import * as z from "../zod-mini.ts";

// The difference a what-if makes (its totals, and its steps' rows) lives beside it; importers of
// what-if.ts keep finding it here.
export { type PlanDiff, planDiff } from "./what-if-diff.ts";
export {
  type EarlierSeasonWork,
  earlierSeasonWork,
  type StepChange,
  type StepState,
} from "./what-if-steps.ts";

/**
 * What an advisor may try on an applicant's plan without saving: a milestone's status or date, an
 * interview added or moved (same id), another visa track, another Match year. Dates keep the
 * intake's years (DATE_YEARS): 0001-01-01 is a typo, refused naming the field.
 */
export const WhatIfChangeSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("milestone"),
    key: MilestoneKeySchema,
    status: MilestoneStatusSchema,
    date: z.optional(TypedDateSchema),
  }),
  z
    .object({
      kind: z.literal("interview"),
      /** An existing interview's id moves it; no id adds one. */
      id: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_.:-]{1,80}$/))),
      program: z.string().check(z.trim(), z.minLength(1), z.maxLength(300)),
      startsAt: TypedInstantWithOffsetSchema,
      timezone: IanaZoneSchema,
      format: z.enum(["virtual", "in_person"]),
    })
    .check(z.superRefine(startsAtMatchesZone)),
  z.object({ kind: z.literal("visa"), visa: VisaSchema }),
  z.object({
    kind: z.literal("matchYear"),
    matchYear: z.number().check(z.int(), z.minimum(2026), z.maximum(2100)),
  }),
]);
export type WhatIfChange = z.infer<typeof WhatIfChangeSchema>;

/** The planner input with the changes applied, in order. Pure: the input is not modified. */
export function applyWhatIf(input: PlannerInput, changes: readonly WhatIfChange[]): PlannerInput {
  let applicant = input.applicant;
  const milestones = [...input.milestones];
  const interviews = [...input.interviews];
  for (const change of changes) {
    switch (change.kind) {
      case "milestone": {
        const entry = {
          key: change.key,
          status: change.status,
          ...(change.date ? { date: change.date } : {}),
        };
        const index = milestones.findIndex((milestone) => milestone.key === change.key);
        if (index >= 0) milestones[index] = { ...milestones[index], ...entry };
        else milestones.push(entry);
        break;
      }
      case "interview": {
        const { kind: _kind, ...interview } = change;
        // Without an id, the store keeps a new interview at a recorded one's program and start
        // instant under that one's id (intake-writes.ts, interviewWithId): it replaces it, as here.
        const index =
          change.id === undefined
            ? interviews.findIndex((item) => sameSlot(item, change))
            : interviews.findIndex((item) => item.id === change.id);
        const id = change.id ?? (index >= 0 ? interviews[index]?.id : undefined);
        const next = { ...interview, ...(id === undefined ? {} : { id }) } as Interview;
        if (index >= 0) interviews[index] = next;
        else interviews.push(next);
        break;
      }
      case "visa":
        applicant = { ...applicant, visa: change.visa };
        break;
      case "matchYear":
        applicant = { ...applicant, matchYear: change.matchYear };
        break;
    }
  }
  // The rest of the input as given (the sign-up the WDOMS check counts from): only the record changes.
  return { ...input, applicant, milestones, interviews };
}

/** One program at one start instant, whatever its UTC offset: the store's identity of an interview without an id. */
function sameSlot(
  a: Pick<Interview, "program" | "startsAt">,
  b: Pick<Interview, "program" | "startsAt">,
): boolean {
  return a.program.trim() === b.program.trim() && Date.parse(a.startsAt) === Date.parse(b.startsAt);
}

/**
 * Whether two planner inputs hold the same record, as the store would keep it: interviews compared
 * by id, program, start instant (not its offset's text), zone and format, in any order. Pure.
 */
export function sameRecord(a: PlannerInput, b: PlannerInput): boolean {
  const interviews = (input: PlannerInput) =>
    input.interviews
      .map((interview) =>
        JSON.stringify([
          interview.id ?? null,
          interview.program.trim(),
          Date.parse(interview.startsAt),
          interview.timezone,
          interview.format,
        ]),
      )
      .sort();
  return (
    JSON.stringify(a.applicant) === JSON.stringify(b.applicant) &&
    JSON.stringify(a.milestones) === JSON.stringify(b.milestones) &&
    JSON.stringify(interviews(a)) === JSON.stringify(interviews(b))
  );
}

/**
 * The changes as one `milestone.update`, the contract intake already accepts: milestones and
 * interviews as listed, a visa or Match year as its `track` (the last of each kind wins, as in
 * applyWhatIf). Undefined only for no change at all. Pure.
 */
export function whatIfAsUpdate(
  changes: readonly WhatIfChange[],
  externalId: string,
  submissionId: string,
): MilestoneUpdate | undefined {
  if (changes.length === 0) return undefined;
  const milestones = changes.flatMap((change) =>
    change.kind === "milestone"
      ? [{ key: change.key, status: change.status, ...(change.date ? { date: change.date } : {}) }]
      : [],
  );
  const interviews = changes.flatMap((change) => {
    if (change.kind !== "interview") return [];
    const { kind: _kind, ...interview } = change;
    return [interview as Interview];
  });
  const track: TrackChange = {};
  for (const change of changes) {
    if (change.kind === "visa") track.visa = change.visa;
    if (change.kind === "matchYear") track.matchYear = change.matchYear;
  }
  return {
    type: "milestone.update",
    submissionId,
    applicant: { externalId },
    milestones,
    ...(interviews.length > 0 ? { interviews } : {}),
    ...(Object.keys(track).length > 0 ? { track } : {}),
  };
}

/** Interview changes that name an id the applicant has no interview with (moving needs one). Pure. */
export function unknownInterviewIds(
  interviews: readonly Interview[],
  changes: readonly WhatIfChange[],
): { path: string; message: string }[] {
  const known = new Set(interviews.map((interview) => interview.id));
  return changes.flatMap((change, index) =>
    change.kind === "interview" && change.id !== undefined && !known.has(change.id)
      ? [{ path: `${index}.id`, message: `the applicant has no interview ${change.id} to move` }]
      : [],
  );
}
