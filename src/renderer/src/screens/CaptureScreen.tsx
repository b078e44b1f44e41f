/** Document camera or image file → base64 for OCR in main. The camera stream stops when the screen closes. */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cameraErrorText } from '../components/errorText.ts';

function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function CaptureScreen(props: {
  cameraId: string | null;
  startWithFile?: boolean;
  busy: boolean;
  onImage(base64: string): void;
}) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => () => stream?.getTracks().forEach((tr) => tr.stop()), [stream]);
  useEffect(() => {
    if (props.startWithFile) fileInput.current?.click();
  }, [props.startWithFile]);

  const start = async () => {
    setError(null);
    try {
      const s = await navigator.mediaDevices.getUserMedia({
        video: {
          ...(props.cameraId ? { deviceId: { exact: props.cameraId } } : { facingMode: 'environment' }),
          width: { ideal: 2560 },
          height: { ideal: 1440 },
        },
      });
      setStream(s);
      if (video.current) {
        video.current.srcObject = s;
        await video.current.play();
      }
    } catch (e) {
      setError(cameraErrorText(e, t));
    }
  };

  const shoot = () => {
    const v = video.current;
    if (!v || !stream) return;
    const canvas = document.createElement('canvas');
    canvas.width = v.videoWidth;
    canvas.height = v.videoHeight;
    canvas.getContext('2d')?.drawImage(v, 0, 0);
    props.onImage(canvas.toDataURL('image/png').split(',')[1]!);
  };

  return (
    <section className="capture" onKeyDown={(e) => e.key === 'Enter' && stream && shoot()}>
      <h2>{t('capture.title')}</h2>
      <p>{t('capture.hint')}</p>
      <video ref={video} muted playsInline className={stream ? '' : 'hidden'} />
      {error && (
        <p className="banner error" role="alert">
          {error}
        </p>
      )}
      {props.busy && (
        <p className="busy" role="status">
          {t('capture.reading')}
        </p>
      )}
      <div className="actions">
        {!stream ? (
          <button type="button" className="big" onClick={() => void start()} disabled={props.busy}>
            {t('capture.start')}
          </button>
        ) : (
          <button type="button" className="big primary" onClick={shoot} disabled={props.busy} autoFocus>
            {t('capture.shoot')}
          </button>
        )}
        <label className="big button">
          {t('capture.file')}
          <input
            ref={fileInput}
            type="file"
            accept="image/*"
            data-testid="file-input"
            className="visually-hidden"
            disabled={props.busy}
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void f.arrayBuffer().then((b) => props.onImage(toBase64(b)));
              e.target.value = '';
            }}
          />
        </label>
      </div>
    </section>
  );
}
