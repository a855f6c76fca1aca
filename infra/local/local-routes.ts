import type { IncomingMessage, ServerResponse } from "node:http";
import type { LocalClock } from "#adapters/clock.ts";
import { APPLICANT_ID_PATTERN } from "#domain/applicant-id.ts";
import type { ApplicantLinks } from "#links/applicant-links.ts";
import type { ApplicantRepository, ApplicantState } from "#ports/applicants.ts";
import type { Planning } from "#usecases/planning.ts";
import { readJson, writeJson, writeProblem } from "./api-server.ts";
import { ClockCommandSchema, clockTarget, type DueRunReport } from "./clock-control.ts";
import type { PublishedEvent } from "./eventbridge-local.ts";
import type { StreamDeadLetter } from "./stream-poller.ts";

/** One `/local/…` route: its method, its path (a RegExp captures parameters), and what it does. */
export interface LocalRoute {
  method: "GET" | "POST";
  path: string | RegExp;
  /** As listed in the 404 answer, e.g. `POST /local/clock {"advance": "P7D"}`. */
  usage: string;
  handle(request: IncomingMessage, response: ServerResponse, params: string[]): Promise<void>;
}

/** What the local routes look at and act on. */
export interface LocalRouteDeps {
  clock: LocalClock;
  /** Moves the clock (running the daily sweep at each midnight UTC crossed) and fires what is due. */
  moveClock(target: Date): Promise<unknown>;
  fireDue(): Promise<DueRunReport>;
  drain(): Promise<void>;
  events(): readonly PublishedEvent[];
  deadLetters(): readonly StreamDeadLetter[];
  applicants: ApplicantRepository;
  /** Re-makes the stored plan for the plan route (the table keeps only its summary). */
  planning: Pick<Planning, "plan">;
  /** Signs an applicant's page links as the emails do (the stack's keyring, base URL and clock). */
  applicantLinks(profile: { applicantId: string; feedGeneration?: number }): ApplicantLinks;
}

/** The local stack's own routes beside the HTTP API: the clock, the stream, events, dead letters, state. */
export function localRoutes(deps: LocalRouteDeps): LocalRoute[] {
  return [
    {
      method: "GET",
      path: "/local/clock",
      usage: "GET /local/clock",
      handle: async (_request, response) => writeJson(response, 200, { now: deps.clock.now().toISOString() }),
    },
    {
      method: "POST",
      path: "/local/clock",
      usage: 'POST /local/clock {"now": "<ISO>"} | {"advance": "P7D"}',
      handle: async (request, response) => {
        const command = ClockCommandSchema.safeParse(await readJson(request));
        if (!command.success) {
          writeProblem(
            response,
            400,
            "Invalid clock command",
            'Send {"now": "<ISO date-time>"} or {"advance": "<ISO duration>"}.',
            {
              errors: command.error.issues.map((issue) => ({
                path: issue.path.map(String).join(".") || "(root)",
                message: issue.message,
              })),
            },
          );
          return;
        }
        writeJson(response, 200, await deps.moveClock(clockTarget(command.data, deps.clock.now())));
      },
    },
    {
      method: "POST",
      path: "/local/fire-due",
      usage: "POST /local/fire-due",
      handle: async (_request, response) => writeJson(response, 200, await deps.fireDue()),
    },
    {
      method: "POST",
      path: "/local/drain",
      usage: "POST /local/drain",
      handle: async (_request, response) => {
        await deps.drain();
        writeJson(response, 200, { drained: true });
      },
    },
    {
      method: "GET",
      path: "/local/events",
      usage: "GET /local/events",
      handle: async (_request, response) => writeJson(response, 200, { events: deps.events() }),
    },
    {
      method: "GET",
      path: "/local/dlq",
      usage: "GET /local/dlq",
      handle: async (_request, response) => writeJson(response, 200, { deadLetters: deps.deadLetters() }),
    },
    {
      method: "GET",
      path: new RegExp(`^/local/applicants/(${APPLICANT_ID_PATTERN})$`),
      usage: "GET /local/applicants/:applicantId",
      handle: async (_request, response, [applicantId = ""]) => {
        const state = await applicantAfterDrain(deps, response, applicantId);
        if (state !== undefined) writeJson(response, 200, { applicantId, ...state });
      },
    },
    {
      method: "GET",
      path: new RegExp(`^/local/applicants/(${APPLICANT_ID_PATTERN})/links$`),
      usage: "GET /local/applicants/:applicantId/links",
      // The applicant's pages without waiting for an email: the same signed links an email carries.
      handle: async (_request, response, [applicantId = ""]) => {
        const state = await applicantAfterDrain(deps, response, applicantId);
        if (state === undefined) return;
        const links = deps.applicantLinks(state.profile);
        writeJson(response, 200, {
          applicantId,
          timeline: links.timeline,
          preferences: links.preferences,
          calendar: links.feedSubscription,
          calendarHttps: links.feed,
        });
      },
    },
    {
      method: "GET",
      path: new RegExp(`^/local/applicants/(${APPLICANT_ID_PATTERN})/plan$`),
      usage: "GET /local/applicants/:applicantId/plan",
      handle: async (_request, response, [applicantId = ""]) => {
        const state = await applicantAfterDrain(deps, response, applicantId);
        if (state === undefined) return;
        // The PLAN item holds the plan's summary, not the plan (plan-repository.ts): the plan shown
        // is the one re-made from the stored state as of the instant the stored one was computed.
        const stored = state.storedPlan;
        writeJson(response, 200, {
          applicantId,
          summary: stored ?? null,
          plan: stored === undefined ? null : deps.planning.plan(state, new Date(stored.computedAt)),
        });
      },
    },
  ];
}

/** Serves `path` from the route table; an unknown route answers 404 listing the table. */
export async function serveLocalRoute(
  routes: readonly LocalRoute[],
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
): Promise<void> {
  const method = request.method ?? "GET";
  for (const route of routes) {
    if (route.method !== method) continue;
    if (typeof route.path === "string") {
      if (route.path === path) return route.handle(request, response, []);
      continue;
    }
    const match = route.path.exec(path);
    if (match) return route.handle(request, response, match.slice(1));
  }
  writeProblem(response, 404, "Unknown local route", `${method} ${path} is not a local route`, {
    routes: routes.map((route) => route.usage),
  });
}

/** The applicant once every stream record written so far is planned; a 404 problem answered when unknown. */
async function applicantAfterDrain(
  deps: Pick<LocalRouteDeps, "drain" | "applicants">,
  response: ServerResponse,
  applicantId: string,
): Promise<ApplicantState | undefined> {
  await deps.drain();
  const state = await deps.applicants.loadApplicant(applicantId);
  if (state === undefined) writeProblem(response, 404, "Unknown applicant", `No applicant ${applicantId}`);
  return state;
}
