import { createHash, randomUUID } from "node:crypto";
import { type AboutApplicant, heldBackReason } from "#domain/console/advisor-voice.ts";
import {
  applyWhatIf,
  earlierSeasonWork,
  type PlanDiff,
  planDiff,
  unknownInterviewIds,
  type WhatIfChange,
  whatIfAsUpdate,
} from "#domain/console/what-if.ts";
import {
  interviewSeasonWarnings,
  type WhatIfWarning,
  whatIfSaveProblems,
} from "#domain/console/what-if-checks.ts";
import type { FieldProblem } from "#domain/field-problems.ts";
import type { Plan } from "#domain/plan.ts";
import { type PlannerInput, plan as planFor } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { Interview } from "#domain/snapshot.ts";
import { ConcurrentChangeError, ConflictError, InvalidInputError } from "#errors";
import type { ApplicantState } from "#ports/applicants.ts";
import type { Principal } from "#ports/token-verifier.ts";
import {
  audit,
  authorizedApplicant,
  CONSOLE_PROVIDER,
  type ConsoleDeps,
  milestonesOf,
  throwIfProblems,
} from "./console.ts";
import { currentPlan, shownScheduled } from "./console-plans.ts";
import { receiveSubmission } from "./receive-submission.ts";

/** The console's what-if: a plan with changes beside today's, and saving it as the advisor's. */

export interface WhatIfResult {
  before: Plan;
  /** The plan with the changes applied; `before` itself when they cannot be saved (saveProblems). */
  after: Plan;
  diff: PlanDiff;
  /**
   * The id saving this what-if will carry (`console-what-if-<uuid>`): the intake's idempotency key,
   * so saving one preview twice (a double click, a retried request) records it once.
   */
  saveId: string;
  /**
   * What the preview was computed from (whatIfBasis of the record read): the save carries it back
   * and is refused (409 naming `basedOn`) when the record changed in between, so what is saved is
   * what the advisor saw.
   */
  basedOn: string;
  /**
   * Why saving these changes would be refused (whatIfSaveProblems, the save's own check): then no
   * Save is offered, and the difference is none (the plan stays as it is).
   */
  saveProblems: FieldProblem[];
  /** What looks wrong but may be saved: an interview outside the interview season of the Match the plan is dated for. */
  warnings: WhatIfWarning[];
  /**
   * Whom the risks are about, before and after the change (a visa or Match-year change moves the
   * advisor's words), so the page words them to the advisor as the digest does. Left out only by
   * tests that build a result by hand; the page then shows the planner's messages as they are.
   */
  about?: { before: AboutApplicant; after: AboutApplicant };
  /**
   * The interviews each plan was made from, so the page gives an interview at the program's time
   * (atTheProgram). Left out only by tests that build a result by hand; the page then gives an
   * interview in the applicant's time alone.
   */
  interviews?: { before: readonly Interview[]; after: readonly Interview[] };
}

/** Milestones done or waived in a planner input, with which: a step the what-if finishes reads "done" or "waived" in the diff. */
function finishedMilestones(input: PlannerInput): Map<string, "done" | "waived"> {
  const finished = new Map<string, "done" | "waived">();
  for (const entry of input.milestones)
    if (entry.status === "done" || entry.status === "waived") finished.set(entry.key, entry.status);
  return finished;
}

/** What a what-if's save id looks like (runWhatIf makes them). */
export const WHAT_IF_SAVE_ID = /^console-what-if-[0-9a-f-]{36}$/;

