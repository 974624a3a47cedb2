/** Saves a document as a JSON file through the browser's own download. */
export function downloadJson(document: unknown, fileName: string): void {
  downloadFile(JSON.stringify(document, null, 2), fileName, 'application/json');
}

/** Saves text as a file through the browser's own download. */
export function downloadFile(contents: string, fileName: string, type: string): void {
  downloadBlob(new Blob([contents], { type }), fileName);
}

/** Saves a file the API sent (a PDF) through the browser's own download. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = window.document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Some browsers start the download only after the click handler returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** "Alex Morgan & Jordan Lee", "2026-07-15" → "trustwork-alex-morgan-jordan-lee-2026-07-15.json". */
export function exportFileName(caseName: string, date: string, extension: 'json' | 'pdf' = 'json'): string {
  const slug = caseName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `trustwork-${slug || 'case'}-${date}.${extension}`;
}
