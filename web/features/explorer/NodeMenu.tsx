import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { SchemaType } from '../../api/graphql.ts';
import { t } from '../../app/i18n.ts';
import { navigate } from '../../app/router.ts';
import type { GraphView } from '../../graph/graph-view.ts';
import { groupPage } from '../../graph/groups.ts';
import { placeInside } from '../../ui/place-inside.ts';
import { tieKindText } from '../details/labels.ts';

type TieKind = SchemaType<'TieKind'>;

export interface Menu {
  id: string;
  /** Where it was opened, in the graph container's coordinates (Cytoscape's rendered position). */
  x: number;
  y: number;
}

const menuKinds = [
  'KNOWS',
  'WORKED_AT',
  'STUDIED_AT',
  'MEMBER_OF',
  'EXPERT_IN',
  'BORN_IN',
  'LIVES_IN',
  'LEADS',
] as const satisfies readonly TieKind[];

/** A group opens whole from its menu up to this many members (more would crowd the graph again). */
const openAllUpTo = 200;

/**
 * The node's actions, opened by right-click or the menu key; it stays inside the window (flipped
 * to the left of or above the node near the right or bottom edge). A group node gets its own items.
 */
export function NodeMenu({
  menu,
  graph,
  onClose,
  onExpand,
  onOpenGroup,
  onCollapse,
  onChanged,
  onDetails,
}: {
  menu: Menu;
  graph: GraphView;
  onClose: () => void;
  onExpand: (kind?: TieKind | 'DERIVED_TIE') => void;
  onOpenGroup: (count: number) => void;
  onCollapse: () => void;
  onChanged: () => void;
  onDetails: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<{ left: number; top: number } | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const box = graph.cy.container()?.getBoundingClientRect();
    const at = { x: (box?.left ?? 0) + menu.x, y: (box?.top ?? 0) + menu.y };
    setPlace(
      placeInside(
        at,
        { width: el.offsetWidth, height: el.offsetHeight },
        { left: 0, top: 0, width: window.innerWidth, height: window.innerHeight },
      ),
    );
  }, [menu.id, menu.x, menu.y]);
  // Focus the first item once placed (a hidden element cannot take focus), and again when the menu
  // opens at another spot.
  const placed = place !== null;
  useEffect(() => {
    if (placed) ref.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, [menu.id, menu.x, menu.y, placed]);
  // Escape closes the menu wherever the focus is: a right-click can leave it on the canvas (the
  // press reaches the canvas after the menu took the focus).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);
  const node = graph.cy.getElementById(menu.id);
  const isGroup = node.hasClass('group');
  const pinned = node.hasClass('pinned');
  const isPerson = node.data('type') === 'Person';
  const count = Number(node.data('count') ?? 0);
  const item = (key: string, text: string, action: () => void) => (
    <button
      type="button"
      role="menuitem"
      data-action={key}
      onClick={() => {
        action();
        onClose();
      }}
    >
      {text}
    </button>
  );
  return (
    <div
      ref={ref}
      class="context-menu"
      role="menu"
      aria-label={`${t('menu.label')}: ${node.data('label')}`}
      // Measured first (hidden), then placed inside the window.
      style={
        place
          ? { left: `${place.left}px`, top: `${place.top}px` }
          : { left: '0px', top: '0px', visibility: 'hidden' }
      }
      onKeyDown={(e) => {
        const items = [...(ref.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
        const i = items.indexOf(document.activeElement as HTMLButtonElement);
        if (e.key === 'ArrowDown') items[(i + 1) % items.length]?.focus();
        else if (e.key === 'ArrowUp') items[(i - 1 + items.length) % items.length]?.focus();
        else return;
        e.preventDefault();
      }}
    >
      <strong class="menu-title">{node.data('label')}</strong>
      {isGroup ? (
        <>
          {item('open-group', t('menu.openGroup', { n: Math.min(groupPage, count) }), () =>
            onOpenGroup(groupPage),
          )}
          {count > groupPage &&
            count <= openAllUpTo &&
            item('open-group-all', t('menu.openAll', { n: count }), () => onOpenGroup(count))}
        </>
      ) : (
        <>
          {item('details', t('menu.details'), onDetails)}
          {item('expand', t('menu.expandAll'), () => onExpand())}
          {menuKinds.map((kind) =>
            item(`expand-${kind}`, t('menu.expandKind', { kind: tieKindText(kind) }), () =>
              onExpand(kind),
            ),
          )}
          {item(
            'expand-DERIVED_TIE',
            t('menu.expandKind', { kind: tieKindText('DERIVED_TIE') }),
            () => onExpand('DERIVED_TIE'),
          )}
          {item('collapse', t('menu.collapse'), onCollapse)}
        </>
      )}
      {item('hide', t('menu.hide'), () => {
        graph.hide(menu.id);
        onChanged();
      })}
      {!isGroup &&
        item('pin', t(pinned ? 'menu.unpin' : 'menu.pin'), () => {
          graph.togglePin(menu.id);
          onChanged();
        })}
      {isPerson &&
        item('path', t('menu.pathTo'), () =>
          navigate('paths', { to: menu.id, toName: node.data('label') }),
        )}
    </div>
  );
}
