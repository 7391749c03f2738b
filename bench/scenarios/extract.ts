// extract: the embedded extractor (lib/extraction extractWithRules, what the
// extract_lead job runs without an LLM) on generated 12-message conversations
// in one thread of this process: one core. Conversations vary names, emails,
// phones, companies, products, urgency and languages (Portuguese, Spanish,
// English), the agent's turns between the prospect's. The rate is given per
// second of this process's CPU time (what one core does, whatever else the
// machine runs) and per second of wall time; the target is held against the
// first. Each result is checked to have found the planted email.
import type { ConversationInput } from "@/lib/extraction/types";
import { extractWithRules } from "@/lib/extraction/embedded-provider";
import { atLeast, check, type Outcome, type Scenario, type Size } from "../support/scenario";
import { round } from "../support/stats";

const SIZES: Record<Size, { conversations: number; passes: number }> = {
  full: { conversations: 2_000, passes: 5 },
  small: { conversations: 100, passes: 1 },
};
const BOUND = 2_000;

const FIRST = ["Ana", "João", "María", "Carlos", "Grace", "Lucía", "Pedro", "Fernanda", "Diego", "Sofía"];
const LAST = ["Souza", "Silva", "Gómez", "Martínez", "Lima", "Costa", "Ribeiro", "Hernández", "Almeida", "Rocha"];
const PRODUCTS = ["Solar Kit", "Battery", "Inverter", "Maintenance", "Consulting"];
const LANGUAGES = [
  { country: "BR", waPrefix: "55119", greet: "Oi, tudo bem? Meu nome é", want: "Quero um orçamento de", urgent: "preciso disso urgente, até sexta", reply: "Claro! Pode me passar seu email?" },
  { country: "MX", waPrefix: "52155", greet: "Hola, buenas tardes. Soy", want: "Me interesa cotizar", urgent: "lo necesito esta semana", reply: "¡Con gusto! ¿Me comparte su correo?" },
  { country: "US", waPrefix: "1555", greet: "Hi there, this is", want: "I'd like a quote for", urgent: "we need it as soon as possible", reply: "Sure! What is the best email to reach you?" },
];

/** The i-th generated conversation: 12 messages, prospect and agent alternating. */
export function generatedConversation(i: number): ConversationInput {
  const language = LANGUAGES[i % LANGUAGES.length]!;
  const name = `${FIRST[i % FIRST.length]} ${LAST[(i / FIRST.length) % LAST.length | 0]}`;
  const email = `${name.split(" ")[0]!.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase()}.${i}@example.com`;
  const product = PRODUCTS[i % PRODUCTS.length]!;
  const company = i % 3 === 0 ? `Empresa ${LAST[i % LAST.length]} ${i}` : null;
  const texts: Array<["user" | "assistant", string]> = [
    ["user", `${language.greet} ${name}.`],
    ["assistant", language.reply],
    ["user", `${language.want} ${product}${company ? ` para a ${company}` : ""}.`],
    ["assistant", "Perfeito, qual o tamanho do projeto?"],
    ["user", `Umas ${10 + (i % 40)} placas, telhado de ${50 + (i % 200)} m2.`],
    ["assistant", language.reply],
    ["user", `Meu email é ${email}`],
    ["assistant", "Obrigado! E um telefone para contato?"],
    ["user", `Pode ligar no +${language.waPrefix}${String(10_000_000 + i).slice(-8)}`],
    ["assistant", "Anotado. Tem algum prazo?"],
    ["user", i % 2 === 0 ? language.urgent : "Sem pressa, só pesquisando preços."],
    ["assistant", "Vou preparar a proposta e te envio hoje."],
  ];
  const start = Date.parse("2026-05-04T10:00:00Z") + i * 1_000;
  return {
    id: `bench-${i}`,
    defaultCountry: language.country,
    products: PRODUCTS,
    contact: { waId: `${language.waPrefix}${String(10_000_000 + i).slice(-8)}`, profileName: i % 4 === 0 ? null : name },
    messages: texts.map(([role, content], index) => ({ id: `m${index + 1}`, role, content, at: new Date(start + index * 60_000).toISOString() })),
  };
}

export const extractScenario: Scenario = {
  name: "extract",
  target: "the embedded extractor on 12-message conversations: >= 2,000 conversations/s on one core",
  async run(size, { progress }): Promise<Outcome> {
    const sizes = SIZES[size];
    const conversations = Array.from({ length: sizes.conversations }, (_, i) => generatedConversation(i));
    // Warm-up: the rules' tables load and the JIT settles.
    for (const conversation of conversations.slice(0, 200)) extractWithRules(conversation);
    progress(`extract: ${sizes.passes} passes over ${sizes.conversations} conversations`);
    let missed = 0;
    const cpuBefore = process.cpuUsage();
    const wallBefore = performance.now();
    for (let pass = 0; pass < sizes.passes; pass++) {
      for (const conversation of conversations) {
        const result = extractWithRules(conversation);
        if (pass === 0 && !result.lead.email?.endsWith("@example.com")) missed += 1;
      }
    }
    const wallSeconds = (performance.now() - wallBefore) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const total = sizes.conversations * sizes.passes;
    const perCpuSecond = Math.round(total / cpuSeconds);
    return {
      sizes: { conversations: sizes.conversations, messagesEach: 12, passes: sizes.passes },
      figures: { conversationsPerCpuSecond: perCpuSecond, conversationsPerWallSecond: Math.round(total / wallSeconds), cpuSeconds: round(cpuSeconds, 2), wallSeconds: round(wallSeconds, 2), msPerConversation: round((cpuSeconds * 1000) / total, 3) },
      targets: { conversationsPerSecondOnOneCore: atLeast(perCpuSecond, BOUND, "conversations/s") },
      checks: [check("every conversation's planted email was found", missed === 0, missed ? { missed } : undefined)],
    };
  },
};
