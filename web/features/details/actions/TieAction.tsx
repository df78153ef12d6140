import { useState } from 'preact/hooks';
import type { EntitySummary } from '../../../api/fragments.ts';
import { request } from '../../../app/api.ts';
import { displayName, enumText, t } from '../../../app/i18n.ts';
import { TextField } from '../../outreach/TextField.tsx';
import { tieKindText } from '../labels.ts';
import { emptyTieDraft, knowsKinds, personTieKinds, type TieDraft, tieInput } from './forms.ts';
import { EntityPick, Outcome, useAction } from './parts.tsx';
import { addTieMutation } from './queries.ts';

/** Add a tie from this person: its kind, the other end (searched), and the kind's basic props. */
export function TieAction({ person, onAdded }: { person: EntitySummary; onAdded?: () => void }) {
  const [draft, setDraft] = useState<TieDraft>(emptyTieDraft);
  const [other, setOther] = useState<EntitySummary | null>(null);
  const action = useAction();
  const spec = personTieKinds[draft.kind] ?? { to: 'Person', fields: [] };
  const set = (patch: Partial<TieDraft>) => setDraft({ ...draft, ...patch });

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!other) return;
    const input = tieInput(person.id, other.id, draft);
    const added = await action.run(
      async () => (await request(addTieMutation, { input })).addTie,
      () => t('actions.tieAdded', { kind: tieKindText(draft.kind), name: displayName(other) }),
    );
    if (added) onAdded?.();
  };

  return (
    <form class="action-form" id="tie-form" onSubmit={(e) => void submit(e)}>
      <label class="field-label" for="tie-kind">
        {t('actions.tieKind')}
      </label>
      <select
        id="tie-kind"
        value={draft.kind}
        onChange={(e) => {
          set({ kind: (e.target as HTMLSelectElement).value as TieDraft['kind'] });
          setOther(null);
        }}
      >
        {Object.keys(personTieKinds).map((kind) => (
          <option key={kind} value={kind}>
            {tieKindText(kind)}
          </option>
        ))}
      </select>
      <EntityPick
        key={spec.to}
        id="tie-other"
        label={t('actions.tieOther')}
        types={[spec.to]}
        chosen={other}
        onChoose={setOther}
      />
      {spec.fields.includes('title') && (
        <TextField
          id="tie-title"
          label={t('details.title')}
          value={draft.title}
          onValue={(title) => set({ title })}
        />
      )}
      {spec.fields.includes('role') && (
        <TextField
          id="tie-role"
          label={t('actions.role')}
          value={draft.role}
          onValue={(role) => set({ role })}
        />
      )}
      {spec.fields.includes('years') && (
        <>
          <TextField
            id="tie-start"
            type="number"
            label={t('actions.startYear')}
            value={draft.startYear}
            onValue={(startYear) => set({ startYear })}
          />
          <TextField
            id="tie-end"
            type="number"
            label={t('actions.endYear')}
            value={draft.endYear}
            onValue={(endYear) => set({ endYear })}
          />
        </>
      )}
      {spec.fields.includes('knows') && (
        <>
          <label class="field-label" for="tie-knows">
            {t('actions.knowsKind')}
          </label>
          <select
            id="tie-knows"
            value={draft.knowsKind}
            onChange={(e) => set({ knowsKind: (e.target as HTMLSelectElement).value })}
          >
            {knowsKinds.map((k) => (
              <option key={k} value={k}>
                {enumText('knowsKind', k)}
              </option>
            ))}
          </select>
          <TextField
            id="tie-strength"
            label={t('actions.strength')}
            hint="0–1"
            value={draft.strength}
            onValue={(strength) => set({ strength })}
          />
        </>
      )}
      <button type="submit" class="button small" disabled={!other || action.busy}>
        {t('actions.addTie')}
      </button>
      <Outcome id="tie" problem={action.problem} done={action.done} />
    </form>
  );
}
