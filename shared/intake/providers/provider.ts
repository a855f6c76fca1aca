import type { Clock } from "#ports/clock.ts";
import type { AnswerType } from "./answer-type.ts";
import type { ParsedForm, ProviderRequest } from "./common.ts";

/**
 * One form provider, whole: the route it answers (`POST /intake/<name>`), where its secret comes
 * from, how a delivery proves itself, and how its body is read. Listed once in ./list.ts; the
 * http-api's routes, its configuration, the CDK stack, the local stack and `npm start -- --help`
 * all derive from that list.
 */
export interface FormProvider<Name extends string = string> {
  /** The route segment and a mapping file's `provider`. */
  readonly name: Name;
  /** As people know it, in messages. */
  readonly title: string;
  /**
   * The http-api's environment variable holding the secret; `<secretVariable>_PARAMETER` names an
   * SSM SecureString parameter holding it instead. Without either the provider is not connected.
   */
  readonly secretVariable: string;
  /**
   * `shared-string`: any string shared with the provider (HMAC key or URL token);
   * `standard-webhooks`: a `whsec_` secret, checked at cold start.
   */
  readonly secretFormat: "shared-string" | "standard-webhooks";
  /** Throws SignatureError unless the delivery carries proof of the secret; reads nothing else. */
  verify(request: ProviderRequest, secret: string, clock: Clock): void;
  /**
   * Every answer type the provider documents and what each can fill or why it is refused: mappings
   * are checked against these at load, and the providers guide's table is generated from them.
   */
  readonly answerTypes: readonly AnswerType[];
  /** Reads the body into a ParsedForm; throws InvalidInputError listing every shape problem. */
  parse(request: ProviderRequest): ParsedForm | Promise<ParsedForm>;
}
