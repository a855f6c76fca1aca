import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { type AwsClientSettings, clientOptions } from "#adapters/aws-clients.ts";

/**
 * How long one DynamoDB request may wait for its answer, and for its connection (ms). Without a
 * limit a store that stops answering holds the request until the function's timeout (the HTTP API's
 * 10 s; on the local stack, for ever): a webhook sender saw no answer at all where the README
 * promises a 5xx to retry on. With the SDK's three attempts a stopped store fails in about 6 s, inside
 * the HTTP API function's 10 s and API Gateway's 29 s; DynamoDB answers the few-item requests the
 * stores make in milliseconds.
 */
const DYNAMODB_REQUEST_TIMEOUT_MS = 1_500;
const DYNAMODB_CONNECTION_TIMEOUT_MS = 1_000;

/** The DynamoDB document client every store uses: undefined attributes dropped, numbers as numbers. */
export function createDynamoDocumentClient(settings: AwsClientSettings): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    ...clientOptions(settings, settings.endpoints.dynamodb),
    // throwOnRequestTimeout: without it the SDK only logs a warning when the time is up.
    requestHandler: {
      requestTimeout: DYNAMODB_REQUEST_TIMEOUT_MS,
      connectionTimeout: DYNAMODB_CONNECTION_TIMEOUT_MS,
      throwOnRequestTimeout: true,
    },
  });
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
    unmarshallOptions: { wrapNumbers: false },
  });
}
