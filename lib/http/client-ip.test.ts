// Which X-Forwarded-For entry is the client, for each number of trusted proxies.
import { describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";

const xff = (value: string) => new Headers({ "x-forwarded-for": value });

describe("clientIp", () => {
  it("behind one proxy: the entry that proxy appended, whatever the client wrote before it", () => {
    expect(clientIp(xff("203.0.113.9"), 1)).toBe("203.0.113.9");
    expect(clientIp(xff("1.2.3.4, 5.6.7.8, 203.0.113.9"), 1)).toBe("203.0.113.9");
  });

  it("behind two proxies: the second entry from the right", () => {
    expect(clientIp(xff("1.2.3.4, 203.0.113.9, 10.0.0.2"), 2)).toBe("203.0.113.9");
    // Fewer entries than proxies: the leftmost is the best there is.
    expect(clientIp(xff("203.0.113.9"), 2)).toBe("203.0.113.9");
  });

  it("with no proxy: the address Next.js recorded for the connection (the only entry)", () => {
    expect(clientIp(xff("127.0.0.1"), 0)).toBe("127.0.0.1");
    expect(clientIp(xff("::ffff:127.0.0.1"), 0)).toBe("127.0.0.1");
    expect(clientIp(xff("1.2.3.4, 198.51.100.1"), 0)).toBe("198.51.100.1");
  });

  it("reads ports and brackets, and turns anything that is not an address into 'unknown'", () => {
    expect(clientIp(xff("203.0.113.9:51234"), 1)).toBe("203.0.113.9");
    expect(clientIp(xff("[2001:db8::1]:443"), 1)).toBe("2001:db8::1");
    expect(clientIp(xff("2001:DB8::1"), 1)).toBe("2001:db8::1");
    for (const value of ["unknown", "evil.example", "'; DROP TABLE users; --", "999.1.1.1", "a".repeat(5000)]) expect(clientIp(xff(value), 1)).toBe("unknown");
    expect(clientIp(new Headers(), 1)).toBe("unknown");
    expect(clientIp(xff(" , ,"), 1)).toBe("unknown");
  });
});
