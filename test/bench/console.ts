import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { applicantIdFor } from "#adapters/dynamodb/keys.ts";
import type { Submission } from "#domain/snapshot.ts";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "#local/dynamodb-local.ts";
import { signInLocally } from "#local/oidc-sign-in.ts";
import { startLocalStack } from "#local/stack.ts";
import type { ApplicantState } from "#ports/applicants.ts";
import { type DynamoRepositories, dynamoRepositories } from "#test/support/dynamo-repositories.ts";
import { domainPlanning } from "#usecases/domain-planning.ts";
import { cohortSummary } from "#usecases/planning.ts";
import { type BenchSuite, below, type Figure, info, percentile } from "./lib/report.ts";
import { simApplicant } from "./support/season.ts";

/**
 * The advisor's console on the local stack: the cohort page for 1,000 applicants, through the real
 * HTTP server, the console handler, token verification against the local issuer's JWKS and the
 * GSI2 Queries on DynamoDB Local. The cohort is seeded as the planner leaves it (each applicant's
 * plan, computed by the domain, stored with its cohort row by the plan repository), spread over
 * ten advisors; the intake-and-plan path itself is the pipeline suite's business.
 */
const APPLICANTS = 1_000;
const ADVISORS = 10;
const RUN = `c${Date.now().toString(36)}`;
const NOW = new Date("2026-09-01T12:00:00Z");

function advisorOf(index: number): string {
  return index % ADVISORS === 0 ? "admin@matchpath.example" : `advisor${index % ADVISORS}@bench.example`;
}

/**
 * Each applicant enters through intake (the profile, which every plan write since the erase guard
 * checks for: a plan without its profile is cancelled as erased), then gets its plan and row.
 */
async function seed(store: DynamoRepositories): Promise<void> {
  const states: ApplicantState[] = [];
  const submissions: Submission[] = [];
  for (let index = 0; index < APPLICANTS; index++) {
    const submission = simApplicant(7, index, RUN).events[0]?.submission;
    if (submission?.type !== "applicant.snapshot")
      throw new Error("season generator: first event is not a snapshot");
    const applicantId = applicantIdFor(submission.applicant.externalId);
    const advisorEmail = index % 7 === 0 ? "helen.advisor@matchpath.example" : advisorOf(index);
    submissions.push({ ...submission, applicant: { ...submission.applicant, advisorEmail } });
    states.push({
      profile: {
        ...submission.applicant,
        advisorEmail,
        applicantId,
        createdAt: NOW.toISOString(),
        updatedAt: NOW.toISOString(),
      },
      milestones: submission.milestones,
      interviews: submission.interviews,
      ledger: [],
    });
  }
  // 8 writers at a time: about what DynamoDB Local takes on two cores.
  for (let start = 0; start < states.length; start += 8) {
    await Promise.all(
      submissions
        .slice(start, start + 8)
        .map((submission) =>
          store.intake.applySubmission(
            submission,
            { provider: "webhook", submissionId: submission.submissionId },
            NOW,
          ),
        ),
    );
    await Promise.all(
      states.slice(start, start + 8).map(async (state) => {
        const plan = domainPlanning.plan(state, NOW);
        await store.plans.savePlan(state.profile.applicantId, plan, {
          planHash: domainPlanning.planHash(plan),
          computedAt: NOW.toISOString(),
          ...cohortSummary(state, plan),
        });
      }),
    );
  }
}

