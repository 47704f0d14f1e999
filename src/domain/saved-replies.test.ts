import { describe, expect, it } from "vitest";
import { fillSavedReply } from "./saved-replies";

const context = { requesterName: "Jiho Park", requestNumber: 1065 };

describe("fillSavedReply", () => {
  it("fills the requester's name and the request's number, wherever and however often they appear", () => {
    expect(fillSavedReply("Hello {{requester.name}}, about #{{request.number}}: thanks, {{requester.name}}.", context)).toBe("Hello Jiho Park, about #1065: thanks, Jiho Park.");
  });

  it("accepts spaces inside the braces", () => {
    expect(fillSavedReply("Hi {{ requester.name }}", context)).toBe("Hi Jiho Park");
  });

  it("leaves unknown placeholders as written", () => {
    expect(fillSavedReply("Hi {{requester.email}} {{agent.name}} {{request.numbr}}", context)).toBe("Hi {{requester.email}} {{agent.name}} {{request.numbr}}");
  });

  it("does not read placeholder names from the object's prototype", () => {
    expect(fillSavedReply("{{constructor.name}}", context)).toBe("{{constructor.name}}");
  });

  it("takes the values literally, even when they look like replacement patterns", () => {
    expect(
      fillSavedReply("Hi {{requester.name}}", {
        requesterName: "$& $1 {{request.number}}",
        requestNumber: 7,
      }),
    ).toBe("Hi $& $1 {{request.number}}");
  });

  it("leaves text without placeholders unchanged", () => {
    expect(fillSavedReply("No placeholders { here }", context)).toBe("No placeholders { here }");
  });
});
