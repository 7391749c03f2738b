// Held-out conversations (not fixtures) for who the lead is: names and companies.
import { describe, expect, it } from "vitest";
import { conversation } from "./conversation-builder.fixture";
import { extractWithRules } from "./embedded-provider";

const nameOf = (messages: Array<["u" | "a", string]>, profile: string | null = null) => extractWithRules(conversation({ messages, profile })).lead.name;

describe("embedded provider: names", () => {
  it.each<[string, Array<["u" | "a", string]>, string]>([
    ["English introduction", [["u", "Hi, my name is Daniel Okafor and I need a quote"]], "Daniel Okafor"],
    ["Spanish", [["u", "Buenas tardes, me llamo Lucía Fernández Soto"]], "Lucía Fernández Soto"],
    ["Portuguese", [["u", "Oi! Aqui é o Rafael Nunes, tudo bem?"]], "Rafael Nunes"],
    ["German", [["u", "Guten Tag, ich bin Jonas Becker."]], "Jonas Becker"],
    ["French", [["u", "Bonjour, je m'appelle Camille Dubois"]], "Camille Dubois"],
    ["Hindi-English", [["u", "namaste, mera naam Rohit Verma hai"]], "Rohit Verma"],
    ["Hindi-English 'main X hoon'", [["u", "hello ji, main Suresh Iyer bol raha hoon"]], "Suresh Iyer"],
    ["Portuguese 'me chamo'", [["u", "oi, me chamo Paulo Souza"]], "Paulo Souza"],
    ["German 'ich heiße'", [["u", "Hallo, ich heiße Lena Wolf"]], "Lena Wolf"],
    ["X here", [["u", "Good morning. Anita Desai here, need pest control"]], "Anita Desai"],
    ["answer to the name question", [["u", "price for cleaning?"], ["a", "Sure! May I have your name?"], ["u", "Kwame Mensah"]], "Kwame Mensah"],
    ["answer with more after it", [["a", "¿A nombre de quién?"], ["u", "Valentina Ríos, para el sábado"]], "Valentina Ríos"],
    ["lowercase answer", [["a", "what's your name?"], ["u", "tomas reyes"]], "Tomas Reyes"],
    ["name after small talk", [["a", "Com quem eu falo?"], ["u", "pode sim. Beatriz Costa"]], "Beatriz Costa"],
    ["surname particles", [["u", "Sou a Maria da Conceição Alves"]], "Maria da Conceição Alves"],
    ["name's", [["u", "name's Bob Smith btw"]], "Bob Smith"],
    ["first name then full name", [["a", "Your name?"], ["u", "I'm Priya. Priya Nair"]], "Priya Nair"],
    ["speaking", [["u", "Hello, Carlos Mendes speaking"]], "Carlos Mendes"],
    ["bare 'Name?' question", [["u", "need backup power"], ["a", "Sure. Name?"], ["u", "Sipho Mokoena"]], "Sipho Mokoena"],
    ["French 'à quel nom ?'", [["a", "À quel nom ?"], ["u", "Claire Moreau"]], "Claire Moreau"],
    ["title dropped", [["u", "Hi, I am Dr. Ahmed Khan"]], "Ahmed Khan"],
  ])("%s", (_label, messages, expected) => {
    expect(nameOf(messages)).toBe(expected);
  });

  it("does not take the answer to 'what is your child's name?' as the lead's name", () => {
    expect(nameOf([["u", "beti ke liye tuition chahiye"], ["a", "Bachche ka naam?"], ["u", "Anaya Sharma"]])).toBeNull();
    expect(nameOf([["a", "What's your son's name?"], ["u", "Leo Martins"], ["a", "And your name?"], ["u", "Paula Martins"]])).toBe("Paula Martins");
  });

  it("takes the enquirer, not the person they enquire for", () => {
    expect(nameOf([["u", "I'm asking for my daughter Emily, she wants lessons"], ["a", "Who am I speaking with?"], ["u", "Sarah Collins, her mum"]])).toBe("Sarah Collins");
    expect(nameOf([["u", "Hola, escribo por mi hijo Mateo"], ["a", "¿Tu nombre?"], ["u", "Me llamo Carmen Ortiz"]])).toBe("Carmen Ortiz");
  });

  it("prefers the given full name to a different profile name and flags the difference", () => {
    const result = extractWithRules(conversation({ profile: "Bubbles 🌸", messages: [["u", "hi, I'm Priya Raman"]] }));
    expect(result.lead.name).toBe("Priya Raman");
    expect(result.flags.map((flag) => flag.code)).toContain("name_differs_from_profile");
  });

  it("completes a first name with a matching full profile name", () => {
    expect(nameOf([["u", "this is Omar, I need a roof repair"]], "Omar Haddad")).toBe("Omar Haddad");
  });

  it("falls back to a person-like profile name, flagged", () => {
    const result = extractWithRules(conversation({ profile: "Chiara Bianchi", messages: [["u", "quanto costa?"]] }));
    expect(result.lead.name).toBe("Chiara Bianchi");
    expect(result.flags.map((flag) => flag.code)).toContain("name_from_profile");
  });

  it("has no name when there is none and the profile is not a name", () => {
    expect(nameOf([["u", "how much?"], ["a", "Your name?"], ["u", "later"]], "🔥🔥")).toBeNull();
    expect(nameOf([["u", "prices pls"]], null)).toBeNull();
    expect(nameOf([["u", "hi"]], "Bob & Alice")).toBeNull();
  });

  it("does not read weekdays or filler words as names", () => {
    expect(nameOf([["u", "It's Friday tomorrow, I'm interested in the package"]])).toBeNull();
    expect(nameOf([["a", "What's your name?"], ["u", "Ok Thanks"]])).toBeNull();
  });
});

describe("embedded provider: companies", () => {
  const companyOf = (messages: Array<["u" | "a", string]>) => extractWithRules(conversation({ messages })).lead.company;

  it.each<[string, Array<["u" | "a", string]>, string]>([
    ["legal form", [["u", "Somos a Padaria Pão Dourado Ltda, queremos o plano"]], "Padaria Pão Dourado Ltda"],
    ["GmbH", [["u", "Wir sind die Müller Logistik GmbH aus Hamburg"]], "Müller Logistik GmbH"],
    ["name from Company", [["u", "Hi, this is Grace from Brightwave Media"]], "Brightwave Media"],
    ["work at", [["u", "I work at Kestrel Analytics and need a team plan"]], "Kestrel Analytics"],
    ["owner of, cut before the place", [["u", "soy dueño de Panadería La Espiga, en Monterrey"]], "Panadería La Espiga"],
    ["answer to the business question", [["a", "¿Cómo se llama tu empresa?"], ["u", "Ferretería Norte"]], "Ferretería Norte"],
    ["French chez", [["u", "Je travaille chez Atelier Lumière et je cherche un devis"]], "Atelier Lumière"],
    ["I own", [["a", "Name?"], ["u", "Sipho Mokoena, I own Mokoena Spaza Shop in Soweto"]], "Mokoena Spaza Shop"],
    ["a business called", [["u", "I run a small bakery called Sweet Crumbs"]], "Sweet Crumbs"],
    ["answer to 'what company are you with?'", [["a", "What company are you with?"], ["u", "BlueSky Events"]], "BlueSky Events"],
  ])("%s", (_label, messages, expected) => {
    expect(companyOf(messages)).toBe(expected);
  });

  it("has no company for an unnamed employer or a place", () => {
    expect(companyOf([["u", "I work at a startup in Lagos"]])).toBeNull();
    expect(companyOf([["u", "I'm from Lisbon, moving next month"]])).toBeNull();
  });
});
