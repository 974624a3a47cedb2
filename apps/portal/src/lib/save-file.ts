/** Hands a downloaded file to the browser to save, under the name given. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the file only after this task ends: let go of it a minute later.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
