import { useState } from 'preact/hooks';
import type { ExportFile } from '../../api/fragments.ts';
import { t } from '../../app/i18n.ts';
import { status } from '../../app/status.ts';
import { downloadFile } from './download.ts';
import type { ExportFormat } from './queries.ts';

/** CSV and .xlsx buttons: `load` runs the export query, the file is then saved. */
export function ExportButtons({
  id,
  load,
}: {
  id: string;
  load: (format: ExportFormat) => Promise<ExportFile>;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const run = async (format: ExportFormat) => {
    setBusy(true);
    setError('');
    try {
      const file = await load(format);
      downloadFile(file);
      status.value = t('outreach.exported', { rows: file.rows, file: file.fileName });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <span class="export-buttons" id={id}>
      <button type="button" class="button small" disabled={busy} onClick={() => void run('CSV')}>
        {t('export.csv')}
      </button>
      <button type="button" class="button small" disabled={busy} onClick={() => void run('XLSX')}>
        {t('outreach.exportXlsx')}
      </button>
      {error && (
        <span class="error small" role="alert">
          {t('outreach.failed', { message: error })}
        </span>
      )}
    </span>
  );
}
