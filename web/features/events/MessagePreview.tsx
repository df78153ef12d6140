import { useState } from 'preact/hooks';
import { request } from '../../app/api.ts';
import { t } from '../../app/i18n.ts';
import { loadingText, useLoad } from '../outreach/use-load.ts';
import { invitationPreviewQuery } from './queries.ts';

/** The invitation e-mail this invitee would get, in their language, loaded when opened (nothing is sent). */
export function MessagePreview({ id, name }: { id: string; name: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details
      class="message-preview"
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary aria-label={t('events.previewLabel', { name })}>{t('events.preview')}</summary>
      {open && <PreviewBody id={id} />}
    </details>
  );
}

function PreviewBody({ id }: { id: string }) {
  const [loaded] = useLoad((signal) => request(invitationPreviewQuery, { id }, signal), [id]);
  const waiting = loadingText(loaded);
  if (waiting || loaded.state !== 'shown') return <p class="muted">{waiting}</p>;
  const preview = loaded.data.invitationPreview;
  if (!preview) return <p class="muted">{t('details.gone')}</p>;
  return (
    <div class="preview-body" lang={preview.language === 'zh' ? 'zh-CN' : 'en'}>
      {preview.blockedBecause && (
        <p class="muted">{t('events.previewBlocked', { reason: preview.blockedBecause })}</p>
      )}
      {!preview.hasAddress && <p class="muted">{t('events.previewNoAddress')}</p>}
      <p class="preview-subject">
        <strong>{preview.subject}</strong>
      </p>
      <pre class="preview-text">{preview.text}</pre>
    </div>
  );
}
