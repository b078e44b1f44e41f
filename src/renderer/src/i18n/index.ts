/** UI text in Japanese (default) and English; rule messages come from the rulebook in both. */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../shared/store/records.ts';
import { en } from './en.ts';
import { ja } from './ja.ts';

/**
 * The catalogues, in `language`. `<html lang>` follows the language chosen, so screen readers,
 * fonts (Japanese glyph forms) and line breaking follow it too.
 */
export function initI18n(
  language: Language = 'ja',
  root: HTMLElement | undefined = globalThis.document?.documentElement,
) {
  const instance = i18next.createInstance();
  instance.on('languageChanged', (lng) => {
    if (root) root.lang = lng;
  });
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'ja',
    resources: { ja: { translation: ja }, en: { translation: en } },
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}
