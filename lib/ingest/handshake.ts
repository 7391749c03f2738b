// Meta's subscription handshake for the webhook: GET with hub.mode=subscribe,
// hub.verify_token and hub.challenge. The challenge is echoed only when the
// token is ours. Pure.
import { secretsEqual } from "./signature";

/** The challenge to answer with, or null when the request must be refused (403). */
export function subscriptionChallenge(params: URLSearchParams, verifyToken: string): string | null {
  const challenge = params.get("hub.challenge");
  const token = params.get("hub.verify_token");
  if (params.get("hub.mode") !== "subscribe" || !challenge || token === null) return null;
  return secretsEqual(token, verifyToken) ? challenge : null;
}
