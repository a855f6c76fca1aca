import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { renderApplicantFeed } from "#calendar/applicant-feed.ts";
import { DEFAULT_PREFERENCES } from "#domain/preferences.ts";
import { InvalidInputError } from "#errors";
import { queryParameter, urlEncodedForm } from "#http/request.ts";
import { type ApplicantLinks, applicantLinks } from "#links/applicant-links.ts";
import {
  type FeedClaims,
  type LinkKeyring,
  type TimelineClaims,
  verifyLinkToken,
} from "#links/link-token.ts";
import {
  actionConfirmationPage,
  actionResultPage,
  calendarAddressReplacedPage,
  linkRefusedPage,
} from "#pages/action-pages.ts";
import { formFromBody, formOf, readPreferencesForm } from "#pages/preferences-form.ts";
import { preferencesPage } from "#pages/preferences-page.ts";
import { timelinePage } from "#pages/timeline-page.ts";
import type { ApplicantRepository, ApplicantSettings, ApplicantState } from "#ports/applicants.ts";
import type { Clock } from "#ports/clock.ts";
import type { IntakeStore } from "#ports/intake-store.ts";
import { type Planning, sentReminderIds } from "#usecases/planning.ts";
import { applyStepAction, LinkRefusedError, previewStepAction } from "#usecases/step-actions.ts";

/**
 * The applicant's own pages, reached from the signed links in every email (issue 14):
 * GET /timeline, GET|POST /actions, GET /calendar.ics, GET|POST /preferences. Each URL names the applicant and carries a
 * token; anything refused answers 401 (not genuine, altered, someone else's) or 410 (expired) with
 * a page saying what to do, and changes nothing. Only the POSTs write.
 */
export interface ApplicantPagesDeps {
  store: ApplicantRepository & IntakeStore;
  /** Preferences and the calendar feed's address. */
  settings: ApplicantSettings;
  clock: Clock;
  planning: Planning;
  keyring: () => Promise<LinkKeyring>;
  /** Base of the links the pages print; absent: the request's own origin. */
  publicBaseUrl?: string;
}

export type PageRoute = (
  event: APIGatewayProxyEventV2,
  deps: ApplicantPagesDeps,
) => Promise<APIGatewayProxyStructuredResultV2>;

/** Form posts from our own pages are a few hundred bytes. */
const MAX_FORM_BYTES = 8 * 1024;

function baseUrl(event: APIGatewayProxyEventV2, deps: ApplicantPagesDeps): string {
  if (deps.publicBaseUrl) return deps.publicBaseUrl;
  const stage =
    event.requestContext.stage && event.requestContext.stage !== "$default"
      ? `/${event.requestContext.stage}`
      : "";
  return `https://${event.requestContext.domainName}${stage}`;
}

async function linksFor(
  event: APIGatewayProxyEventV2,
  deps: ApplicantPagesDeps,
  state: ApplicantState,
): Promise<ApplicantLinks> {
  return applicantLinks({
    baseUrl: baseUrl(event, deps),
    keyring: await deps.keyring(),
    applicantId: state.profile.applicantId,
    feedGeneration: state.profile.feedGeneration ?? 0,
    now: deps.clock.now(),
  });
}

/** Refusals become their page; everything else propagates to the RFC 9457 handler. */
async function refusing(
  work: () => Promise<APIGatewayProxyStructuredResultV2>,
): Promise<APIGatewayProxyStructuredResultV2> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof LinkRefusedError) return linkRefusedPage(error.status);
    throw error;
  }
}

/**
 * The applicant a link speaks for, the one check every page link passes: its token verifies for
 * `purpose` (signature, key, expiry), was signed for the applicant the link names, and that
 * applicant exists. Throws LinkRefusedError otherwise; the refused-link page says which.
 */
async function verifiedApplicant(
  event: APIGatewayProxyEventV2,
  deps: ApplicantPagesDeps,
  purpose: "timeline",
): Promise<{ state: ApplicantState; claims: TimelineClaims }>;
async function verifiedApplicant(
  event: APIGatewayProxyEventV2,
  deps: ApplicantPagesDeps,
  purpose: "feed",
): Promise<{ state: ApplicantState; claims: FeedClaims }>;
async function verifiedApplicant(
  event: APIGatewayProxyEventV2,
  deps: ApplicantPagesDeps,
  purpose: "timeline" | "feed",
): Promise<{ state: ApplicantState; claims: TimelineClaims | FeedClaims }> {
  const applicantId = queryParameter(event, "applicant");
  const result = verifyLinkToken(
    await deps.keyring(),
    queryParameter(event, "token"),
    purpose,
    deps.clock.now(),
  );
  if (!result.ok) throw new LinkRefusedError(result.reason);
  if (result.claims.applicantId !== applicantId) throw new LinkRefusedError("other-applicant");
  const state = await deps.store.loadApplicant(applicantId);
  if (!state) throw new LinkRefusedError("unknown-applicant");
  return { state, claims: result.claims };
}

