import type { EntitySummary } from '../../../api/fragments.ts';
import { t } from '../../../app/i18n.ts';
import { canEdit, canOutreach } from '../../../app/session.ts';
import { ClaimAction } from './ClaimAction.tsx';
import { InteractionAction } from './InteractionAction.tsx';
import { IntroductionAction } from './IntroductionAction.tsx';
import { InviteAction } from './InviteAction.tsx';
import { ActionBox } from './parts.tsx';
import { TieAction } from './TieAction.tsx';

/**
 * What one can do about the person in the details panel, each only for the roles the API allows:
 * outreach (introduce, invite, claim, log) for admin, staff and consultants; adding a tie for editors.
 */
export function PersonActions({
  person,
  onChanged,
}: {
  person: EntitySummary;
  /** The person's ties changed (reload the details). */
  onChanged?: () => void;
}) {
  const outreach = canOutreach.value;
  const edit = canEdit.value;
  if (!outreach && !edit) return null;
  return (
    <section class="person-actions" id="person-actions" aria-label={t('actions.title')}>
      <h3>{t('actions.title')}</h3>
      {outreach && (
        <>
          <ActionBox id="action-intro" title={t('actions.introTitle')}>
            {() => <IntroductionAction person={person} />}
          </ActionBox>
          <ActionBox id="action-invite" title={t('actions.inviteTitle')}>
            {() => <InviteAction person={person} />}
          </ActionBox>
          <ActionBox id="action-claim" title={t('actions.claimTitle')}>
            {() => <ClaimAction person={person} />}
          </ActionBox>
          <ActionBox id="action-interaction" title={t('actions.logTitle')}>
            {() => <InteractionAction person={person} />}
          </ActionBox>
        </>
      )}
      {edit && (
        <ActionBox id="action-tie" title={t('actions.tieTitle')}>
          {() => <TieAction person={person} onAdded={onChanged} />}
        </ActionBox>
      )}
    </section>
  );
}
