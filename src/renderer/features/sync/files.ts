/**
 * Bundles and enrolment files in the browser host: the core hands over the bytes (base64) or text
 * and takes them back, so no path on the core's machine is ever named by a web page.
 */

export const BUNDLE_ACCEPT = '.slbundle';

function download(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Saves bytes through the browser's download (the user then copies the file to the USB stick). */
export function downloadBase64(fileName: string, base64: string): void {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  download(fileName, new Blob([bytes], { type: 'application/octet-stream' }));
}

export function downloadText(fileName: string, text: string): void {
  download(fileName, new Blob([text], { type: 'application/json;charset=utf-8' }));
}

/** A selected file's bytes as base64, read natively (large bundles never pass through a JS string loop). */
export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      const comma = url.indexOf(',');
      resolve(comma >= 0 ? url.slice(comma + 1) : '');
    };
    reader.onerror = () => reject(reader.error ?? new Error('file read failed'));
    reader.readAsDataURL(file);
  });
}
