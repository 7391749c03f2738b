// Every catalog (messages/<locale>.json) says the same things: exactly the
// keys of the English one, and in each message the same ICU placeholders
// ({name}, {count, plural, ...}), so no screen shows a raw key or drops a value.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { LOCALES } from "./locales";

type Catalog = { [key: string]: string | Catalog };

function catalog(locale: string): Catalog {
  return JSON.parse(readFileSync(path.join(import.meta.dirname, "../../messages", `${locale}.json`), "utf8")) as Catalog;
}

/** "queue.filters.search" -> message, for every leaf. */
function flatten(node: Catalog, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(node)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(full, value);
    else for (const [inner, message] of flatten(value, full)) out.set(inner, message);
  }
  return out;
}

/** The placeholders of a message, with their kind ("count:plural", "name:argument"), sorted. */
function placeholders(message: string): string[] {
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.argument) found.add(`${element.value}:argument`);
      else if (element.type === TYPE.number || element.type === TYPE.date || element.type === TYPE.time) found.add(`${element.value}:${TYPE[element.type]}`);
      else if (element.type === TYPE.plural || element.type === TYPE.select) {
        found.add(`${element.value}:${TYPE[element.type]}`);
        for (const option of Object.values(element.options)) walk(option.value);
      } else if (element.type === TYPE.tag) {
        found.add(`<${element.value}>`);
        walk(element.children);
      }
    }
  };
  walk(parse(message, { ignoreTag: false }));
  return [...found].sort();
}

const english = flatten(catalog("en"));

describe("message catalogs", () => {
  it("has messages", () => {
    expect(english.size).toBeGreaterThan(100);
  });

  for (const locale of LOCALES) {
    it(`${locale} has exactly the English keys`, () => {
      const messages = flatten(catalog(locale));
      expect([...messages.keys()].sort()).toEqual([...english.keys()].sort());
    });

    it(`${locale} has the same placeholders in every message, and each parses`, () => {
      const messages = flatten(catalog(locale));
      const mismatched = [...english].filter(([key, message]) => JSON.stringify(placeholders(messages.get(key) ?? "")) !== JSON.stringify(placeholders(message))).map(([key]) => key);
      expect(mismatched).toEqual([]);
    });
  }
});
