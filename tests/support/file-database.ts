// Gives each integration test file a clean database cloned from the migrated
// template, published as DATABASE_URL before the file's imports run.
import { randomUUID } from "node:crypto";
import { afterAll, inject } from "vitest";
import { disconnectDb } from "@/lib/db/client";
import { adminQuery } from "@/lib/db/migrations";
import { publishDatabaseUrl } from "@/lib/env";
import { TEMPLATE_DATABASE } from "./global-database";

const serverUrl = inject("testDatabaseServerUrl");
const name = `leadbridge_test_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
const url = `${serverUrl}/${name}`;

await adminQuery(url, `CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DATABASE}"`);
publishDatabaseUrl(url);

afterAll(async () => {
  await disconnectDb();
  await adminQuery(url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
});
