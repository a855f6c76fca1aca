import { renderApplicantFeed } from "#calendar/applicant-feed.ts";
import { localDate } from "#domain/time.ts";
import { InvalidInputError } from "#errors";
import { queryParameter, urlEncodedForm } from "#http/request.ts";
import { actionConfirmationPage, actionResultPage } from "#pages/action-pages.ts";
import { calendarAddressReplacedPage } from "#pages/refused-links.ts";
import { timelinePage } from "#pages/timeline-page.ts";
import { applicantPlan } from "#usecases/planning.ts";
import { applyStepAction, previewStepAction } from "#usecases/step-actions.ts";
import {
  freshLinkAction,
  linksFor,
  MAX_FORM_BYTES,
  mailStopped,
  type PageRoute,
  refusing,
  selfUrl,
  timelineState,
  verifiedApplicant,
  wantsProblemJson,
} from "./applicant-access.ts";

export type { ApplicantPagesDeps, PageRoute } from "./applicant-access.ts";
export { preferencesSave, preferencesView } from "./preferences-routes.ts";

export const timeline: PageRoute = (event, deps) =>
  refusing(
    async () => {
      const state = await timelineState(event, deps);
      const now = deps.clock.now();
      const plan = applicantPlan(deps.planning, state, now);
      const stopped = await mailStopped(state, deps);
      const today = localDate(state.profile.timezone, now.getTime());
      return timelinePage({
        ...(stopped ? { mailStopped: stopped } : {}),
        firstName: state.profile.fullName.split(/\s+/)[0] ?? state.profile.fullName,
        timezone: state.profile.timezone,
        milestones: state.milestones,
        interviews: state.interviews,
        plan,
        links: await linksFor(event, deps, state),
        ...(state.profile.preferences ? { preferences: state.profile.preferences } : {}),
        comingReminders: plan.reminders
          .filter((reminder) => Date.parse(reminder.sendAt) > now.getTime())
          .sort((left, right) => Date.parse(left.sendAt) - Date.parse(right.sendAt)),
        snoozedUntil: new Map(
          state.milestones.flatMap((entry) =>
            entry.snoozedUntil !== undefined && entry.snoozedUntil > today
              ? [[entry.key, entry.snoozedUntil]]
              : [],
          ),
        ),
      });
    },
    "timeline",
    freshLinkAction(event, deps),
  );

export const actionPreview: PageRoute = (event, deps) =>
  refusing(async () => {
    const preview = await previewStepAction(
      queryParameter(event, "applicant"),
      queryParameter(event, "token"),
      deps,
    );
    const links = await linksFor(event, deps, preview.state);
    return actionConfirmationPage(
      preview,
      selfUrl(event),
      links.timeline,
      undefined,
      links.action(preview.claims.milestone, "schedule"),
    );
  });

export const actionApply: PageRoute = (event, deps) =>
  refusing(async () => {
    const applicantId = queryParameter(event, "applicant");
    const token = queryParameter(event, "token");
    try {
      const form = urlEncodedForm(event, MAX_FORM_BYTES);
      const { preview, outcome, entry } = await applyStepAction(
        applicantId,
        token,
        { date: form.get("date") ?? undefined, days: form.get("days") ?? undefined },
        deps,
      );
      const links = await linksFor(event, deps, preview.state);
      return actionResultPage(
        preview,
        outcome,
        links.timeline,
        links.action(preview.claims.milestone, "schedule"),
        entry,
      );
    } catch (error) {
      if (!(error instanceof InvalidInputError) || wantsProblemJson(event)) throw error;
      // A person's form (a bad date, or a field sent twice): the same page again, the error named.
      const preview = await previewStepAction(applicantId, token, deps);
      const links = await linksFor(event, deps, preview.state);
      return actionConfirmationPage(
        preview,
        selfUrl(event),
        links.timeline,
        error.problems.map(problemText).join(" "),
        links.action(preview.claims.milestone, "schedule"),
      );
    }
  });

/**
 * An action form's problem as the page says it: a field's message after the field's name; an
 * `action` refusal is already a sentence of its own ("The field “action” waive…").
 */
function problemText(problem: { path: string; message: string }): string {
  if (problem.path === "action") return `${problem.message}.`;
  if (problem.path === "date") return `The date ${problem.message}.`;
  if (problem.path === "days") return `The number of days ${problem.message}.`;
  return `The field “${problem.path}” ${problem.message}.`;
}

export const calendarFeed: PageRoute = (event, deps) =>
  refusing(async () => {
    const { state, claims } = await verifiedApplicant(event, deps, "feed");
    // A revoked feed: the applicant asked for a new address, so every older one stops working.
    if (claims.generation !== (state.profile.feedGeneration ?? 0)) return calendarAddressReplacedPage();
    return {
      statusCode: 200,
      headers: {
        "content-type": "text/calendar; charset=utf-8",
        "content-disposition": 'inline; filename="matchpath.ics"',
        "cache-control": "private, max-age=300",
        "referrer-policy": "no-referrer",
        "x-robots-tag": "noindex, nofollow",
        "x-content-type-options": "nosniff",
      },
      body: renderApplicantFeed({
        applicantId: state.profile.applicantId,
        timezone: state.profile.timezone,
        plan: applicantPlan(deps.planning, state, deps.clock.now()),
        interviews: state.interviews,
        updatedAt: state.changedAt ?? state.profile.updatedAt,
      }),
    };
  });
