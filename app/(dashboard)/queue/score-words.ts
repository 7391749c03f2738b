// A lead's labeled scores in the reader's language: the one-line summary and
// the three fields the CRM gets (lib/scoring/labels.ts writes them in English
// for the CRM), worded from the score's band, objection and tone through the
// catalog ("review.score"). A value outside the vocabulary keeps the English
// labels, which already say it is unknown.
import type { Translate } from "@/app/_components/lead-words";
import type { IntentBand } from "@/lib/scoring/labels";
import { normalizeVocabularyValue } from "@/lib/scoring/vocabulary";

/** The lead detail's score (lib/leads/detail.ts): English summary and fields, and the values behind them. */
type Score = { summary: string; fields: Record<string, string>; objectionType: string; followUpTone: string; band: IntentBand; intentText: string; known: boolean };

export function scoreWords(t: Translate, score: Score): { summary: string; fields: [string, string][] } {
  if (!score.known) return { summary: score.summary, fields: Object.entries(score.fields) };
  const objection = normalizeVocabularyValue(score.objectionType);
  const tone = normalizeVocabularyValue(score.followUpTone);
  const band = t(`review.score.bands.${score.band}`);
  return {
    summary: t("review.score.summary", { band, objection: t(`review.score.objections.${objection}.phrase`), tone: t(`review.score.tones.${tone}.phrase`) }),
    fields: [
      [t("crmSettings.mapping.fields.leadScore"), `${band} (${score.intentText})`],
      [t("crmSettings.mapping.fields.primaryObjection"), t(`review.score.objections.${objection}.field`)],
      [t("crmSettings.mapping.fields.recommendedApproach"), t(`review.score.tones.${tone}.field`)],
    ],
  };
}
