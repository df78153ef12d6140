import { t } from '../../app/i18n.ts';
import { nodeKindText } from '../details/labels.ts';
import type { Truncation } from './load-neighbourhood.ts';
import { page, remainingText } from './paging.ts';
import type { NeighborhoodFilter } from './queries.ts';

/** The banner over the graph: how many neighbours the last load left out, and buttons to fetch them. */
export function TruncationNotice({
  truncation,
  onMore,
}: {
  truncation: Truncation;
  /** Fetches more around `truncation.around`, with this filter. */
  onMore: (filter: NeighborhoodFilter) => void;
}) {
  return (
    <div id="notice" class="notice" role="note" title={t('graph.truncatedHow')}>
      <span id="notice-text" data-remaining={truncation.remaining}>
        {t('graph.truncated', {
          name: truncation.name,
          n: remainingText(truncation.remaining, truncation.atLeast),
        })}
      </span>
      <button
        type="button"
        class="link"
        data-action="more"
        onClick={() => onMore(truncation.filter)}
      >
        {t('graph.more', { n: Math.min(truncation.remaining, page) })}
      </button>
      {truncation.byKind.map((k) => (
        <button
          type="button"
          key={k.kind}
          class="link"
          data-kind={k.kind}
          onClick={() => onMore({ ...truncation.filter, kinds: [k.kind as never] })}
        >
          +{nodeKindText(k.kind)} {remainingText(k.count, truncation.atLeast)}
        </button>
      ))}
      <span class="muted small">{t('graph.truncatedHow')}</span>
    </div>
  );
}
