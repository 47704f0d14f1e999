import { describe, expect, it } from "vitest";
import { AVATAR_COLOURS, avatarColour, initialsOf } from "./avatar-look";

describe("avatarColour", () => {
  it("gives a person the same colour every time, from their id alone", () => {
    expect(avatarColour("cm1-ana")).toBe(avatarColour("cm1-ana"));
    expect(AVATAR_COLOURS).toContain(avatarColour("cm1-ana"));
  });

  it("spreads people over the whole palette", () => {
    const used = new Set(Array.from({ length: 200 }, (_, index) => avatarColour(`user-${index}`)));
    expect(used.size).toBe(AVATAR_COLOURS.length);
  });

  it("tells apart ids that differ in one character", () => {
    const colours = new Set(["user-1", "user-2", "user-3", "user-4"].map(avatarColour));
    expect(colours.size).toBeGreaterThan(1);
  });
});

describe("initialsOf", () => {
  it("takes the first letters of the first and last words", () => {
    expect(initialsOf("Ana María López")).toBe("AL");
    expect(initialsOf("  grace   hopper ")).toBe("GH");
  });

  it("takes one letter of a one-word name, whatever the script", () => {
    expect(initialsOf("김민준")).toBe("김");
    expect(initialsOf("Émile")).toBe("É");
  });

  it("skips punctuation before a word and words without letters", () => {
    expect(initialsOf("(Support) Team —")).toBe("ST");
    expect(initialsOf("--- ")).toBe("?");
  });
});
