/** What kind of document a file is (text, PDF, image), from its media type, its name and its first bytes. */
export type DocumentKind = 'text' | 'pdf' | 'image';

/** A document as it arrives: from a file input, an email attachment or the disk. */
export interface DocumentInput {
  name: string;
  /** The media type, e.g. "application/pdf"; may be empty when unknown. */
  type?: string;
  bytes: Uint8Array;
}

const TEXT_EXT = /\.(txt|text|csv|tsv|md|eml|json|html?|xml|log)$/i;
const IMAGE_EXT = /\.(png|jpe?g|gif|webp|bmp|tiff?)$/i;

function startsWith(bytes: Uint8Array, ...sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/** The image formats tesseract.js reads, by their magic numbers. */
export function isImageBytes(bytes: Uint8Array): boolean {
  return (
    startsWith(bytes, 0x89, 0x50, 0x4e, 0x47) || // PNG
    startsWith(bytes, 0xff, 0xd8, 0xff) || // JPEG
    startsWith(bytes, 0x47, 0x49, 0x46, 0x38) || // GIF
    startsWith(bytes, 0x42, 0x4d) || // BMP
    (startsWith(bytes, 0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45) // RIFF....WEBP
  );
}

export const isPdfBytes = (bytes: Uint8Array) => startsWith(bytes, 0x25, 0x50, 0x44, 0x46); // %PDF

/** Text we can show: valid UTF-8 with no NUL bytes (binary files have them early on). */
export function decodeText(bytes: Uint8Array): string | null {
  if (bytes.subarray(0, 4096).includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return null;
  }
}

/** The kind of the document, or null when it is none we read. Content wins over a misleading name. */
export function documentKind(doc: DocumentInput): DocumentKind | null {
  const { bytes } = doc;
  if (isPdfBytes(bytes)) return 'pdf';
  if (isImageBytes(bytes)) return 'image';
  const type = (doc.type ?? '').toLowerCase();
  if (type === 'application/pdf' || /\.pdf$/i.test(doc.name)) return 'pdf'; // named a PDF but is not one: reported as damaged
  if (type.startsWith('image/') || IMAGE_EXT.test(doc.name)) return 'image';
  if (type.startsWith('text/') || type === 'application/json' || TEXT_EXT.test(doc.name) || decodeText(bytes) !== null) {
    return decodeText(bytes) === null ? null : 'text';
  }
  return null;
}
