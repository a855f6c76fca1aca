import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { COHORT_SORTS, type CohortFilter, type CohortSort } from "#domain/console/cohort-row.ts";
import { STAGES } from "#domain/console/stage.ts";
import { type WhatIfChange, WhatIfChangeSchema } from "#domain/console/what-if.ts";
import { localStartIn, startsAtInZone } from "#domain/interview-offset.ts";
import { type Interview, type MilestoneKey, MilestoneKeySchema, TypedDateSchema } from "#domain/snapshot.ts";
import * as z from "#domain/zod-mini.ts";
import { InvalidInputError, parseOrThrow } from "#errors";
import { rawBody } from "#http/request.ts";
import { type CohortQuery, isStage } from "./pages/index.ts";

export function form(event: APIGatewayProxyEventV2): URLSearchParams {
  return new URLSearchParams(rawBody(event, 64 * 1024).toString("utf8"));
}

const CohortQuerySchema = z.object({
  risk: z.optional(z.enum(["critical", "any", ""])),
  sort: z._default(z.enum(COHORT_SORTS), "risk"),
  season: z.optional(
    z.string().check(z.regex(/^(\d{4})?$/, { message: "must be a Match year such as 2027" })),
  ),
  advisor: z.optional(z.string().check(z.maxLength(254))),
  stage: z.optional(z.enum(["", ...STAGES])),
  page: z._default(
    z.coerce
      .number({ message: "must be a page number such as 2" })
      .check(
        z.int({ message: "must be a page number such as 2" }),
        z.minimum(1, { message: "must be a page number such as 2" }),
        z.maximum(100_000),
      ),
    1,
  ),
});

export function cohortQuery(event: APIGatewayProxyEventV2): {
  query: CohortQuery;
  filter: CohortFilter;
  sort: CohortSort;
} {
  const raw = Object.fromEntries(new URLSearchParams(event.rawQueryString ?? ""));
  const { risk, sort, season, advisor, stage, page } = parseOrThrow(
    CohortQuerySchema,
    raw,
    "The cohort query is not valid",
  );
  const filter: CohortFilter = {};
  if (risk === "critical" || risk === "any") filter.risk = risk;
  if (season) filter.matchYear = Number(season);
  if (advisor) filter.advisorEmail = advisor;
  if (isStage(stage)) filter.stage = stage;
  const query: CohortQuery = { sort, page };
  if (risk) query.risk = risk;
  if (season) query.season = season;
  if (advisor) query.advisor = advisor;
  if (stage) query.stage = stage;
  return { query, filter, sort };
}

/**
 * The what-if form as a change: only the fields of the chosen kind are read. Moving one of
 * `interviews` (the applicant's), a field left empty keeps the interview's own: its program, its
 * local start, its zone and its format (without the form's script, the
 * zone defaulted to New York and moved a Chicago interview by an hour). A new interview with no
 * zone chosen is in New York, virtual unless said.
 */
export function whatIfChanges(body: URLSearchParams, interviews: readonly Interview[] = []): WhatIfChange[] {
  const saved = body.get("changes");
  const kind = body.get("kind");
  const movedId = body.get("interviewId");
  const moved = movedId ? interviews.find((interview) => interview.id === movedId) : undefined;
  const timezone = body.get("timezone") || moved?.timezone || "America/New_York";
  const typedStart =
    body.get("startsAt") || (moved ? (localStartIn(moved.startsAt, moved.timezone) ?? moved.startsAt) : null);
  const startsAt = interviewStart(typedStart, timezone);
  const candidate: unknown = saved
    ? safeJson(saved)
    : [
        kind === "milestone"
          ? {
              kind,
              key: body.get("key"),
              status: body.get("status"),
              ...(body.get("date") ? { date: body.get("date") } : {}),
            }
          : kind === "interview"
            ? {
                kind,
                ...(movedId ? { id: movedId } : {}),
                program: body.get("program")?.trim() || moved?.program || body.get("program"),
                startsAt,
                timezone,
                format: body.get("format") || moved?.format || "virtual",
              }
            : kind === "visa"
              ? { kind, visa: body.get("visa") }
              : { kind, matchYear: Number(body.get("matchYear")) },
      ];
  return parseOrThrow(
    z
      .array(WhatIfChangeSchema)
      .check(
        z.minLength(1, { message: "choose a change to try" }),
        z.maxLength(20, { message: "at most 20 changes at once" }),
      ),
    candidate,
    "The what-if is not valid",
  );
}

/**
 * The form's interview start: the program's local date and time with its zone's offset on that
 * date (startsAtInZone); a start typed with its offset as typed. Throws InvalidInputError naming
 * startsAt for a time the clocks skip in that zone.
 */
function interviewStart(typed: string | null, timezone: string): string | null {
  if (typed === null) return null;
  const startsAt = startsAtInZone(typed, timezone);
  if (startsAt === null)
    throw new InvalidInputError("The what-if is not valid", [
      { path: "0.startsAt", message: `${typed} is not a time in ${timezone}: the clocks skip it that night` },
    ]);
  return startsAt;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Mark done's step and date: a milestone key, and one date within the intake's years (DATE_YEARS)
 * or none (the applicant's today is recorded). A date given twice is refused (which one was meant
 * is unknown). Throws InvalidInputError naming `milestone` and `date`.
 */
export function markDoneRequest(
  milestone: string | undefined,
  given: readonly string[],
): { key: MilestoneKey; date: string | undefined } {
  const key = MilestoneKeySchema.safeParse(milestone);
  const date = z.optional(TypedDateSchema).safeParse(given[0]);
  if (key.success && date.success && given.length <= 1) return { key: key.data, date: date.data };
  throw new InvalidInputError("The step is not valid", [
    ...(key.success ? [] : [{ path: "milestone", message: "must be a milestone key" }]),
    ...(given.length > 1
      ? [{ path: "date", message: "was given more than once: give one date YYYY-MM-DD" }]
      : date.success
        ? []
        : [{ path: "date", message: date.error.issues[0]?.message ?? "must be a calendar date YYYY-MM-DD" }]),
  ]);
}