async function timeGets(
  url: string,
  token: string,
  count: number,
): Promise<{ ms: number[]; bytes: number; rows: number; total: number }> {
  const ms: number[] = [];
  let bytes = 0;
  let rows = 0;
  let total = 0;
  for (let index = 0; index < count; index++) {
    const started = performance.now();
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    const body = await response.text();
    ms.push(performance.now() - started);
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
    bytes = body.length;
    rows = (body.match(/<tr><td><a href="#\/applicants\//g) ?? []).length;
    total = Number(/(\d+) in all/.exec(body)?.[1] ?? 0);
  }
  return { ms: ms.sort((a, b) => a - b), bytes, rows, total };
}

export const consoleSuite: BenchSuite = {
  name: "console",
  description:
    "The advisor's console on the local stack: GET /console/cohort for 1,000 applicants (admin) and for one advisor's share, over HTTP with a token from the local OpenID Connect issuer",
  async run({ quick }) {
    const stack = await startLocalStack({
      ports: { api: 0, ses: 0, dynamodb: 0, eventbridge: 0, oidc: 0 },
      clockStart: NOW,
      log: () => undefined,
      handlerLogLevel: "ERROR",
    });
    try {
      const client = new DynamoDBClient({
        endpoint: stack.urls.dynamodb,
        region: LOCAL_REGION,
        credentials: LOCAL_CREDENTIALS,
      });
      const store = dynamoRepositories({
        client: DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } }),
        tableName: stack.tableName,
      });
      const seeded = performance.now();
      await seed(store);
      // The planner re-plans each new profile from the stream: let it finish before timing pages.
      await stack.drain();
      const seedMs = performance.now() - seeded;
      const signIn = (email: string) =>
        signInLocally(stack.consoleSignIn.issuer, stack.urls.console, email, stack.consoleSignIn.password);
      const admin = await signIn("admin@matchpath.example");
      const advisor = await signIn("helen.advisor@matchpath.example");
      const count = quick ? 15 : 60;
      // Warm-up: the handler's cold start and jose's first JWKS fetch are not the page's steady cost.
      await timeGets(`${stack.urls.api}/console/cohort`, admin, 3);
      const all = await timeGets(`${stack.urls.api}/console/cohort`, admin, count);
      const filtered = await timeGets(
        `${stack.urls.api}/console/cohort?risk=critical&sort=deadline`,
        admin,
        count,
      );
      const later = await timeGets(`${stack.urls.api}/console/cohort?sort=deadline&page=5`, admin, count);
      const mine = await timeGets(`${stack.urls.api}/console/cohort`, advisor, count);
      const csv = await timeGets(`${stack.urls.api}/console/cohort.csv`, admin, Math.ceil(count / 3));
      client.destroy();
      const figures: Figure[] = [
        info("console: cohort rows on one page (admin)", all.rows, "rows", `of ${all.total} counted`),
        below(
          "console: cohort page p95, 1,000 applicants (admin)",
          Math.round(percentile(all.ms, 0.95)),
          "ms",
          300,
          `${count} requests; p50 ${Math.round(percentile(all.ms, 0.5))} ms; page ${Math.round(all.bytes / 1024)} KB; counts and filters over all ${all.total}`,
        ),
        below(
          "console: cohort page p95, page 5 by deadline (admin)",
          Math.round(percentile(later.ms, 0.95)),
          "ms",
          300,
          `${later.rows} rows`,
        ),
        below(
          "console: cohort page p95, critical risks by deadline (admin)",
          Math.round(percentile(filtered.ms, 0.95)),
          "ms",
          300,
          `${filtered.rows} rows shown of ${all.rows}`,
        ),
        below(
          "console: cohort page p95, one advisor's applicants",
          Math.round(percentile(mine.ms, 0.95)),
          "ms",
          300,
          `${mine.rows} rows (a sort-key prefix on GSI2)`,
        ),
        info(
          "console: CSV export p50, 1,000 applicants (admin)",
          Math.round(percentile(csv.ms, 0.5)),
          "ms",
          `${Math.round(csv.bytes / 1024)} KB, every row`,
        ),
        info("console: seeding 1,000 plans with their rows", Math.round(seedMs), "ms"),
      ];
      if (all.total !== APPLICANTS)
        throw new Error(`the admin's page counted ${all.total}, not ${APPLICANTS}`);
      if (csv.bytes < APPLICANTS * 50) throw new Error(`the CSV export is ${csv.bytes} bytes: not every row`);
      return figures;
    } finally {
      await stack.stop();
    }
  },
};
