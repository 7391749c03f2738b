import { describe, expect, it } from "vitest";
import { UsageError } from "./cli";
import { parseApiKeyCreateArgs, parseCrmConnectArgs, parseWorkspaceCreateArgs } from "./admin-args";

describe("workspace:create arguments", () => {
  it("reads every option", () => {
    expect(
      parseWorkspaceCreateArgs(["--name", "Verde", "--whatsapp-phone-number-id", "123456", "--default-country", "br", "--admin-email", "a@b.co", "--admin-password", "long enough pw"]),
    ).toEqual({ name: "Verde", whatsappPhoneNumberId: "123456", defaultCountry: "BR", admin: { email: "a@b.co", password: "long enough pw" } });
    expect(parseWorkspaceCreateArgs(["--name", "V", "--whatsapp-phone-number-id", "123456", "--default-country", "US"]).admin).toBeUndefined();
  });

  it.each([
    [[], /--name is required/],
    [["--name", "V", "--default-country", "US"], /--whatsapp-phone-number-id is required/],
    [["--name", "V", "--whatsapp-phone-number-id", "abc", "--default-country", "US"], /digits/],
    [["--name", "V", "--whatsapp-phone-number-id", "123456", "--default-country", "Brazil"], /alpha-2/],
    [["--name", "V", "--whatsapp-phone-number-id", "123456", "--default-country", "US", "--admin-password", "x"], /needs --admin-email/],
    [["--name", "V", "--bogus", "1"], /Unknown option '--bogus'/],
    [["--name", "V", "--whatsapp-phone-number-id", "123456", "--default-country", "US", "--admin-email", "a@b.co", "--admin-password", "short"], /at least 10/],
  ])("refuses %j with a usage error", (args, message) => {
    expect(() => parseWorkspaceCreateArgs(args)).toThrow(UsageError);
    expect(() => parseWorkspaceCreateArgs(args)).toThrow(message);
    expect(() => parseWorkspaceCreateArgs(args)).toThrow(/usage: npm run -s workspace:create/);
  });
});

describe("apikey:create arguments", () => {
  it("needs a workspace UUID and names the key 'default' unless told", () => {
    expect(parseApiKeyCreateArgs(["--workspace", "0b3c2a8e-1f0e-4d3b-9a3e-2c6f1d2e3a4b"])).toEqual({ workspaceId: "0b3c2a8e-1f0e-4d3b-9a3e-2c6f1d2e3a4b", name: "default" });
    expect(() => parseApiKeyCreateArgs([])).toThrow(/--workspace is required/);
    expect(() => parseApiKeyCreateArgs(["--workspace", "demo"])).toThrow(UsageError);
  });
});

describe("crm:connect arguments", () => {
  it("takes a workspace, a provider and, for HubSpot, a token (or - for stdin)", () => {
    expect(parseCrmConnectArgs(["--workspace", "verde-solar", "--provider", "hubspot", "--access-token", "pat-na1-x"])).toEqual({ workspace: "verde-solar", provider: "hubspot", accessToken: "pat-na1-x" });
    expect(parseCrmConnectArgs(["--workspace", "w", "--provider", "hubspot", "--access-token", "-"])).toMatchObject({ accessToken: "-" });
    expect(parseCrmConnectArgs(["--workspace", "w", "--provider", "internal"])).toEqual({ workspace: "w", provider: "internal" });
  });

  it("refuses what cannot work, with the usage line", () => {
    expect(() => parseCrmConnectArgs(["--workspace", "w", "--provider", "hubspot"])).toThrow(/--access-token is required[\s\S]*usage: npm run -s crm:connect/);
    expect(() => parseCrmConnectArgs(["--workspace", "w", "--provider", "internal", "--access-token", "t"])).toThrow(/needs none/);
    expect(() => parseCrmConnectArgs(["--workspace", "w", "--provider", "salesforce"])).toThrow(/hubspot or internal/);
    expect(() => parseCrmConnectArgs(["--provider", "internal"])).toThrow(/--workspace is required/);
    expect(() => parseCrmConnectArgs(["--workspace", "w", "--provider", "internal", "--token", "t"])).toThrow(UsageError);
  });
});
