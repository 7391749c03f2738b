// One local fake OpenAI server per test file: started before the file's tests,
// closed after them, its recorded requests cleared before each test.
import { afterAll, beforeAll, beforeEach } from "vitest";
import { startFakeOpenAiServer, type FakeOpenAiServer } from "@/tests/fakes/openai-server";

/** Registers the hooks (call it at the top of a test file or describe block); the returned function reaches the server inside a test. */
export function fakeOpenAiServerForFile(): () => FakeOpenAiServer {
  let server: FakeOpenAiServer | undefined;
  beforeAll(async () => {
    server = await startFakeOpenAiServer();
  });
  afterAll(async () => {
    await server?.close();
  });
  beforeEach(() => {
    if (server) server.requests.length = 0;
  });
  return () => {
    if (!server) throw new Error("the fake OpenAI server is not running");
    return server;
  };
}
