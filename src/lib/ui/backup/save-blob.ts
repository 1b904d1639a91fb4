/**
 * Hand the person a Blob to save, as a browser download. ui/download.ts does the same for a text; a
 * backup stays a Blob built from parts, never one string as large as the database.
 */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Revoked later than a text's address: a large Blob may still be read when this turn ends.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