/** The plan with the changes applied, beside today's: computed only, nothing is written. */
export async function runWhatIf(
  principal: Principal,
  applicantId: string,
  changes: readonly WhatIfChange[],
  deps: ConsoleDeps,
): Promise<WhatIfResult> {
  const state = await authorizedApplicant(principal, applicantId, deps);
  throwIfProblems("The what-if names an unknown interview", unknownInterviewIds(state.interviews, changes));
  const now = deps.clock.now();
  const input = {
    applicant: state.profile,
    milestones: state.milestones,
    interviews: state.interviews,
    signedUpAt: state.profile.createdAt, // as currentPlan's
  };
  const changed = applyWhatIf(input, changes);
  const before = currentPlan(state, now);
  const changedPlan = planFor(changed, seasonCalendar(changed.applicant.matchYear), now);
  const saveProblems = whatIfSaveProblems(input, changes, now);
  // A change that cannot be saved leaves the plan as it is: its difference is none
  // (a refused "waived" on a done step dropped its fee from the total beside "No change").
  const refused = saveProblems.length > 0;
  const after = refused ? before : changedPlan;
  const heldBack = heldBackReason(state.profile, false);
  const shownInput = refused ? input : changed;
  return {
    before,
    after,
    interviews: { before: input.interviews, after: shownInput.interviews },
    diff: planDiff(
      before,
      after,
      finishedMilestones(shownInput),
      earlierSeasonWork(input, shownInput, now.getTime()),
      // The ledger's reminders are sent (or being sent) already: not "next".
      new Set(state.ledger.map((entry) => entry.reminderId)),
      // Nothing is sent while paused or unsubscribed: none is counted "to send", or the count would mislead.
      state.profile.remindersPausedAt !== undefined
        ? "paused"
        : state.profile.unsubscribedAt !== undefined
          ? "unsubscribed"
          : undefined,
      state.profile.timezone,
    ),
    saveId: `console-what-if-${randomUUID()}`,
    basedOn: whatIfBasis(state),
    saveProblems,
    // The season's warning is about the change tried, saved or not.
    warnings: interviewSeasonWarnings(changedPlan, changes),
    about: { before: aboutOf(input.applicant, heldBack), after: aboutOf(shownInput.applicant, heldBack) },
  };
}

/** The advisor's words' subject: held back (paused, unsubscribed), the applicant is emailed nothing. */
function aboutOf(
  { fullName, matchYear, visa }: PlannerInput["applicant"],
  heldBack: AboutApplicant["heldBack"],
): AboutApplicant {
  return { fullName, matchYear, visa, heldBack };
}

/**
 * Saves a what-if (any change it offers: milestones, interviews, visa track, Match year) as one
 * `milestone.update` through the intake use case the forms use, from provider `console` with the
 * preview's save id, and audits it as the principal's. "already-saved" when that preview was
 * saved before: nothing is written or audited twice. `basedOn` is the preview's basis
 * (WhatIfResult.basedOn): when given, the save is refused with ConflictError (409 naming
 * `basedOn`) if the record changed since the preview (a form, the applicant's own link, another
 * advisor), and the write is conditioned on the milestones it changes as read here, so a change
 * landing between this check and the write is not overwritten unseen either. Throws
 * InvalidInputError naming the field (a key repeated, a bad save id), ForbiddenError/
 * ApplicantNotFoundError as authorizedApplicant.
 */
