/** A query object as `?a=1&b=x`, leaving out empty values; '' when nothing is set. */
export function toSearchParams(query: object): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
