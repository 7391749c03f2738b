// The demo exists only where asked: the development server seeds it, a
// production start only with SEED_DEMO=true.
import { describe, expect, it } from "vitest";
import { shouldSeedDemo } from "./login";

describe("shouldSeedDemo", () => {
  it("seeds under `npm run dev` unless told not to", () => {
    expect(shouldSeedDemo("dev", undefined)).toBe(true);
    expect(shouldSeedDemo("dev", false)).toBe(false);
  });

  it("never seeds under `npm start` unless SEED_DEMO=true is set explicitly", () => {
    expect(shouldSeedDemo("start", undefined)).toBe(false);
    expect(shouldSeedDemo("start", false)).toBe(false);
    expect(shouldSeedDemo("start", true)).toBe(true);
  });
});
