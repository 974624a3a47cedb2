/** Placeholder: filled in by the billing work. */
export function InvoicesSection(_props: { caseId: string }) {
  return null;
}
