import { useCallback, useEffect, useRef, useState } from 'react';
import { cameraProblemOf, verificationTokenOf, type CameraProblem } from '../border-check';
import { useI18n } from '../i18n';
import type { MessageKey } from '../messages';

/** Often enough to feel instant, seldom enough to leave a cheap phone's processor to the camera. */
const scanEveryMs = 150;
/** Frames are read at this size at most: a permit's QR code still decodes, in a fraction of the time. */
const frameMaxSide = 720;

type CameraState = { kind: 'off' } | { kind: 'starting' } | { kind: 'scanning' } | { kind: CameraProblem };

const problemKeys: Record<CameraProblem, MessageKey> = {
  refused: 'borderCameraRefused',
  missing: 'borderCameraMissing',
  failed: 'borderCameraFailed',
};

/** What a running camera needs to be stopped: the stream, the next frame's timer, and a flag for late answers. */
interface CameraSession {
  stopped: boolean;
  stream?: MediaStream;
  timer?: number;
}

/**
 * Reads a permit's QR code with the phone's rear camera: a frame every 150 ms goes through jsQR
 * until a code holds a verification token. The camera stops as soon as one is read, on Stop, when
 * the page is hidden and when the officer leaves the page. jsQR is fetched only when scanning
 * starts, so officers who type codes never download it.
 */
export function QrScanner({ onToken }: { onToken(token: string): void }) {
  const { t } = useI18n();
  const [camera, setCamera] = useState<CameraState>({ kind: 'off' });
  const [notPermit, setNotPermit] = useState(false);
  const videoRef = useRef<HTMLVideoElement>(null);
  const session = useRef<CameraSession | null>(null);
  const onTokenRef = useRef(onToken);
  const startButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    onTokenRef.current = onToken;
  }, [onToken]);

  const stopCamera = useCallback(() => {
    const current = session.current;
    session.current = null;
    if (!current) return;
    current.stopped = true;
    window.clearTimeout(current.timer);
    current.stream?.getTracks().forEach((track) => track.stop());
    if (videoRef.current) videoRef.current.srcObject = null;
  }, []);

  // Leaving the page, or the phone locking or switching app, turns the camera off.
  useEffect(() => {
    const hidden = () => {
      if (document.visibilityState === 'hidden' && session.current) {
        stopCamera();
        setCamera({ kind: 'off' });
      }
    };
    document.addEventListener('visibilitychange', hidden);
    return () => {
      document.removeEventListener('visibilitychange', hidden);
      stopCamera();
    };
  }, [stopCamera]);

  const start = async () => {
    stopCamera();
    setNotPermit(false);
    if (!navigator.mediaDevices?.getUserMedia) {
      setCamera({ kind: 'missing' });
      return;
    }
    const mine: CameraSession = { stopped: false };
    session.current = mine;
    setCamera({ kind: 'starting' });
    const decoderLoading = import('jsqr').then((module) => module.default);
    // Fetched alongside the camera; a failure is reported below, where it is awaited.
    decoderLoading.catch(() => undefined);
    try {
      mine.stream = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: 'environment' },
        audio: false,
      });
    } catch (error) {
      if (mine.stopped) return;
      session.current = null;
      setCamera({ kind: cameraProblemOf(error) });
      return;
    }
    // Stopped while the officer was still answering the browser's question: let the camera go.
    if (mine.stopped) {
      mine.stream.getTracks().forEach((track) => track.stop());
      return;
    }
    const video = videoRef.current;
    let decode: Awaited<typeof decoderLoading>;
    try {
      if (!video) throw new Error('no video element');
      video.srcObject = mine.stream;
      await video.play().catch(() => undefined);
      decode = await decoderLoading;
    } catch {
      if (mine.stopped) return;
      stopCamera();
      setCamera({ kind: 'failed' });
      return;
    }
    if (mine.stopped) return;
    setCamera({ kind: 'scanning' });

    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });
    const scan = () => {
      if (mine.stopped || !context) return;
      if (video.readyState >= video.HAVE_CURRENT_DATA && video.videoWidth > 0) {
        const scale = Math.min(1, frameMaxSide / Math.max(video.videoWidth, video.videoHeight));
        const width = Math.round(video.videoWidth * scale);
        const height = Math.round(video.videoHeight * scale);
        if (canvas.width !== width || canvas.height !== height) {
          canvas.width = width;
          canvas.height = height;
        }
        context.drawImage(video, 0, 0, width, height);
        const frame = context.getImageData(0, 0, width, height);
        const code = decode(frame.data, width, height, { inversionAttempts: 'dontInvert' });
        if (code) {
          const token = verificationTokenOf(code.data);
          if (token) {
            stopCamera();
            setCamera({ kind: 'off' });
            onTokenRef.current(token);
            return;
          }
          setNotPermit(true);
        }
      }
      mine.timer = window.setTimeout(scan, scanEveryMs);
    };
    scan();
  };

  const cancel = () => {
    stopCamera();
    setCamera({ kind: 'off' });
    // The Stop button is gone; the keyboard goes back to where scanning starts.
    window.setTimeout(() => startButton.current?.focus());
  };

  const running = camera.kind === 'starting' || camera.kind === 'scanning';
  const problem = camera.kind === 'refused' || camera.kind === 'missing' || camera.kind === 'failed';

  return (
    <div className="scanner" data-testid="scanner" data-camera={camera.kind}>
      {!running && (
        <button
          ref={startButton}
          type="button"
          className="scan-button"
          data-testid="scan-start"
          onClick={() => void start()}
        >
          <span className="scan-icon" aria-hidden="true" />
          {t('borderScan')}
        </button>
      )}
      {running && (
        <>
          <div className="scanner-view">
            <video ref={videoRef} muted playsInline autoPlay aria-label={t('borderCameraVideo')} />
            <span className="scanner-frame" aria-hidden="true" />
          </div>
          <p className="loading" role="status" aria-live="polite">
            {camera.kind === 'starting' && <span className="spinner" aria-hidden="true" />}
            {t(camera.kind === 'starting' ? 'borderScanStarting' : 'borderScanning')}
          </p>
          {notPermit && (
            <p className="notice" data-testid="scan-not-permit">
              {t('borderScanNotPermit')}
            </p>
          )}
          <div className="actions">
            <button type="button" className="secondary" data-testid="scan-stop" onClick={cancel}>
              {t('borderScanStop')}
            </button>
          </div>
        </>
      )}
      {problem && (
        <div className="notice" role="alert" data-testid="scan-problem" data-problem={camera.kind}>
          {t(problemKeys[camera.kind])}
        </div>
      )}
    </div>
  );
}
