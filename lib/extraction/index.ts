// The extraction module's public surface: what the rest of the app calls.
export { extractorFor, isProviderName, ProviderConfigError, PROVIDER_NAMES, type ProviderName } from "./providers";
export { embeddedExtractor, extractWithRules } from "./embedded-provider";
export { createLlmExtractor, createLlmDrafter, type LlmExtractorOptions } from "./llm-provider";
export { createCombinedExtractor, combineDrafts } from "./combined-provider";
export { conversationFileSchema, parseConversationFile, toConversationInput, ConversationFileError, type ConversationFile } from "./conversation-file";
export { toLeadLine, type LeadLine } from "./lead-line";
export { qualify, readPhone, readWhatsAppId, isValidEmail, emailTypoHint } from "./validation";
export type * from "./types";
