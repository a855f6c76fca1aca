import { startLocalStack } from "#local/stack.ts";

/**
 * The local stack as its own process, for the crash test to kill -9: state in MATCHPATH_DATA_DIR
 * (DynamoDB Local on disk, the stream checkpoint, the secrets), the SES emulator at
 * MATCHPATH_SES_ENDPOINT (kept by the test: SES does not die with a Lambda), the clock from
 * MATCHPATH_CLOCK. Prints one JSON line {api, dynamodb, tableName, webhookSecret, pid, jvm} when up.
 */
const stack = await startLocalStack({
  dataDir: process.env.MATCHPATH_DATA_DIR as string,
  sesEndpoint: process.env.MATCHPATH_SES_ENDPOINT as string,
  clockStart: new Date(process.env.MATCHPATH_CLOCK as string),
  // Every port free, the sign-in issuer's too (its default 8010 collided with a second crash run).
  ports: { api: 0, dynamodb: 0, eventbridge: 0, oidc: 0 },
  log: () => undefined,
  handlerLogLevel: "ERROR",
});
process.stdout.write(
  `${JSON.stringify({
    api: stack.urls.api,
    dynamodb: stack.urls.dynamodb,
    tableName: stack.tableName,
    webhookSecret: stack.webhookSecret,
    pid: process.pid,
    jvm: stack.dynamoDbLocalPid,
  })}\n`,
);
setInterval(() => undefined, 60_000);
