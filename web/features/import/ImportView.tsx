import { useState } from 'preact/hooks';

import { request, upload } from '../../app/api.ts';
import { fieldText, fmtNumber, type MessageKey, t } from '../../app/i18n.ts';
import { problemText } from '../../app/problems.ts';
import { status } from '../../app/status.ts';
import { download } from '../../graph/export.ts';
import { FilePicker } from '../../ui/FilePicker.tsx';
import { unwrap } from '../../ui/result.ts';
import { tieKindText } from '../details/labels.ts';
import { DatasetImport } from './DatasetImport.tsx';
import { KeepGoodRows } from './KeepGoodRows.tsx';
import { importFieldNames, parseMapping } from './mapping.ts';
import {
  type ImportJob,
  type ImportPreset,
  importJobQuery,
  importRejectedCsvQuery,
  startImportMutation,
} from './queries.ts';
import { useJob } from './use-job.ts';

const running = new Set(['checking', 'writing', 'queued']);

/**
 * Import a roster (editors): upload, preset or column mapping, dry-run preview (per-row outcome and
 * rejected rows with line and reason), then the real run with a progress bar; rejected rows as CSV.
 */
export function ImportView() {
  const [file, setFile] = useState<File | null>(null);
  const [preset, setPreset] = useState<ImportPreset>('alumni');
  const [dataset, setDataset] = useState('');
  const [mappingText, setMappingText] = useState('');
  const [keepGood, setKeepGood] = useState(true);
  const [preview, setPreview] = useState<ImportJob | null>(null);
  const [job, setJob] = useState<ImportJob | null>(null);
  const { busy, run } = useJob(
    async (id) => (await request(importJobQuery, { id })).importJob,
    (job) => running.has(job.status),
  );

  async function start(dryRun: boolean) {
    if (!file) {
      status.value = t('import.noFile');
      return;
    }
    const mapping = parseMapping(mappingText);
    if ('badLine' in mapping) {
      status.value = t('import.badMapping', { n: mapping.badLine });
      return;
    }
    if (dryRun) setPreview(null);
    setJob(null);
    await run(
      async () =>
        unwrap(
          (
            await upload(
              startImportMutation,
              {
                file: null,
                preset,
                dryRun,
                keepGoodRows: keepGood,
                dataset: dataset.trim() || null,
                mapping: mapping.rows.length ? mapping.rows : null,
              },
              { file },
            )
          ).startImport,
        ),
      // The preview for dry runs.
      (current) => (dryRun ? setPreview : setJob)(current),
      (current) => {
        status.value =
          current.status === 'done' && !dryRun
            ? t('import.done', { created: current.created, updated: current.updated })
            : statusText(current.status);
      },
    );
  }

  async function downloadRejected(id: string) {
    const { importJob } = await request(importRejectedCsvQuery, { id });
    if (importJob) download(importJob.rejectedCsv, 'rejected-rows.csv', 'text/csv;charset=utf-8');
  }

  return (
    <main class="page" id="import">
      <h2>{t('import.title')}</h2>
      <form
        class="tool-form"
        onSubmit={(e) => {
          e.preventDefault();
          void start(true);
        }}
      >
        <label class="field-label" for="import-file">
          {t('import.file')}
        </label>
        <FilePicker
          id="import-file"
          accept=".csv,.xlsx,.txt,text/csv"
          label={file ? file.name : t('import.chooseFile')}
          onFiles={(chosen) => {
            setFile(chosen[0] ?? null);
            setPreview(null);
            setJob(null);
          }}
        />
        <fieldset>
          <legend>{t('import.preset')}</legend>
          {(['alumni', 'talent'] as const).map((p) => (
            <label key={p} class="check">
              <input
                type="radio"
                name="preset"
                value={p}
                checked={preset === p}
                onChange={() => setPreset(p)}
              />
              {t(`import.preset.${p}`)}
            </label>
          ))}
        </fieldset>
        <label class="field-label" for="import-dataset">
          {t('import.dataset')}
        </label>
        <input
          id="import-dataset"
          value={dataset}
          maxLength={100}
          onInput={(e) => setDataset((e.target as HTMLInputElement).value)}
        />
        <details>
          <summary>{t('import.mapping')}</summary>
          <label class="field-label" for="import-mapping">
            {t('import.mappingHint')}
          </label>
          <textarea
            id="import-mapping"
            rows={4}
            value={mappingText}
            onInput={(e) => setMappingText((e.target as HTMLTextAreaElement).value)}
          />
          <p class="muted small">
            {t('import.fields', {
              list: importFieldNames.map(fieldText).join(t('import.listSeparator')),
            })}
          </p>
        </details>
        <KeepGoodRows checked={keepGood} onChange={setKeepGood} />
        <div class="row">
          <button type="submit" class="button" id="import-preview" disabled={busy || !file}>
            {t('import.preview')}
          </button>
          <button
            type="button"
            class="button primary"
            id="import-run"
            disabled={busy || !preview || running.has(preview.status)}
            onClick={() => void start(false)}
          >
            {t('import.run')}
          </button>
        </div>
      </form>
      {preview && <Preview job={preview} onDownload={() => void downloadRejected(preview.id)} />}
      {job && <Progress job={job} onDownload={() => void downloadRejected(job.id)} />}
      <DatasetImport />
    </main>
  );
}

