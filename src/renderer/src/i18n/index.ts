/** UI text in Japanese (default) and English; rule messages come from the rulebook in both. */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../shared/store/records.ts';
import { en } from './en.ts';
import { ja } from './ja.ts';

export function initI18n(language: Language = 'ja') {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'ja',
    resources: { ja: { translation: ja }, en: { translation: en } },
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}
