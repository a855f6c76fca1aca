import type { Logger } from "@aws-lambda-powertools/logger";
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import * as z from "zod";
import { bearerToken } from "#adapters/auth/jwt-verifier.ts";
import { COHORT_SORTS, type CohortFilter, type CohortSort } from "#domain/console/cohort-row.ts";
import { STAGES } from "#domain/console/stage.ts";
import { type WhatIfChange, WhatIfChangeSchema } from "#domain/console/what-if.ts";
import { fieldProblems, IsoDateSchema, MilestoneKeySchema } from "#domain/snapshot.ts";
import { ApplicantNotFoundError, ForbiddenError, InvalidInputError, UnauthorizedError } from "#errors";
import { blankProblem, HttpProblem, problemFor, problemResponse } from "#http/problem.ts";
import { header, rawBody, routePath } from "#http/request.ts";
import { describeError } from "#observability/logger.ts";
import type { Principal, TokenVerifier } from "#ports/token-verifier.ts";
import {
  authorizedApplicant,
  type ConsoleDeps,
  eraseApplicant,
  markStepDone,
  runWhatIf,
  saveWhatIf,
  setPaused,
  viewApplicant,
  viewCohort,
} from "#usecases/console.ts";
import {
  applicantFragment,
  type CohortQuery,
  cohortCsv,
  cohortFragment,
  erasedFragment,
  eraseFragment,
  isStage,
  problemFragment,
  type ShellConfig,
  shellPage,
  whatIfFragment,
  whatIfResultFragment,
} from "./pages.ts";

export interface ConsoleAppDeps extends ConsoleDeps {
  verifier: TokenVerifier;
  shell: ShellConfig;
  /** Static files by name: console.css, console.js, htmx.min.js. */
  assets: Record<string, string>;
  logger: Pick<Logger, "info" | "error">;
}

type Result = APIGatewayProxyStructuredResultV2;
type Handler = (request: ConsoleRequest, deps: ConsoleAppDeps) => Promise<Result>;
interface ConsoleRequest {
  event: APIGatewayProxyEventV2;
  principal: Principal;
  params: string[];
}

// The console is a second function behind the same API: it speaks RFC 9457 through the same
// shared/http helpers as the http-api function.

/**
 * Pages: no script but our own files, no framing, no referrer; the token endpoint is the only
 * other origin the shell talks to (it exchanges the sign-in code itself, as a public client).
 */
function pageHeaders(deps: ConsoleAppDeps, contentType = "text/html; charset=utf-8"): Record<string, string> {
  const tokenOrigin = new URL(deps.shell.tokenUrl).origin;
  return {
    "content-type": contentType,
    "cache-control": "no-store",
    "referrer-policy": "no-referrer",
    "x-content-type-options": "nosniff",
    "content-security-policy": `default-src 'self'; connect-src 'self' ${tokenOrigin}; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`,
  };
}

/**
 * An HTML answer. `route` is the shell's #/address of the page shown (x-console-route), so the
 * address follows what is shown after an action too (a save shows the applicant, an erase the
 * cohort) and a reload or Back shows the same page.
 */
function html(deps: ConsoleAppDeps, body: string, route?: string): Result {
  return {
    statusCode: 200,
    headers: { ...pageHeaders(deps), ...(route === undefined ? {} : { "x-console-route": route }) },
    body,
  };
}

const ASSET_TYPES: Record<string, string> = {
  "console.css": "text/css; charset=utf-8",
  "console.js": "text/javascript; charset=utf-8",
  "htmx.min.js": "text/javascript; charset=utf-8",
};

function form(event: APIGatewayProxyEventV2): URLSearchParams {
  return new URLSearchParams(rawBody(event, 64 * 1024).toString("utf8"));
}

const CohortQuerySchema = z.object({
  risk: z.enum(["critical", "any", ""]).optional(),
  sort: z.enum(COHORT_SORTS).default("risk"),
  season: z
    .string()
    .regex(/^(\d{4})?$/, { message: "must be a Match year such as 2027" })
    .optional(),
  advisor: z.string().max(254).optional(),
  stage: z.enum(["", ...STAGES]).optional(),
});

