import { randomUUID } from "node:crypto";
import type { Context } from "aws-lambda";

/**
 * A Lambda `Context` for one local invocation: the fields the runtime sets, with a deadline so
 * `getRemainingTimeInMillis()` counts down as it does in the cloud.
 */
export function lambdaContext(
  functionName: string,
  options: { timeoutMs?: number; region?: string } = {},
): Context {
  const region = options.region ?? "us-east-1";
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  const day = new Date().toISOString().slice(0, 10).replaceAll("-", "/");
  const unsupported = (what: string) => () => {
    throw new Error(`context.${what}() is a Node.js 0.10 relic; return or throw from the handler instead`);
  };
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: "$LATEST",
    invokedFunctionArn: `arn:aws:lambda:${region}:000000000000:function:${functionName}`,
    memoryLimitInMB: "256",
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `${day}/[$LATEST]${randomUUID().replaceAll("-", "")}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: unsupported("done"),
    fail: unsupported("fail"),
    succeed: unsupported("succeed"),
  };
}
