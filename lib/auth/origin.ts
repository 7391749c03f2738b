// CSRF defence for cookie-authenticated requests: a state-changing request must
// come from this site's own pages. Browsers send Origin on every cross-site and
// same-site POST/PUT/PATCH/DELETE, and Sec-Fetch-Site where Origin is absent;
// cookies are SameSite=Lax as a second line.
import { AppError } from "@/lib/errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isStateChanging(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/** The host the browser addressed (a reverse proxy's X-Forwarded-Host first). */
function requestHost(request: Request): string | null {
  const forwarded = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  return forwarded || request.headers.get("host") || new URL(request.url).host;
}

export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (origin && origin !== "null") {
    try {
      return new URL(origin).host === requestHost(request);
    } catch {
      return false;
    }
  }
  const fetchSite = request.headers.get("sec-fetch-site");
  return fetchSite === "same-origin";
}

/** 403 for a state-changing request that does not come from our own pages. */
export function assertSameOriginMutation(request: Request): void {
  if (isStateChanging(request.method) && !isSameOrigin(request)) {
    throw new AppError("forbidden", "Cross-site request refused: send it from LeadBridge's own pages.");
  }
}
