/** Hands a Blob to the browser as a download (the bearer token already did its work in the fetch). */
export function saveFile(blob: Blob, filename: string, from: Node): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  from.appendChild(a);
  a.click();
  a.remove();
  // Let the download start before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
