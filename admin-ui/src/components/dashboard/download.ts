/** Hands the browser a CSV file made here, as if it had been downloaded from the server. */
export function downloadCsv(fileName: string, csv: string): void {
  // The byte order mark tells spreadsheet programs the file is UTF-8, so that names with accents
  // (Côte d’Ivoire, the French and Spanish headers) open intact.
  const url = URL.createObjectURL(new Blob(['\ufeff', csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cut the download short in some browsers.
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