function cohortQuery(event: APIGatewayProxyEventV2): {
  query: CohortQuery;
  filter: CohortFilter;
  sort: CohortSort;
} {
  const raw = Object.fromEntries(new URLSearchParams(event.rawQueryString ?? ""));
  const parsed = CohortQuerySchema.safeParse(raw);
  if (!parsed.success)
    throw new InvalidInputError("The cohort query is not valid", fieldProblems(parsed.error), {
      cause: parsed.error,
    });
  const { risk, sort, season, advisor, stage } = parsed.data;
  const filter: CohortFilter = {};
  if (risk === "critical" || risk === "any") filter.risk = risk;
  if (season) filter.matchYear = Number(season);
  if (advisor) filter.advisorEmail = advisor;
  if (isStage(stage)) filter.stage = stage;
  const query: CohortQuery = { sort };
  if (risk) query.risk = risk;
  if (season) query.season = season;
  if (advisor) query.advisor = advisor;
  if (stage) query.stage = stage;
  return { query, filter, sort };
}

/** The what-if form as a change: only the fields of the chosen kind are read. */
function whatIfChanges(body: URLSearchParams): WhatIfChange[] {
  const saved = body.get("changes");
  const kind = body.get("kind");
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
                ...(body.get("interviewId") ? { id: body.get("interviewId") } : {}),
                program: body.get("program"),
                startsAt: body.get("startsAt"),
                timezone: body.get("timezone") || "America/New_York",
                format: body.get("format") || "virtual",
              }
            : kind === "visa"
              ? { kind, visa: body.get("visa") }
              : { kind, matchYear: Number(body.get("matchYear")) },
      ];
  const parsed = z.array(WhatIfChangeSchema).min(1).max(20).safeParse(candidate);
  if (!parsed.success)
    throw new InvalidInputError("The what-if is not valid", fieldProblems(parsed.error), {
      cause: parsed.error,
    });
  return parsed.data;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

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

