import { useEffect, useState } from 'preact/hooks';
import { fileName, mappingFiles } from '../../../schema/dataset/mapping-files.ts';
import type { DatasetSummary } from '../../../schema/dataset/run-dataset.ts';

import { request, upload } from '../../app/api.ts';
import { fieldText, fmtNumber, type MessageKey, t } from '../../app/i18n.ts';
import { problemText } from '../../app/problems.ts';
import { status } from '../../app/status.ts';
import { FilePicker } from '../../ui/FilePicker.tsx';
import { unwrap } from '../../ui/result.ts';
import { KeepGoodRows } from './KeepGoodRows.tsx';
import {
  type DatasetJob,
  type DatasetMapping,
  datasetJobQuery,
  datasetMappingsQuery,
  startDatasetImportMutation,
} from './queries.ts';
import { useJob } from './use-job.ts';

const custom = '';

/**
 * The dataset wizard: several files (people, organisations, places, ties) read by one mapping (a
 * committed one, or the user's own JSON), checked first (bad rows by file and line), then imported
 * as one background job with its progress.
 */
export function DatasetImport() {
  const [mappings, setMappings] = useState<DatasetMapping[]>([]);
  const [choice, setChoice] = useState<string>(custom);
  const [ownMapping, setOwnMapping] = useState<{ file: File; files: string[] } | null>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [keepGood, setKeepGood] = useState(false);
  const [scanDuplicates, setScanDuplicates] = useState(true);
  const [job, setJob] = useState<{ dryRun: boolean; job: DatasetJob } | null>(null);
  const { busy, run } = useJob(
    async (id) => (await request(datasetJobQuery, { id })).job,
    (job) => job.status === 'queued' || job.status === 'running',
  );
  useEffect(() => {
    void request(datasetMappingsQuery, {}).then(({ datasetMappings }) => {
      setMappings(datasetMappings);
      if (datasetMappings[0]) setChoice(datasetMappings[0].name);
    });
  }, []);

  const expected =
    choice === custom
      ? (ownMapping?.files ?? [])
      : (mappings.find((m) => m.name === choice)?.files ?? []);
  const chosen = new Set(files.map((f) => f.name));
  const missing = expected.filter((path) => !chosen.has(fileName(path)));
  const ready = expected.length > 0 && missing.length === 0 && (choice !== custom || ownMapping);

  async function readOwnMapping(file: File | undefined) {
    if (!file) return setOwnMapping(null);
    try {
      setOwnMapping({ file, files: mappingFiles(JSON.parse(await file.text())) });
    } catch {
      setOwnMapping(null);
      status.value = t('dataset.badMapping');
    }
  }

  async function start(dryRun: boolean) {
    setJob(null);
    const uploads: Record<string, File> = Object.fromEntries(
      files.map((f, i) => [`files.${i}`, f]),
    );
    if (choice === custom && ownMapping) uploads.mappingFile = ownMapping.file;
    await run(
      async () =>
        unwrap(
          (
            await upload(
              startDatasetImportMutation,
              {
                mapping: choice === custom ? null : choice,
                mappingFile: null,
                files: files.map(() => null),
                dryRun,
                keepGoodRows: keepGood,
                scanDuplicates,
              },
              uploads,
            )
          ).startDatasetImport,
        ),
      (current) => setJob({ dryRun, job: current }),
      (current) => {
        const summary = summaryOf(current);
        status.value = summary
          ? t(`dataset.outcome.${summary.status}` as MessageKey, {
              rejected: fmtNumber(summary.rejected),
            })
          : `${t('import.failed')}: ${current.error ?? current.status}`;
      },
    );
  }

  return (
    <section class="tool-section" id="dataset-import" aria-labelledby="dataset-title">
      <h3 id="dataset-title">{t('dataset.title')}</h3>
      <p class="muted small">{t('dataset.hint')}</p>
      <label class="field-label" for="dataset-mapping">
        {t('dataset.mapping')}
      </label>
      <select
        id="dataset-mapping"
        value={choice}
        onChange={(e) => setChoice((e.target as HTMLSelectElement).value)}
      >
        {mappings.map((m) => (
          <option key={m.name} value={m.name} title={m.description ?? ''}>
            {m.name}
          </option>
        ))}
        <option value={custom}>{t('dataset.ownMapping')}</option>
      </select>
      {choice === custom && (
        <FilePicker
          id="dataset-mapping-file"
          small
          accept=".json,application/json"
          label={ownMapping ? ownMapping.file.name : t('dataset.chooseMapping')}
          onFiles={(chosen) => void readOwnMapping(chosen[0])}
        />
      )}
      <FilePicker
        id="dataset-files"
        multiple
        label={
          files.length
            ? t('dataset.filesChosen', { count: files.length })
            : t('dataset.chooseFiles')
        }
        onFiles={(chosen) => {
          setFiles(chosen);
          setJob(null);
        }}
      />
      {expected.length > 0 && (
        <ul class="dataset-files">
          {expected.map((path) => (
            <li key={path} data-path={path} data-chosen={chosen.has(fileName(path))}>
              {chosen.has(fileName(path)) ? '✓' : '✗'} {path}
            </li>
          ))}
        </ul>
      )}
      {files.length > 0 && missing.length > 0 && (
        <p class="error" id="dataset-missing">
          {t('dataset.missing', { list: missing.map(fileName).join(', ') })}
        </p>
      )}
      <KeepGoodRows checked={keepGood} onChange={setKeepGood} />
      <label class="check">
        <input
          type="checkbox"
          id="dataset-scan"
          checked={scanDuplicates}
          onChange={(e) => setScanDuplicates((e.target as HTMLInputElement).checked)}
        />
        {t('dataset.scanDuplicates')}
      </label>
      <div class="row">
        <button
          type="button"
          class="button"
          id="dataset-check"
          disabled={busy || !ready}
          onClick={() => void start(true)}
        >
          {t('import.preview')}
        </button>
        <button
          type="button"
          class="button primary"
          id="dataset-run"
          disabled={busy || !ready}
          onClick={() => void start(false)}
        >
          {t('import.run')}
        </button>
      </div>
      {job && <DatasetJobView job={job.job} dryRun={job.dryRun} />}
    </section>
  );
}

