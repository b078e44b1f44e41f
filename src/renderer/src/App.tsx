import { useEffect, useState } from 'react';
import type { AppInfo } from '../../shared/ipc/contract.ts';
import { getApi } from './api.ts';

const NO_BRIDGE = 'サービスに接続できません（service bridge missing）';

export function App() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<string | null>(() => (getApi() ? null : NO_BRIDGE));

  useEffect(() => {
    getApi()
      ?.info()
      .then(setInfo, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);

  return (
    <main className="waiting">
      <h1>受付</h1>
      <p className="prompt">マイナ保険証をカードリーダーに置くか、書類を撮影・スキャンしてください</p>
      <footer className="status" aria-live="polite">
        {error ? <span role="alert">{error}</span> : info ? <span>ルールブック {info.rulebookVersion} · v{info.appVersion}</span> : <span>起動中…</span>}
      </footer>
    </main>
  );
}
