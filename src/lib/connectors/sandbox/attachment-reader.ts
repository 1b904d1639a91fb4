/**
 * Reads an attachment's text when a mail arrives. Only text files are read here; PDF and image text
 * (pdf.js, OCR) comes from the document reader in src/lib/ai/extract, which the studio wires in through
 * this interface (src/lib/worker/document-reader.ts), so the mailbox does not depend on it.
 */

export interface AttachmentFile {
  name: string;
  type: string;
  bytes: Uint8Array;
}

/** What a reader found in a file: its text, a PDF's page count, or why it could not be read. */
export interface AttachmentText {
  text: string;
  /** How many pages a PDF has. */
  pages?: number;
  /** Why the file could not be read, in plain words (the mail still arrives, with empty text). */
  problem?: string;
}

export interface AttachmentReader {
  /** The file's text ("" when this reader cannot read its type), or the text with pages or a problem. */
  read(file: AttachmentFile): Promise<string | AttachmentText>;
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

/** A reader's answer as an AttachmentText; a reader that throws gives a problem instead of losing the mail. */
export async function readAttachment(reader: AttachmentReader, file: AttachmentFile): Promise<AttachmentText> {
  try {
    const found = await reader.read(file);
    return typeof found === 'string' ? { text: found } : found;
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return { text: '', problem: `"${file.name}" could not be read: ${why}` };
  }
}

/**
 * Tries each reader in turn and keeps the first text found (e.g. text first, then PDF, then OCR). When
 * none finds text, the first problem a reader gave is kept, so the person learns why.
 */
export function chainReaders(...readers: AttachmentReader[]): AttachmentReader {
  return {
    async read(file) {
      let problem: string | undefined;
      for (const reader of readers) {
        const found = await readAttachment(reader, file);
        if (found.text) return found;
        problem ??= found.problem;
      }
      return problem ? { text: '', problem } : '';
    }
  };
}
