import type { AwsClientFactory, MatchpathFunction } from "#adapters/aws-clients.ts";
import type { LocalClock } from "#adapters/clock.ts";
import type { ProviderName } from "#intake/providers/list.ts";
import type { DueRunReport } from "./clock-control.ts";
import type { LocalConsoleSignIn } from "./console-sign-in.ts";
import type { PublishedEvent } from "./eventbridge-local.ts";
import type { StreamDeadLetter } from "./stream-poller.ts";

/**
 * What the local stack is started with (`LocalStackOptions`) and what it hands back (`LocalStack`):
 * the contract `npm start`, the integration tests' global setup, the fault suite and the
 * benchmarks rely on; stack.ts builds it.
 */

export interface LocalStackOptions {
  /**
   * Where the stack keeps state between runs: the database (unless `inMemory`), the webhook secret
   * and the link-signing keyring, the published events and dead-lettered batches. Undefined: nothing is
   * written to disk (tests).
   */
  dataDir?: string;
  /** Keep the database in memory even when a dataDir is given. */
  inMemory?: boolean;
  /** Interface every server binds to; default 127.0.0.1. */
  host?: string;
  /**
   * An SES emulator already running elsewhere, used instead of starting one: the fault suite keeps
   * it outside the stack it kills, as SES stays up when a Lambda dies.
   */
  sesEndpoint?: string;
  /** 0 picks a free port. Defaults: api 3000, ses 8005, dynamodb 8000, oidc 8010, eventbridge free. */
  ports?: { api?: number; ses?: number; dynamodb?: number; eventbridge?: number; oidc?: number };
  /** The console accounts' password; default: kept in dataDir, or generated. */
  consolePassword?: string;
  tableName?: string;
  eventBusName?: string;
  senderAddress?: string;
  /** Advisors who get the daily digest (DIGEST_ADVISORS); default the local console's two advisors. */
  digestAdvisors?: readonly string[];
  /** The UTC hour the digest runs at when the clock crosses it; default DEFAULT_DIGEST_HOUR_UTC. */
  digestHourUtc?: number;
  /** Where the local clock starts; default the real time. */
  clockStart?: Date;
  /** A `whsec_` secret; default: kept in dataDir, or generated. */
  webhookSecret?: string;
  /** A pre-keyring unsubscribe key whose links should still work; default: an older data folder's, if any. */
  legacyUnsubscribeSecret?: string;
  /** Secrets of the form-provider routes; default: kept in dataDir, or generated. */
  formSecrets?: Partial<Record<ProviderName, string>>;
  /** One line per part as it comes up. */
  onProgress?: (line: string) => void;
  /** Diagnostics: poller notes, handler crashes, dead letters. */
  log?: (line: string) => void;
  /** Powertools log level for the handlers (POWERTOOLS_LOG_LEVEL) unless the environment sets one. */
  handlerLogLevel?: string;
  /** Each function's AWS clients (the benchmarks inject counting ones); default the SDK's. */
  clientsFor?: (name: MatchpathFunction) => AwsClientFactory;
}

export interface LocalStack {
  urls: {
    api: string;
    inbox: string;
    dynamodb: string;
    eventbridge: string;
    console: string;
    issuer: string;
  };
  /** The advisor's console sign-in: the local OpenID Connect issuer and its accounts. */
  consoleSignIn: LocalConsoleSignIn;
  tableName: string;
  eventBusName: string;
  webhookSecret: string;
  /** Where the webhook secret is kept, if on disk. */
  webhookSecretFile?: string;
  /** The secret (Jotform: URL token) each form-provider route checks. */
  formSecrets: Record<ProviderName, string>;
  clock: LocalClock;
  /** Moves the clock to `target` (default: where it is) and fires everything due on the way. */
  fireDue(target?: Date): Promise<DueRunReport>;
  /** Resolves when every stream record written so far reached the planner. */
  drain(): Promise<void>;
  events(): readonly PublishedEvent[];
  deadLetters(): readonly StreamDeadLetter[];
  /** Milliseconds from the call to the API answering. */
  startedInMs: number;
  dynamoDbLocalVersion: string | undefined;
  /** The DynamoDB Local JVM's process id. */
  dynamoDbLocalPid: number;
  stop(): Promise<void>;
}
