/** Saves a file through the browser's download (Electron shows its save dialog); used by every export. */
export function downloadBytes(fileName: string, content: string | Uint8Array<ArrayBuffer>, type: string): void {
  // Bytes go in as they are: a binary OpenPGP file must not be re-encoded as UTF-8 text.
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Text (CSV, .ics, armored keys): the same download. */
export function downloadText(fileName: string, content: string, type: string): void {
  downloadBytes(fileName, content, type);
}
