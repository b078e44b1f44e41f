import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { getApi } from './api.ts';
import { App } from './App.tsx';
import { initI18n } from './i18n/index.ts';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={initI18n()}>
      <App api={getApi()} />
    </I18nextProvider>
  </StrictMode>,
);
