import { startDynamoDbLocal } from "#local/dynamodb-local.ts";

/**
 * A parent for DynamoDB Local that the test can kill -9: starts it on a free port, prints
 * {"pid", "port"} as one JSON line, then waits to be killed.
 */
const dynamo = await startDynamoDbLocal({ port: 0 });
process.stdout.write(`${JSON.stringify({ pid: dynamo.pid, port: dynamo.port })}\n`);
setInterval(() => undefined, 60_000);
