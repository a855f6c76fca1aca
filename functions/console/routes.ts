import { APPLICANT_ID_PATTERN } from "#domain/applicant-id.ts";
import { applicantToday } from "#domain/console/mark-done.ts";
import { DONE_RECORDS } from "#domain/step-actions.ts";
import {
  authorizedApplicant,
  markStepDone,
  setPaused,
  viewApplicant,
  viewCohort,
} from "#usecases/console.ts";
import { eraseApplicant } from "#usecases/console-erase.ts";
import { runWhatIf, saveWhatIf } from "#usecases/console-what-if.ts";
import {
  applicantFragment,
  cohortCsv,
  cohortFragment,
  erasedFragment,
  eraseFragment,
  titleOf,
  whatIfFragment,
  whatIfResultFragment,
} from "./pages/index.ts";
import { pauseNotice, resendNotice } from "./pages/notices.ts";
import { cohortQuery, form, markDoneRequest, whatIfChanges } from "./request.ts";
import { type Handler, html, pageHeaders } from "./respond.ts";

const cohort: Handler = async ({ event, principal }, deps) => {
  const { query, filter, sort } = cohortQuery(event);
  const { rows, all } = await viewCohort(principal, filter, sort, deps);
  const search = event.rawQueryString ? `?${event.rawQueryString}` : "";
  return html(deps, cohortFragment(principal, rows, all, query), `/cohort${search}`);
};

const cohortExport: Handler = async ({ event, principal }, deps) => {
  const { filter, sort } = cohortQuery(event);
  const { rows } = await viewCohort(principal, filter, sort, deps);
  return {
    statusCode: 200,
    headers: {
      ...pageHeaders(deps, "text/csv; charset=utf-8"),
      "content-disposition": 'attachment; filename="cohort.csv"',
    },
    body: cohortCsv(rows),
  };
};

const applicant = async (
  { principal, params }: Parameters<Handler>[0],
  deps: Parameters<Handler>[1],
  notice?: string,
): ReturnType<Handler> => {
  const view = await viewApplicant(principal, params[0] ?? "", deps);
  return html(
    deps,
    applicantFragment(view, applicantToday(view.state.profile, deps.clock.now()), notice),
    `/applicants/${view.state.profile.applicantId}`,
  );
};

const resend: Handler = async (request, deps) => {
  // Loaded on the first resend, like its SES client: the email template and message code stay out of cold start.
  const { resendLatestNotice } = await import("#usecases/resend-notice.ts");
  const result = await resendLatestNotice(request.principal, request.params[0] ?? "", deps);
  deps.logger.info("console action", {
    action: "notice.resend",
    applicantId: request.params[0],
    outcome: result.outcome,
  });
  const view = await viewApplicant(request.principal, request.params[0] ?? "", deps);
  const notice = resendNotice(result);
  return html(
    deps,
    applicantFragment(view, applicantToday(view.state.profile, deps.clock.now()), notice),
    `/applicants/${view.state.profile.applicantId}`,
  );
};

const whatIfForm: Handler = async ({ principal, params }, deps) =>
  html(
    deps,
    whatIfFragment(await viewApplicant(principal, params[0] ?? "", deps)),
    `/applicants/${params[0]}/what-if`,
  );

const whatIf: Handler = async ({ event, principal, params }, deps) => {
  // The applicant's interviews: a move keeps what the form leaves empty (whatIfChanges).
  const { interviews } = await authorizedApplicant(principal, params[0] ?? "", deps);
  const changes = whatIfChanges(form(event), interviews);
  const result = await runWhatIf(principal, params[0] ?? "", changes, deps);
  return html(deps, whatIfResultFragment(params[0] ?? "", result, JSON.stringify(changes)));
};

const whatIfSave: Handler = async ({ event, principal, params }, deps) => {
  const body = form(event);
  const outcome = await saveWhatIf(
    principal,
    params[0] ?? "",
    whatIfChanges(body),
    body.get("saveId") ?? "",
    deps,
    body.get("basedOn") ?? undefined,
  );
  deps.logger.info("console action", { action: "what-if.save", applicantId: params[0], outcome });
  const view = await viewApplicant(principal, params[0] ?? "", deps);
  const notice =
    outcome === "saved"
      ? "Saved the what-if as yours: the plan below includes it."
      : "That what-if was saved already; it is not recorded twice.";
  return html(
    deps,
    applicantFragment(view, applicantToday(view.state.profile, deps.clock.now()), notice),
    `/applicants/${view.state.profile.applicantId}`,
  );
};