const applicant: Handler = async ({ principal, params }, deps) => {
  const view = await viewApplicant(principal, params[0] ?? "", deps);
  return html(
    deps,
    applicantFragment(view, deps.clock.now().toISOString().slice(0, 10)),
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
  const changes = whatIfChanges(form(event));
  const result = await runWhatIf(principal, params[0] ?? "", changes, deps);
  return html(deps, whatIfResultFragment(params[0] ?? "", result, JSON.stringify(changes)));
};

const whatIfSave: Handler = async ({ event, principal, params }, deps) => {
  await saveWhatIf(principal, params[0] ?? "", whatIfChanges(form(event)), deps);
  deps.logger.info("console action", { action: "what-if.save", applicantId: params[0] });
  return applicant({ event, principal, params }, deps);
};

const pause =
  (paused: boolean): Handler =>
  async (request, deps) => {
    await setPaused(request.principal, request.params[0] ?? "", paused, deps);
    deps.logger.info("console action", {
      action: paused ? "reminders.pause" : "reminders.resume",
      applicantId: request.params[0],
    });
    return applicant(request, deps);
  };

const markDone: Handler = async (request, deps) => {
  const key = MilestoneKeySchema.safeParse(request.params[1]);
  const date = IsoDateSchema.safeParse(
    form(request.event).get("date") ?? deps.clock.now().toISOString().slice(0, 10),
  );
  if (!key.success || !date.success)
    throw new InvalidInputError("The step is not valid", [
      ...(key.success ? [] : [{ path: "milestone", message: "must be a milestone key" }]),
      ...(date.success ? [] : [{ path: "date", message: "must be a calendar date YYYY-MM-DD" }]),
    ]);
  await markStepDone(request.principal, request.params[0] ?? "", key.data, date.data, deps);
  deps.logger.info("console action", { action: "milestone.mark", applicantId: request.params[0] });
  return applicant(request, deps);
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

const ID = "([A-Za-z0-9_-]{1,100})";
/** Every route here needs a valid token; the shell and its static files are the only public paths. */
const PROTECTED: [RegExp, Partial<Record<"GET" | "POST", Handler>>][] = [
  [/^\/console\/cohort$/, { GET: cohort }],
  [/^\/console\/cohort\.csv$/, { GET: cohortExport }],
  [new RegExp(`^/console/applicants/${ID}$`), { GET: applicant }],
  [new RegExp(`^/console/applicants/${ID}/what-if$`), { GET: whatIfForm, POST: authorizeFirst(whatIf) }],
  [new RegExp(`^/console/applicants/${ID}/what-if/save$`), { POST: authorizeFirst(whatIfSave) }],
  [new RegExp(`^/console/applicants/${ID}/pause$`), { POST: pause(true) }],
  [new RegExp(`^/console/applicants/${ID}/resume$`), { POST: pause(false) }],
  [
    new RegExp(`^/console/applicants/${ID}/milestones/([a-z0-9_]{1,40})$`),
    { POST: authorizeFirst(markDone) },
  ],
  [new RegExp(`^/console/applicants/${ID}/erase$`), { GET: eraseConfirm, POST: authorizeFirst(erase) }],
];

/** The public paths: the shell (where sign-in starts and returns) and its static files. */
export const PUBLIC_CONSOLE_PATHS = ["/console", "/console/assets/{file}"] as const;

/** Builds the console's request handler: every failure becomes a problem (HTML for htmx, RFC 9457 otherwise). */
export function createConsoleApp(deps: ConsoleAppDeps) {
  return async (event: APIGatewayProxyEventV2): Promise<Result> => {
    const path = routePath(event);
    const method = event.requestContext.http.method.toUpperCase();
    try {
      if (path === "/console" && method === "GET") return html(deps, shellPage(deps.shell));
      const asset = /^\/console\/assets\/([a-z.]+)$/.exec(path)?.[1];
      if (asset !== undefined && method === "GET") {
        const body = deps.assets[asset];
        if (body === undefined) throw new HttpProblem(blankProblem(404, `No asset ${asset}.`));
        return {
          statusCode: 200,
          headers: {
            "content-type": ASSET_TYPES[asset] ?? "text/plain",
            "cache-control": "public, max-age=300",
            "x-content-type-options": "nosniff",
          },
          body,
        };
      }
      for (const [pattern, methods] of PROTECTED) {
        const match = pattern.exec(path);
        if (match === null) continue;
        // Authenticate before anything else, even a wrong method: an unsigned caller learns nothing.
        const principal = await deps.verifier.verify(bearerToken(header(event, "authorization")));
        const handler = methods[method as "GET" | "POST"];
        if (handler === undefined) {
          const allow = Object.keys(methods).join(", ");
          throw new HttpProblem(blankProblem(405, `${path} accepts ${allow}.`), { allow });
        }
        return await handler({ event, principal, params: match.slice(1) }, deps);
      }
      // Every other /console/* path is protected too: without a valid token it answers 401.
      if (path.startsWith("/console/"))
        await deps.verifier.verify(bearerToken(header(event, "authorization")));
      throw new HttpProblem(blankProblem(404, `No console route for ${path}.`));
    } catch (error) {
      return failure(error, event, path, deps);
    }
  };
}

function failure(error: unknown, event: APIGatewayProxyEventV2, path: string, deps: ConsoleAppDeps): Result {
  let response: Result;
  if (error instanceof UnauthorizedError) {
    response = problemResponse(blankProblem(401, "Sign in: this console route needs a valid bearer token."), {
      "www-authenticate": 'Bearer realm="matchpath-console"',
    });
  } else if (error instanceof ForbiddenError) {
    response = problemResponse({
      type: "about:blank",
      title: "Forbidden",
      status: 403,
      detail: error.message,
    });
  } else if (error instanceof ApplicantNotFoundError) {
    response = problemResponse(blankProblem(404, "No such applicant."));
  } else response = problemFor(error);
  const status = response.statusCode ?? 500;
  const details = { status, route: path, error: describeError(error) };
  if (status >= 500) deps.logger.error("console request failed", { ...details, cause: error });
  else deps.logger.info("console request refused", details);
  if (header(event, "hx-request") === "true" && status !== 401) {
    const problem = JSON.parse(String(response.body)) as {
      title: string;
      detail: string;
      errors?: { path: string; message: string }[];
    };
    return {
      statusCode: status,
      headers: {
        ...pageHeaders(deps),
        ...(response.headers as Record<string, string>),
        "content-type": "text/html; charset=utf-8",
      },
      body: problemFragment(problem.title, problem.detail, problem.errors),
    };
  }
  return response;
}
