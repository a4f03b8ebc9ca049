import { describe, expect, test } from 'vitest';
import { decodePage } from '../../src/content/charset.ts';

// How the importer reads a saved page's bytes. The expected text is written out by hand: in
// windows-1252 the bytes 0x93 0x94 are curly quotes and 0xE9 is "é"; in windows-1251 0xC4 0xE0 is
// "Да"; in KOI8-R the same bytes are "дЮ".

const quoted = (head: string) =>
  Buffer.from(`<html><head>${head}</head><body><p>\x93Quoted\x94 caf\xe9</p></body></html>`, 'latin1');

describe('the charset a page declares', () => {
  test.each([
    ['<meta charset="windows-1252">'],
    ['<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'],
    ['<meta content="text/html; charset=windows-1252" http-equiv="Content-Type">'],
    ['<meta http-equiv=content-type content="text/html; charset=\'windows-1252\'">'],
    ['<META CHARSET=WINDOWS-1252>'],
  ])('%s is read', (head) => {
    expect(decodePage(quoted(head), true)).toMatchObject({ charset: 'windows-1252' });
    expect(decodePage(quoted(head), true).text).toContain('“Quoted” café');
  });

  test('labels are read as the Encoding Standard maps them: latin1 and iso-8859-1 are windows-1252', () => {
    for (const label of ['latin1', 'iso-8859-1', 'ascii', 'cp1252'])
      expect(decodePage(quoted(`<meta charset="${label}">`), true)).toEqual({
        charset: 'windows-1252',
        text: expect.stringContaining('“Quoted” café') as unknown,
      });
  });

  test('a declaration inside a comment is not one', () => {
    const page = quoted('<!-- <meta charset="koi8-r"> --><meta charset="windows-1252">');
    expect(decodePage(page, true)).toMatchObject({ charset: 'windows-1252' });
  });

  test('a charset in a content attribute without http-equiv is not a declaration', () => {
    const page = quoted(
      '<meta name="description" content="charset=koi8-r in a sentence"><meta charset="windows-1252">',
    );
    expect(decodePage(page, true)).toMatchObject({ charset: 'windows-1252' });
  });

  test('a <meta> naming UTF-16 means UTF-8, and x-user-defined means windows-1252', () => {
    const utf8 = Buffer.from('<html><head><meta charset="utf-16"></head><body><p>“Quoted” café</p></body></html>');
    expect(decodePage(utf8, true)).toEqual({
      charset: 'utf-8',
      text: expect.stringContaining('“Quoted” café') as unknown,
    });
    expect(decodePage(quoted('<meta charset="utf-16le">'), true).charset).toBe('utf-8');
    expect(decodePage(quoted('<meta charset="x-user-defined">'), true)).toEqual({
      charset: 'windows-1252',
      text: expect.stringContaining('“Quoted” café') as unknown,
    });
  });

  test('the transport charset outranks the <meta>, and a byte-order mark outranks both', () => {
    const cyrillic = Buffer.from(
      '<html><head><meta charset="koi8-r"></head><body><p>\xc4\xe0</p></body></html>',
      'latin1',
    );
    expect(decodePage(cyrillic, true).text).toContain('дЮ');
    expect(decodePage(cyrillic, true, 'windows-1251')).toMatchObject({ charset: 'windows-1251' });
    expect(decodePage(cyrillic, true, 'windows-1251').text).toContain('Да');
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<meta charset="koi8-r"><p>Да</p>')]);
    expect(decodePage(bom, true, 'windows-1251')).toEqual({
      charset: 'utf-8',
      text: '<meta charset="koi8-r"><p>Да</p>',
    });
    expect(decodePage(cyrillic, true, 'no-such-charset')).toMatchObject({ charset: 'koi8-r' });
  });

  test('UTF-16 with a byte-order mark', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<p>Grüße</p>', 'utf16le')]);
    expect(decodePage(le, true)).toEqual({ charset: 'utf-16le', text: '<p>Grüße</p>' });
  });

  test('with nothing declared: UTF-8 when the bytes are UTF-8, windows-1252 otherwise', () => {
    expect(decodePage(Buffer.from('<p>“Quoted” café</p>'), true)).toEqual({
      charset: 'utf-8',
      text: '<p>“Quoted” café</p>',
    });
    expect(decodePage(Buffer.from('<p>\x93Quoted\x94 caf\xe9</p>', 'latin1'), true)).toEqual({
      charset: 'windows-1252',
      text: '<p>“Quoted” café</p>',
    });
  });

  test('a declaration after the first 1024 bytes is not read; text that is not HTML has no <meta>', () => {
    const late = Buffer.from(
      `<html><head><title>${'x'.repeat(1100)}</title><meta charset="koi8-r"></head><p>\xc4\xe0</p>`,
      'latin1',
    );
    expect(decodePage(late, true).charset).toBe('windows-1252');
    expect(decodePage(quoted('<meta charset="koi8-r">'), false).charset).toBe('windows-1252');
  });
});
