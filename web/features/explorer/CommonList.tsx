import { t } from '../../app/i18n.ts';
import type { Common } from './common-connections.ts';

/** The common connections of the two compared nodes, with their tie counts; a name selects its node. */
export function CommonList({
  common,
  onPick,
  onClose,
}: {
  common: Common[];
  onPick: (id: string) => void;
  onClose: () => void;
}) {
  return (
    <section class="common-list" aria-label={t('toolbar.common')}>
      <header>
        <strong>{t('toolbar.commonFound', { n: common.length })}</strong>
        <button type="button" class="link" onClick={onClose}>
          {t('close')}
        </button>
      </header>
      <ol>
        {common.map((c) => (
          <li key={c.id}>
            <button type="button" class="link" onClick={() => onPick(c.id)}>
              {c.name}
            </button>{' '}
            <span class="muted">×{c.count}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
