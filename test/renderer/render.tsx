/** Renders a screen with the real i18n setup (Japanese unless asked), for the component tests. */
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { initI18n } from '../../src/renderer/src/i18n/index.ts';

export function renderScreen(ui: ReactElement, language: 'ja' | 'en' = 'ja') {
  return render(<I18nextProvider i18n={initI18n(language)}>{ui}</I18nextProvider>);
}