export async function saveWhatIf(
  principal: Principal,
  applicantId: string,
  changes: readonly WhatIfChange[],
  saveId: string,
  deps: ConsoleDeps,
  basedOn?: string,
): Promise<"saved" | "already-saved"> {
  const state = await authorizedApplicant(principal, applicantId, deps);
  if (!WHAT_IF_SAVE_ID.test(saveId))
    throw new InvalidInputError("The what-if cannot be saved", [
      { path: "saveId", message: "must be the save id the what-if's difference carried" },
    ]);
  throwIfProblems("The what-if names an unknown interview", unknownInterviewIds(state.interviews, changes));
  const update = whatIfAsUpdate(changes, state.profile.externalId, saveId);
  // A save repeated after it applied: the record now holds its changes, so the checks below would
  // call it "nothing to save"; it is "saved already" (or 409 when the save id carried other changes).
  if (await savedBefore(applicantId, saveId, update, deps)) return "already-saved";
  if (basedOn !== undefined && basedOn !== whatIfBasis(state)) throw recordChanged();
  // The preview's own check (whatIfSaveProblems): the intake contract's rules, a closed Match,
  // Mark done's check of every step the save marks done; 400 naming the field.
  throwIfProblems(
    "The what-if cannot be saved",
    whatIfSaveProblems(
      { applicant: state.profile, milestones: state.milestones, interviews: state.interviews },
      changes,
      deps.clock.now(),
    ),
  );
  const decidedOn = new Map(
    (update?.milestones ?? []).map((milestone) => [
      milestone.key,
      state.milestones.find((stored) => stored.key === milestone.key),
    ]),
  );
  let result: Awaited<ReturnType<typeof receiveSubmission>>;
  try {
    const now = deps.clock.now();
    result = await receiveSubmission(
      update,
      CONSOLE_PROVIDER,
      deps,
      decidedOn,
      shownScheduled(state, currentPlan(state, now), now),
    );
  } catch (error) {
    if (error instanceof ConcurrentChangeError) throw recordChanged(error);
    throw error;
  }
  if (result.outcome === "duplicate") {
    await savedBefore(applicantId, saveId, update, deps);
    return "already-saved";
  }
  const interviewIds = new Set(update?.interviews?.map((interview) => interview.id));
  await audit(principal, applicantId, "what-if.save", deps, {
    before: {
      milestones: milestonesOf(state, update?.milestones.map((m) => m.key) ?? []),
      interviews: state.interviews.filter((interview) => interviewIds.has(interview.id)),
      ...(update?.track ? { track: { visa: state.profile.visa, matchYear: state.profile.matchYear } } : {}),
    },
    after: update,
  });
  return "saved";
}

/**
 * A digest of what a what-if is computed from: the profile (track, Match year, preferences), the
 * milestones and the interviews as stored. Opaque; equal digests mean the preview still holds.
 */
export function whatIfBasis(state: ApplicantState): string {
  const basis = canonicalJson({
    profile: state.profile,
    milestones: state.milestones,
    interviews: state.interviews,
  });
  return createHash("sha256").update(basis).digest("base64url");
}

function recordChanged(cause?: unknown): ConflictError {
  return new ConflictError(
    "The applicant's record changed since this what-if was run",
    [
      {
        path: "basedOn",
        message:
          "the record changed after the preview (a form, the applicant's own link or another advisor); run the what-if again to see and save the change on what is stored now",
      },
    ],
    cause === undefined ? undefined : { cause },
  );
}

/**
 * Whether this save id was saved before (its audit row). A save id stands for one preview's
 * changes: reused with others (a hand-made request), nothing of them was saved, and the answer says
 * so (ConflictError, 409 naming saveId) instead of "saved already".
 */
async function savedBefore(
  applicantId: string,
  saveId: string,
  update: unknown,
  deps: ConsoleDeps,
): Promise<boolean> {
  const saved = (await deps.console.listAudit(applicantId)).find(
    (entry) =>
      entry.action === "what-if.save" && (entry.after as { submissionId?: unknown })?.submissionId === saveId,
  );
  if (saved !== undefined && canonicalJson(saved.after) !== canonicalJson(update))
    throw new ConflictError("That save id was used for other changes", [
      { path: "saveId", message: "was saved with other changes; run the what-if again to save these" },
    ]);
  return saved !== undefined;
}

/** JSON with object keys sorted and undefined members dropped: the audit store keeps neither order nor undefined. */
function canonicalJson(value: unknown): string {
  const sorted = (node: unknown): unknown =>
    Array.isArray(node)
      ? node.map(sorted)
      : node !== null && typeof node === "object"
        ? Object.fromEntries(
            Object.entries(node)
              .filter(([, member]) => member !== undefined)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([key, member]) => [key, sorted(member)]),
          )
        : node;
  return JSON.stringify(sorted(value));
}
