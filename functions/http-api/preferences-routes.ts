import { createHash } from "node:crypto";
import { DateTime } from "luxon";
import { preferencesInEffect } from "#domain/preferences.ts";
import { InvalidInputError } from "#errors";
import { queryParameter, urlEncodedForm } from "#http/request.ts";
import { humanDate } from "#pages/dates.ts";
import {
  FIELD_ORDER,
  formFromBody,
  formOf,
  type PreferencesErrors,
  type PreferencesField,
  readPreferencesForm,
} from "#pages/preferences-form.ts";
import { preferencesPage } from "#pages/preferences-page.ts";
import type { ApplicantState } from "#ports/applicants.ts";
import { LinkRefusedError } from "#usecases/link-refused-error.ts";
import {
  type ApplicantPagesDeps,
  freshLinkAction,
  linksFor,
  MAX_FORM_BYTES,
  mailStopped,
  type PageRoute,
  refusing,
  selfUrl,
  timelineState,
  wantsProblemJson,
} from "./applicant-access.ts";

/**
 * GET|POST /preferences: the applicant's email choices, a new calendar address, and
 * "Subscribe again" after a one-click unsubscribe. Reached with the timeline link's token.
 */
/** What the preferences page says about the subscription: stopped or not, and since when. */
async function subscriptionOf(state: ApplicantState, deps: ApplicantPagesDeps) {
  const stopped = await mailStopped(state, deps);
  const since = state.profile.unsubscribedAt;
  return {
    ...(stopped ? { mailStopped: stopped } : {}),
    ...(stopped === "unsubscribe" && since
      ? {
          unsubscribedOn: humanDate(
            DateTime.fromISO(since).setZone(state.profile.timezone).toISODate() ?? since,
          ),
        }
      : {}),
  };
}

/**
 * The notice a "Get a new calendar address" POST redirects to (POST/redirect/GET):
 * `new` when it rotated the address, `unchanged` when this link had rotated it already. The GET
 * only shows the current address, so a reload of it changes nothing.
 */
const CALENDAR_NOTICES = ["new", "unchanged"] as const;
type CalendarNotice = (typeof CALENDAR_NOTICES)[number];

function calendarNotice(value: string | undefined): CalendarNotice | undefined {
  return CALENDAR_NOTICES.find((notice) => notice === value);
}

/** This page's own address (relative, so a stage prefix is kept), without any notice. */
function pageUrl(event: Parameters<PageRoute>[0], notice?: CalendarNotice): string {
  const query = new URLSearchParams({
    applicant: queryParameter(event, "applicant") ?? "",
    token: queryParameter(event, "token") ?? "",
    ...(notice ? { calendar: notice } : {}),
  });
  return `?${query.toString()}`;
}

export const preferencesView: PageRoute = (event, deps) =>
  refusing(
    async () => {
      const state = await timelineState(event, deps);
      const links = await linksFor(event, deps, state);
      const notice = calendarNotice(queryParameter(event, "calendar"));
      return preferencesPage({
        form: formOf(preferencesInEffect(state.profile)),
        timezone: state.profile.timezone,
        now: deps.clock.now(),
        formAction: notice ? pageUrl(event) : selfUrl(event),
        timelineUrl: links.timeline,
        ...(notice ? { newFeedUrl: links.feedSubscription } : {}),
        ...(notice === "unchanged" ? { newFeedRepeated: true } : {}),
        ...(await subscriptionOf(state, deps)),
      });
    },
    "preferences",
    freshLinkAction(event, deps),
  );

export const preferencesSave: PageRoute = (event, deps) =>
  refusing(
    async () => {
      const state = await timelineState(event, deps);
      const links = await linksFor(event, deps, state);
      const shown = {
        timezone: state.profile.timezone,
        now: deps.clock.now(),
        formAction: selfUrl(event),
        timelineUrl: links.timeline,
        ...(await subscriptionOf(state, deps)),
      };
      const form = formOf(preferencesInEffect(state.profile));
      let body: URLSearchParams;
      try {
        body = urlEncodedForm(event, MAX_FORM_BYTES, ["categories"]);
      } catch (error) {
        // A field sent twice: a person's form gets the page again naming it (400), an API client RFC 9457.
        const errors = error instanceof InvalidInputError ? repeatedFields(error) : undefined;
        if (errors === undefined || wantsProblemJson(event)) throw error;
        return preferencesPage({ ...shown, form, errors });
      }
      const intent = body.get("intent") ?? "save";
      if (intent !== "save" && intent !== "new-calendar-address" && intent !== "resubscribe") {
        if (!wantsProblemJson(event)) return preferencesPage({ ...shown, form, unknownAction: true });
        throw new InvalidInputError("unknown action", [
          { path: "intent", message: "unknown action: use save, new-calendar-address or resubscribe" },
        ]);
      }
      if (intent === "resubscribe") {
        // Idempotent: a second tap (or a stale page) answers "already subscribed" and writes nothing.
        const outcome = await deps.suppression.resubscribe(state.profile.applicantId, deps.clock.now());
        const after = (await deps.applicants.loadApplicant(state.profile.applicantId)) ?? state;
        return preferencesPage({
          ...shown,
          form,
          ...(await subscriptionOf(after, deps)),
          resubscribe: outcome,
        });
      }
      if (intent === "new-calendar-address") {
        // Keyed by the page link's token: a double tap or a reload re-POST shows the same new address.
        const requestKey = createHash("sha256")
          .update(queryParameter(event, "token") ?? "")
          .digest("base64url");
        const id = state.profile.applicantId;
        const generation = await deps.settings.revokeFeed(id, deps.clock.now(), requestKey);
        if (generation === undefined && (await deps.applicants.loadApplicant(id)) === undefined) {
          throw new LinkRefusedError("unknown-applicant");
        }
        // POST/redirect/GET: answered in place, a reload asked the browser to post again.
        return {
          statusCode: 303,
          headers: {
            location: pageUrl(event, generation === undefined ? "unchanged" : "new"),
            "cache-control": "no-store",
            "referrer-policy": "no-referrer",
          },
          body: "",
        };
      }
      const typed = formFromBody(body);
      const read = readPreferencesForm(typed);
      if (!read.ok) return preferencesPage({ ...shown, form: typed, errors: read.errors });
      await deps.settings.savePreferences(state.profile.applicantId, read.preferences, deps.clock.now());
      return preferencesPage({ ...shown, form: formOf(read.preferences), saved: true });
    },
    "preferences",
    freshLinkAction(event, deps),
  );

/** The form's own fields a refusal names, each with the words the page shows; undefined if it names another. */
function repeatedFields(error: InvalidInputError): PreferencesErrors | undefined {
  const errors: PreferencesErrors = {};
  for (const problem of error.problems) {
    if (!(FIELD_ORDER as readonly string[]).includes(problem.path)) return undefined;
    errors[problem.path as PreferencesField] =
      "This was sent more than once: choose one value and save again.";
  }
  return errors;
}
