/**
 * List prices (us-east-1, USD) for the season cost model, each with its source as recorded in the
 * team's price notes (shared/aws-numbers.md §1). Free tiers are ignored: the model prices usage at
 * list price, so the figure holds for an operator whose account is already past them.
 */
export interface Price {
  usd: number;
  per: string;
  source: string;
  date: string;
}

export const PRICES = {
  lambdaRequest: {
    usd: 0.2 / 1e6,
    per: "request",
    source:
      "https://github.com/api-evangelist/aws-lambda/blob/main/plans/aws-lambda-plans-pricing.yml (transcribes https://aws.amazon.com/lambda/pricing/) (3P)",
    date: "2026-05-05",
  },
  lambdaArmGbSecond: {
    usd: 0.0000133334,
    per: "GB-second (arm64)",
    source:
      "https://cloudchipr.com/blog/aws-lambda-pricing (3P); artillery 2.0.28 prices.js arm64 1333340e-11",
    date: "2024",
  },
  dynamoWru: {
    usd: 0.625 / 1e6,
    per: "write request unit (on-demand)",
    source: "https://airbyte.com/data-engineering-resources/dynamodb-pricing (3P)",
    date: "2025-07-21",
  },
  dynamoRru: {
    usd: 0.125 / 1e6,
    per: "read request unit (on-demand)",
    source: "https://airbyte.com/data-engineering-resources/dynamodb-pricing (3P)",
    date: "2025-07-21",
  },
  schedulerInvocation: {
    usd: 1 / 1e6,
    per: "scheduled invocation (create/update/delete calls not billed)",
    source:
      "https://cloudburn.io/blog/amazon-eventbridge-pricing (3P); https://awsnegotiations.com/eventbridge-scheduler-cost (3P)",
    date: "2026-03-13",
  },
  eventBridgeEvent: {
    usd: 1 / 1e6,
    per: "custom event (64 KB chunk)",
    source:
      "https://cloudburn.io/blog/amazon-eventbridge-pricing (3P); https://aws.amazon.com/eventbridge/pricing/",
    date: "2026-03-13",
  },
  stepFunctionsTransition: {
    usd: 0.025 / 1000,
    per: "Standard state transition",
    source:
      "https://awsnegotiations.com/step-functions-pricing-strategy.html (3P); https://www.wring.co/blog/aws-step-functions-pricing-guide (3P)",
    date: "2026-05",
  },
  httpApiRequest: {
    usd: 1 / 1e6,
    per: "HTTP API request",
    source: "https://awsforengineers.com/blog/aws-api-gateway-pricing-explained (3P)",
    date: "2025-05-19",
  },
  sesEmail: {
    usd: 0.1 / 1000,
    per: "email recipient (a la carte)",
    source:
      "https://github.com/api-evangelist/amazon-ses/blob/main/plans/amazon-ses-plans-pricing.yml (AWS Price List us-east-1) (3P)",
    date: "2026-08-13",
  },
} as const satisfies Record<string, Price>;

/** The Lambda size the cost model bills (the function construct's default memory). */
export const LAMBDA_GB = 0.25;
