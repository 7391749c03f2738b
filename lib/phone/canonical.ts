// One person, one number: WhatsApp and people write some numbers in two forms.
// Brazil's mobiles gained a leading 9 (old wa_ids still lack it), and Mexico's
// mobiles were dialled with a 1 after +52 (wa_ids still carry it). Both forms
// are turned into today's form so the same person matches one contact.

/** Today's form of an E.164 number (other numbers are returned unchanged). */
export function canonicalPhone(e164: string): string {
  const brazilOldMobile = /^\+55(\d{2})([6-9]\d{7})$/.exec(e164);
  if (brazilOldMobile) return `+55${brazilOldMobile[1]}9${brazilOldMobile[2]}`;
  const mexicoMobileWithOne = /^\+521(\d{10})$/.exec(e164);
  if (mexicoMobileWithOne) return `+52${mexicoMobileWithOne[1]}`;
  return e164;
}

/** A WhatsApp wa_id (digits only) as a canonical E.164 number. */
export function phoneFromWaId(waId: string): string {
  return canonicalPhone(`+${waId.replace(/\D/g, "")}`);
}

/** Every wa_id a canonical number may arrive as (today's form and the old one), to find a person's conversations. */
export function waIdForms(e164: string): string[] {
  const digits = canonicalPhone(e164).replace(/\D/g, "");
  const forms = [digits];
  const brazilMobile = /^55(\d{2})9(\d{8})$/.exec(digits);
  if (brazilMobile) forms.push(`55${brazilMobile[1]}${brazilMobile[2]}`);
  const mexico = /^52(\d{10})$/.exec(digits);
  if (mexico) forms.push(`521${mexico[1]}`);
  return forms;
}