function summaryOf(job: DatasetJob): DatasetSummary | null {
  return job.status === 'done' && job.result ? (JSON.parse(job.result) as DatasetSummary) : null;
}

function DatasetJobView({ job, dryRun }: { job: DatasetJob; dryRun: boolean }) {
  const summary = summaryOf(job);
  return (
    <div id="dataset-job" data-status={summary?.status ?? job.status} data-dry-run={dryRun}>
      <progress
        id="dataset-progress"
        aria-label={t('import.progress')}
        max={100}
        value={job.percent ?? 0}
      />
      {job.phase && !summary && (
        <p class="muted small">{t(`dataset.phase.${job.phase}` as MessageKey)}</p>
      )}
      {job.error && <p class="error">{job.error}</p>}
      {summary && (
        <table class="table dataset-summary">
          <thead>
            <tr>
              <th scope="col">{t('dataset.col.file')}</th>
              <th scope="col">{t('dataset.col.what')}</th>
              <th scope="col">{t('dataset.col.rows')}</th>
              <th scope="col">{t('dataset.col.created')}</th>
              <th scope="col">{t('dataset.col.updated')}</th>
              <th scope="col">{t('dataset.col.unchanged')}</th>
              <th scope="col">{t('dataset.col.rejected')}</th>
            </tr>
          </thead>
          <tbody>
            {summary.files.map((f) => (
              <tr key={`${f.path}-${f.what}`} data-path={f.path}>
                <td>{f.path}</td>
                <td>{t(`dataset.what.${f.what}` as MessageKey)}</td>
                <td>{fmtNumber(f.rows)}</td>
                <td data-col="created">{fmtNumber(f.created)}</td>
                <td>{fmtNumber(f.updated)}</td>
                <td>{fmtNumber(f.unchanged)}</td>
                <td data-col="rejected">{fmtNumber(f.rejected)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {summary && summary.rejections.length > 0 && (
        <table class="table rejected-rows" id="dataset-rejections">
          <thead>
            <tr>
              <th scope="col">{t('dataset.col.file')}</th>
              <th scope="col">{t('import.col.line')}</th>
              <th scope="col">{t('import.col.column')}</th>
              <th scope="col">{t('import.col.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {summary.rejections.map((r) => (
              <tr key={`${r.file}:${r.line}:${r.column}`} data-file={r.file} data-line={r.line}>
                <td>{r.file}</td>
                <td>{r.line}</td>
                <td>{r.column ? fieldText(r.column) : ''}</td>
                <td>{problemText(r.code, r.params, null, r.reason)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
