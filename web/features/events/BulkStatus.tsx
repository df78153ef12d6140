import { useState } from 'preact/hooks';
import { request } from '../../app/api.ts';
import { enumText, t } from '../../app/i18n.ts';
import { status } from '../../app/status.ts';
import { PickAndApply } from '../outreach/PickAndApply.tsx';
import { Problem } from '../outreach/Problem.tsx';
import { attempt } from '../outreach/result.ts';
import { commonMoves } from './bulk-moves.ts';
import {
  type InvitationRow,
  type InvitationStatus,
  setInvitationStatusesMutation,
} from './queries.ts';

/**
 * The bar above the invitations table for the selected rows: one status for all of them, in one
 * transaction. Only statuses every selected row may move to are offered; when the API still refuses
 * (a row changed meanwhile), the refusal names that row's person and nothing has changed.
 */
export function BulkStatus({
  selected,
  onDone,
}: {
  selected: InvitationRow[];
  onDone: (changed: boolean) => void;
}) {
  const [problem, setProblem] = useState('');
  const moves = commonMoves(selected.map((r) => r.status));

  const apply = async (to: InvitationStatus) => {
    let refusedRow = '';
    const result = await attempt(
      async () => {
        const answer = (
          await request(setInvitationStatusesMutation, {
            invitations: selected.map((r) => r.id),
            status: to,
          })
        ).setInvitationStatuses;
        if ('path' in answer && answer.path?.[0] === 'invitations') {
          refusedRow = selected[Number(answer.path[1])]?.person?.name ?? '';
        }
        return answer;
      },
      (text) =>
        setProblem(
          text && refusedRow ? t('events.bulkRefusedRow', { name: refusedRow, text }) : text,
        ),
      'events.bulkRefused',
    );
    if (!result) {
      onDone(false);
      return;
    }
    status.value = t('events.bulkDone', {
      status: enumText('invitation', to),
      changed: result.changed,
      waitlisted: result.waitlisted,
      unchanged: result.unchanged,
    });
    onDone(true);
  };

  return (
    <div class="bulk-status" id="bulk-status" data-selected={selected.length}>
      <span class="muted">{t('events.selected', { n: selected.length })}</span>
      {selected.length > 0 &&
        (moves.length > 0 ? (
          <PickAndApply
            className="inline-form"
            choices={moves}
            labelOf={(m) => enumText('invitation', m)}
            selectLabel={t('events.bulkLabel')}
            placeholder={t('events.bulkLabel')}
            buttonLabel={t('events.bulkApply')}
            onApply={(to) => void apply(to)}
          />
        ) : (
          <span class="muted" id="bulk-none">
            {t('events.bulkNoCommon')}
          </span>
        ))}
      <Problem id="bulk-problem" text={problem} />
    </div>
  );
}
