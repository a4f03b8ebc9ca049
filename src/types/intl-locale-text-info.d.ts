// `Intl.Locale#getTextInfo()` (ECMA-402 Intl Locale Info, shipped in V8) is not yet in TypeScript's
// lib files.
declare namespace Intl {
  interface Locale {
    /** The writing direction of the locale's script, from CLDR. */
    getTextInfo(): { direction?: 'ltr' | 'rtl' };
  }
}
