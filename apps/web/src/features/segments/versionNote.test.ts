import { describe, expect, it } from 'vitest';
import en from './locales/en.json';
import ja from './locales/ja.json';
import { versionNoteMessage, versionNoteText, type VersionNoteMessage } from './versionNote';

// The exact notes the server writes (asserted on the server side in segments.test.ts).
describe('versionNoteMessage', () => {
  it('reads a restore note', () => {
    expect(versionNoteMessage('restored version 12')).toEqual({ key: 'segments.history.noteRestored', values: { version: '12' } });
  });

  it('reads a duplicate note, whatever the source name holds', () => {
    expect(versionNoteMessage('duplicated from "Dup me" version 1')).toEqual({
      key: 'segments.history.noteDuplicated',
      values: { name: 'Dup me', version: '1' },
    });
    expect(versionNoteMessage('duplicated from "VIP "gold" version 2 list" version 3')?.values).toEqual({ name: 'VIP "gold" version 2 list', version: '3' });
    expect(versionNoteMessage('duplicated from "" version 1')?.values).toEqual({ name: '', version: '1' });
  });

  it('leaves any other text alone', () => {
    for (const note of ['restored version', 'restored version two', 'Restored version 1', 'restored version 1 again', 'duplicated from Dup version 1', 'a note']) {
      expect(versionNoteMessage(note), note).toBeNull();
    }
  });
});

describe('versionNoteText', () => {
  // A stand-in for i18next: fills {{placeholders}} from the segments locale files.
  const translateWith = (book: { history: { noteRestored: string; noteDuplicated: string } }) => (m: VersionNoteMessage) => {
    const template = book.history[m.key === 'segments.history.noteRestored' ? 'noteRestored' : 'noteDuplicated'];
    return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => (m.values as Record<string, string>)[name] ?? `?${name}`);
  };

  it('words the server’s notes in the UI language', () => {
    expect(versionNoteText('restored version 2', translateWith(ja))).toBe('バージョン2を復元');
    expect(versionNoteText('duplicated from "Dup me" version 1', translateWith(ja))).toBe('「Dup me」のバージョン1から複製');
    expect(versionNoteText('restored version 2', translateWith(en))).toBe('restored version 2');
  });

  it('shows any other note as it was stored', () => {
    expect(versionNoteText('imported from the old CRM', translateWith(ja))).toBe('imported from the old CRM');
  });
});
