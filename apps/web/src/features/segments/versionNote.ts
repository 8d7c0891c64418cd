// Segment version notes in the UI language. The server stores a note as English text, written from fixed
// templates (apps/server/src/features/segments/service.ts); rows written before this module existed read the
// same, so matching the text back to a key serves old and new rows alike. Any other note is shown as stored.

export type VersionNoteMessage =
  | { key: 'segments.history.noteRestored'; values: { version: string } }
  | { key: 'segments.history.noteDuplicated'; values: { name: string; version: string } };

const restored = /^restored version (\d+)$/;
// Greedy: a segment name may itself contain quotes or the word "version"; the last `" version N` ends it.
const duplicated = /^duplicated from "(.*)" version (\d+)$/s;

/** The translation key and values of a note the server wrote, or null for any other text. */
export function versionNoteMessage(note: string): VersionNoteMessage | null {
  const r = restored.exec(note);
  if (r) return { key: 'segments.history.noteRestored', values: { version: r[1]! } };
  const d = duplicated.exec(note);
  if (d) return { key: 'segments.history.noteDuplicated', values: { name: d[1]!, version: d[2]! } };
  return null;
}

/** The note in the UI language when it is one the server writes, else the stored text as it is. */
export function versionNoteText(note: string, translate: (message: VersionNoteMessage) => string): string {
  const message = versionNoteMessage(note);
  return message ? translate(message) : note;
}
