import { MAX_IMPORT_FILE_BYTES } from '../../../../../shared/import';
// The renderer has no Node Buffer: a picked file is read as bytes and base64-encoded in
// chunks (a multiple of 3 bytes, so the chunks' base64 texts simply concatenate).

const CHUNK = 3 * 16 * 1024;

export async function fileToBase64(file: Blob): Promise<string> {
  return bytesToBase64(new Uint8Array(await file.arrayBuffer()));
}

export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const chunk = bytes.subarray(i, i + CHUNK);
    let binary = '';
    for (let j = 0; j < chunk.length; j += 4096) binary += String.fromCharCode(...chunk.subarray(j, j + 4096));
    parts.push(btoa(binary));
  }
  return parts.join('');
}

/** The core takes at most 64 MiB; larger files are refused before they are read. */
export const MAX_IMPORT_BYTES = MAX_IMPORT_FILE_BYTES;
