import { describe, expect, it } from "vitest";
import { subscriptionChallenge } from "./handshake";

const params = (query: string) => new URLSearchParams(query);

describe("subscriptionChallenge", () => {
  it("echoes the challenge for a subscribe request with our token", () => {
    expect(subscriptionChallenge(params("hub.mode=subscribe&hub.verify_token=tok&hub.challenge=1158201444"), "tok")).toBe("1158201444");
  });

  it("refuses a wrong token, another mode, or missing parts", () => {
    expect(subscriptionChallenge(params("hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1"), "tok")).toBeNull();
    expect(subscriptionChallenge(params("hub.mode=unsubscribe&hub.verify_token=tok&hub.challenge=1"), "tok")).toBeNull();
    expect(subscriptionChallenge(params("hub.mode=subscribe&hub.challenge=1"), "tok")).toBeNull();
    expect(subscriptionChallenge(params("hub.mode=subscribe&hub.verify_token=tok"), "tok")).toBeNull();
  });
});
