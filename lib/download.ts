/** Saves text as a file from an extension page (exports of notes and of the archive). */
export function downloadText(fileName: string, mime: string, text: string): void {
  // A BOM lets spreadsheet programs read the CSV's UTF-8 as UTF-8.
  const body = mime === 'text/csv' ? `\uFEFF${text}` : text;
  const url = URL.createObjectURL(new Blob([body], { type: `${mime};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
