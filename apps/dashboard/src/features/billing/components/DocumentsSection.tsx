/** Placeholder: filled in by the billing work. */
export function DocumentsSection(_props: { caseId: string }) {
  return null;
}