/**
 * How far a job got, in rows: every row once it has gone through them all (done, or stopped for bad
 * rows: those are listed below, not written), the rows written while it runs or when it failed.
 */
function progressOf(job: Pick<ImportJob, 'status' | 'doneRows' | 'totalRows'>): number {
  const finished = job.status === 'done' || job.status === 'rejected';
  return finished ? Math.max(job.totalRows, 1) : job.doneRows;
}

function statusText(s: string): string {
  return t(`import.status.${s}` as MessageKey);
}

/** A tie a previewed row would make, in words: 任职 华中科技大学（新建）. */
function tieText(tie: ImportJob['preview'][number]['ties'][number]): string {
  const made = tie.isNew
    ? tie.under
      ? t('import.newUnder', { under: tie.under })
      : t('import.new')
    : '';
  return `${tieKindText(tie.kind)} ${tie.name}${made}`;
}

/** Why a previewed row is rejected, field first. */
const problemOf = (p: ImportJob['preview'][number]['problems'][number]) =>
  problemText(p.code, p.params, p.column ? [p.column] : [], p.reason);

/** Why a job stopped: the file's problems in words (a missing column …), or the error as it came. */
function JobProblems({ job }: { job: ImportJob }) {
  const lines = job.problems.length
    ? job.problems.map((p) => problemText(p.code, p.params, null, p.reason))
    : job.error
      ? [job.error]
      : [];
  if (!lines.length) return null;
  return (
    <ul class="error job-problems">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

function Totals({ job }: { job: ImportJob }) {
  return (
    <p class="import-totals" id={job.dryRun ? 'preview-totals' : 'run-totals'}>
      {t('import.totals', {
        total: fmtNumber(job.totalRows),
        created: fmtNumber(job.created),
        updated: fmtNumber(job.updated),
        unchanged: fmtNumber(job.unchanged),
        rejected: fmtNumber(job.rejected),
      })}
    </p>
  );
}

function Rejected({ job, onDownload }: { job: ImportJob; onDownload: () => void }) {
  if (job.rejectedRows.length === 0) return null;
  return (
    <section aria-labelledby={`rejected-${job.id}`}>
      <h4 id={`rejected-${job.id}`}>{t('import.rejectedTitle')}</h4>
      <table class="table rejected-rows">
        <thead>
          <tr>
            <th scope="col">{t('import.col.line')}</th>
            <th scope="col">{t('import.col.name')}</th>
            <th scope="col">{t('import.col.column')}</th>
            <th scope="col">{t('import.col.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {job.rejectedRows.map((r) => (
            <tr key={`${r.line}-${r.column}`} data-line={r.line}>
              <td>{r.line}</td>
              <td>{r.name ?? ''}</td>
              <td>{r.column ? fieldText(r.column) : ''}</td>
              <td>{problemText(r.code, r.params, null, r.reason)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" class="button small" id="download-rejected" onClick={onDownload}>
        {t('import.download')}
      </button>
    </section>
  );
}

function Preview({ job, onDownload }: { job: ImportJob; onDownload: () => void }) {
  return (
    <section class="tool-section" id="import-preview-result" aria-labelledby="preview-title">
      <h3 id="preview-title">
        {t('import.previewTitle')} · {job.fileName} · {statusText(job.status)}
      </h3>
      <Totals job={job} />
      <JobProblems job={job} />
      {job.preview.length > 0 && (
        <table class="table preview-rows">
          <thead>
            <tr>
              <th scope="col">{t('import.col.line')}</th>
              <th scope="col">{t('import.col.name')}</th>
              <th scope="col">{t('import.col.action')}</th>
              <th scope="col">{t('import.col.reasons')}</th>
            </tr>
          </thead>
          <tbody>
            {job.preview.map((r) => (
              <tr
                key={r.line}
                data-line={r.line}
                data-action={r.action}
                class={`action-${r.action}`}
              >
                <td>{r.line}</td>
                <td>{r.name ?? ''}</td>
                <td>{t(`import.action.${r.action}` as MessageKey)}</td>
                <td>
                  {[...r.problems.map(problemOf), ...r.ties.map(tieText)].join(
                    t('problem.separator'),
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Rejected job={job} onDownload={onDownload} />
    </section>
  );
}

function Progress({ job, onDownload }: { job: ImportJob; onDownload: () => void }) {
  return (
    <section class="tool-section" id="import-job" aria-labelledby="progress-title">
      <h3 id="progress-title">
        {t('import.progress')} · {statusText(job.status)}
      </h3>
      <progress
        id="import-progress"
        aria-labelledby="progress-title"
        max={Math.max(job.totalRows, 1)}
        value={progressOf(job)}
      />
      <Totals job={job} />
      <JobProblems job={job} />
      <Rejected job={job} onDownload={onDownload} />
    </section>
  );
}
