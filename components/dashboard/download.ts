/**
 * Save text as a file through a temporary `<a download>`: no `downloads` permission, no network.
 */
export function downloadText(text: string, filename: string, type: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // Revoke after the click has been handled: revoking synchronously can cancel the download in Firefox.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
