import { useEffect, useRef } from 'react';
import SignaturePad from 'signature_pad';
import { useMoreWords } from '../../i18n/useMoreWords';

/** The chief signs with a finger or stylus; `onPad` hands over the pad (to read the PNG, check it is not empty, clear it). */
export function SignatureField({ onPad }: { onPad: (pad: SignaturePad | null) => void }) {
  const { t } = useMoreWords();
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const c = canvas.current;
    if (!c) return undefined;
    // A canvas in device pixels keeps the signature sharp on a tablet's screen.
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    c.width = (c.offsetWidth || 600) * ratio;
    c.height = (c.offsetHeight || 200) * ratio;
    c.getContext('2d')?.scale(ratio, ratio);
    const pad = new SignaturePad(c, { backgroundColor: 'rgb(255,255,255)' });
    onPad(pad);
    return () => {
      pad.off();
      onPad(null);
    };
  }, [onPad]);
  return <canvas ref={canvas} className="signature" aria-label={t('notice.signHere')} role="img" />;
}