async function timelineState(
  event: APIGatewayProxyEventV2,
  deps: ApplicantPagesDeps,
): Promise<ApplicantState> {
  return (await verifiedApplicant(event, deps, "timeline")).state;
}

export const timeline: PageRoute = (event, deps) =>
  refusing(async () => {
    const state = await timelineState(event, deps);
    const now = deps.clock.now();
    const plan = deps.planning.plan(state, now);
    const sent = sentReminderIds(state);
    return timelinePage({
      firstName: state.profile.fullName.split(/\s+/)[0] ?? state.profile.fullName,
      timezone: state.profile.timezone,
      plan,
      links: await linksFor(event, deps, state),
      comingReminders: plan.reminders
        .filter((reminder) => !sent.has(reminder.id) && Date.parse(reminder.sendAt) > now.getTime())
        .sort((left, right) => Date.parse(left.sendAt) - Date.parse(right.sendAt)),
    });
  });

/** The form posts back to the very URL it came from (relative, so a stage prefix is kept). */
function selfUrl(event: APIGatewayProxyEventV2): string {
  return `?${event.rawQueryString ?? ""}`;
}

export const actionPreview: PageRoute = (event, deps) =>
  refusing(async () => {
    const preview = await previewStepAction(
      queryParameter(event, "applicant"),
      queryParameter(event, "token"),
      deps,
    );
    const links = await linksFor(event, deps, preview.state);
    return actionConfirmationPage(preview, selfUrl(event), links.timeline);
  });

export const actionApply: PageRoute = (event, deps) =>
  refusing(async () => {
    const form = urlEncodedForm(event, MAX_FORM_BYTES);
    const applicantId = queryParameter(event, "applicant");
    const token = queryParameter(event, "token");
    try {
      const { preview, outcome } = await applyStepAction(
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
      );
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      const preview = await previewStepAction(applicantId, token, deps);
      const links = await linksFor(event, deps, preview.state);
      return actionConfirmationPage(
        preview,
        selfUrl(event),
        links.timeline,
        error.problems
          .map((problem) => `${problem.path === "date" ? "The date" : "The choice"} ${problem.message}.`)
          .join(" "),
      );
    }
  });

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
        plan: deps.planning.plan(state, deps.clock.now()),
        interviews: state.interviews,
        updatedAt: state.profile.updatedAt,
      }),
    };
  });

export const preferencesView: PageRoute = (event, deps) =>
  refusing(async () => {
    const state = await timelineState(event, deps);
    return preferencesPage({
      form: formOf(state.profile.preferences ?? DEFAULT_PREFERENCES),
      timezone: state.profile.timezone,
      formAction: selfUrl(event),
      timelineUrl: (await linksFor(event, deps, state)).timeline,
    });
  });

export const preferencesSave: PageRoute = (event, deps) =>
  refusing(async () => {
    const state = await timelineState(event, deps);
    const body = urlEncodedForm(event, MAX_FORM_BYTES, ["categories"]);
    const intent = body.get("intent") ?? "save";
    if (intent !== "save" && intent !== "new-calendar-address") {
      throw new InvalidInputError("unknown action", [
        { path: "intent", message: "unknown action: use save or new-calendar-address" },
      ]);
    }
    const links = await linksFor(event, deps, state);
    const shown = {
      timezone: state.profile.timezone,
      formAction: selfUrl(event),
      timelineUrl: links.timeline,
    };
    if (intent === "new-calendar-address") {
      const generation = await deps.settings.revokeFeed(state.profile.applicantId, deps.clock.now());
      const fresh = await linksFor(event, deps, {
        ...state,
        profile: { ...state.profile, feedGeneration: generation },
      });
      return preferencesPage({
        ...shown,
        form: formOf(state.profile.preferences ?? DEFAULT_PREFERENCES),
        newFeedUrl: fresh.feedSubscription,
      });
    }
    const form = formFromBody(body);
    const read = readPreferencesForm(form);
    if (!read.ok) return preferencesPage({ ...shown, form, errors: read.errors });
    await deps.settings.savePreferences(state.profile.applicantId, read.preferences, deps.clock.now());
    return preferencesPage({ ...shown, form: formOf(read.preferences), saved: true });
  });
