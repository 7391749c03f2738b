// The demo workspace's admin login, documented in README.md. Local use only:
// it is created with the demo workspace on the first start of an empty database.
export const DEMO_LOGIN = { email: "demo@leadbridge.local", password: "leadbridge-demo" } as const;
