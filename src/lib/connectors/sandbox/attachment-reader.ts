/**
 * Reads an attachment's text when a mail arrives. Only text files are read here; PDF and image text
 * (pdf.js, OCR) comes from the document reader in src/lib/ai/extract, which the studio wires in through
 * this interface, so the mailbox does not depend on it.
 */

export interface AttachmentFile {
  name: string;
  type: string;
  bytes: Uint8Array;
}

export interface AttachmentReader {
  /** The file's text, or "" when this reader cannot read its type. */
  read(file: AttachmentFile): Promise<string>;
}

const TEXT_TYPES = /^(text\/|application\/(json|xml|csv|x-yaml|yaml)$)/;
const TEXT_NAMES = /\.(txt|csv|json|md|xml|ya?ml|eml)$/i;

/** Reads text/* (and JSON, CSV, XML, YAML) files as UTF-8; anything else has no text. */
export const textAttachmentReader: AttachmentReader = {
  async read(file) {
    if (!TEXT_TYPES.test(file.type) && !(file.type === '' && TEXT_NAMES.test(file.name))) return '';
    return new TextDecoder('utf-8', { fatal: false }).decode(file.bytes);
  }
};

/** Tries each reader in turn and keeps the first text found (e.g. text first, then PDF, then OCR). */
export function chainReaders(...readers: AttachmentReader[]): AttachmentReader {
  return {
    async read(file) {
      for (const reader of readers) {
        const text = await reader.read(file);
        if (text) return text;
      }
      return '';
    }
  };
}