const pause =
  (paused: boolean): Handler =>
  async (request, deps) => {
    const outcome = await setPaused(request.principal, request.params[0] ?? "", paused, deps);
    deps.logger.info("console action", {
      action: paused ? "reminders.pause" : "reminders.resume",
      applicantId: request.params[0],
      outcome,
    });
    return applicant(request, deps, pauseNotice(paused, outcome));
  };

/**
 * Marks a step done with the form's date; without one, the applicant's today in their own zone is
 * recorded and the notice says which. A date given twice is refused (which one was meant is unknown).
 */
const markDone: Handler = async (request, deps) => {
  const given = form(request.event).getAll("date");
  const { key, date } = markDoneRequest(request.params[1], given);
  const marked = await markStepDone(request.principal, request.params[0] ?? "", key, date, deps);
  deps.logger.info("console action", {
    action: "milestone.mark",
    applicantId: request.params[0],
    outcome: marked.outcome,
  });
  const today = given.length === 0 ? " (no date was given: the applicant's today in their time zone)" : "";
  return applicant(
    request,
    deps,
    marked.outcome === "recorded"
      ? `Marked ${DONE_RECORDS[key]?.advisor ?? `${titleOf(key)} done`} on ${marked.date}${today}, recorded as yours.`
      : `${titleOf(key)} was already done${marked.date ? ` on ${marked.date}` : ""}: nothing changed or recorded.`,
  );
};

const eraseConfirm: Handler = async ({ principal, params }, deps) =>
  html(
    deps,
    eraseFragment(await viewApplicant(principal, params[0] ?? "", deps)),
    `/applicants/${params[0]}/erase`,
  );

const erase: Handler = async ({ event, principal, params }, deps) => {
  const body = form(event);
  const report = await eraseApplicant(
    principal,
    params[0] ?? "",
    { confirm: body.get("confirm") ?? "", fullName: body.get("fullName") ?? "" },
    deps,
  );
  deps.logger.info("console action", {
    action: "applicant.erase",
    applicantId: report.applicantId,
    itemsDeleted: report.itemsDeleted,
  });
  const page = html(deps, erasedFragment(report.itemsDeleted), "/cohort");
  // The form posts into its own result region (a refusal keeps the form); the outcome is a new page.
  return { ...page, headers: { ...page.headers, "hx-retarget": "#main", "hx-reswap": "innerHTML" } };
};

/**
 * For routes that read a body: the applicant is checked as the principal's before the body is
 * validated, so another advisor learns nothing from validation details (403 first).
 */
const authorizeFirst =
  (handler: Handler): Handler =>
  async (request, deps) => {
    await authorizedApplicant(request.principal, request.params[0] ?? "", deps);
    return handler(request, deps);
  };

const ID = `(${APPLICANT_ID_PATTERN})`;
/** Every route here needs a valid token; the shell and its static files are the only public paths. */
export const PROTECTED: [RegExp, Partial<Record<"GET" | "POST", Handler>>][] = [
  [/^\/console\/cohort$/, { GET: cohort }],
  [/^\/console\/cohort\.csv$/, { GET: cohortExport }],
  [new RegExp(`^/console/applicants/${ID}$`), { GET: applicant }],
  [new RegExp(`^/console/applicants/${ID}/what-if$`), { GET: whatIfForm, POST: authorizeFirst(whatIf) }],
  [new RegExp(`^/console/applicants/${ID}/what-if/save$`), { POST: authorizeFirst(whatIfSave) }],
  [new RegExp(`^/console/applicants/${ID}/pause$`), { POST: pause(true) }],
  [new RegExp(`^/console/applicants/${ID}/resume$`), { POST: pause(false) }],
  [new RegExp(`^/console/applicants/${ID}/resend$`), { POST: authorizeFirst(resend) }],
  [
    new RegExp(`^/console/applicants/${ID}/milestones/([a-z0-9_]{1,40})$`),
    { POST: authorizeFirst(markDone) },
  ],
  [new RegExp(`^/console/applicants/${ID}/erase$`), { GET: eraseConfirm, POST: authorizeFirst(erase) }],
];
