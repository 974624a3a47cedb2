/** Placeholder: filled in by the billing work. */
export function PaymentsSection(_props: { caseId: string }) {
  return null;
}
