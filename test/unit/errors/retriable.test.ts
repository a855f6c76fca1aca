import { describe, expect, it } from "vitest";
import {
  ApplicantNotFoundError,
  ConcurrentChangeError,
  ConfigError,
  ConflictError,
  EmailRejectedError,
  ForbiddenError,
  InvalidInputError,
  LimitExceededError,
  type MatchpathError,
  SignatureError,
  TransientError,
  UnauthorizedError,
} from "#errors";
import { UnknownFormError } from "#intake/providers/errors.ts";

/** Whether each named failure is retried decides what the platform does with it (errors.ts). */
describe.each<[string, MatchpathError, boolean]>([
  ["InvalidInputError", new InvalidInputError("x", []), false],
  ["ConflictError", new ConflictError("x", []), false],
  ["LimitExceededError", new LimitExceededError("x", [], 413), false],
  ["ApplicantNotFoundError", new ApplicantNotFoundError("x"), false],
  ["SignatureError", new SignatureError("x"), false],
  ["EmailRejectedError", new EmailRejectedError("x"), false],
  ["ConfigError", new ConfigError("x"), false],
  ["UnauthorizedError", new UnauthorizedError("x"), false],
  ["ForbiddenError", new ForbiddenError("x"), false],
  ["UnknownFormError", new UnknownFormError("tally", "F"), false],
  ["TransientError", new TransientError("x"), true],
  ["ConcurrentChangeError", new ConcurrentChangeError("x"), true],
])("%s", (name, error, retriable) => {
  it(`is ${retriable ? "" : "not "}retriable and named ${name}`, () => {
    expect(error.retriable).toBe(retriable);
    expect(error.name).toBe(name);
    expect(error).toBeInstanceOf(Error);
  });
});
