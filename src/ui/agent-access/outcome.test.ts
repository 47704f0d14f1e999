import { describe, expect, it } from "vitest";
import { accessAdminParamsSchema } from "./outcome";

describe("the organization-access list's outcome in the URL", () => {
  it("says what was done or refused", () => {
    expect(accessAdminParamsSchema.parse({ done: "granted" })).toEqual({ done: "granted", refused: undefined });
    expect(accessAdminParamsSchema.parse({ refused: "not_approved" })).toEqual({ done: undefined, refused: "not_approved" });
    expect(accessAdminParamsSchema.parse({ refused: "made_up" })).toEqual({ done: undefined, refused: "other" });
  });

  it("reads a repeated or unexpected parameter leniently instead of failing the page", () => {
    expect(accessAdminParamsSchema.parse({ refused: ["a", "b"], done: ["granted", "revoked"] })).toEqual({ done: "granted", refused: "other" });
    expect(accessAdminParamsSchema.parse({ done: "bogus" })).toEqual({ done: undefined, refused: undefined });
  });
});
