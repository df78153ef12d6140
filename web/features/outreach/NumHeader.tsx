import type { ComponentChildren } from 'preact';

/** A column header of a numbers column (right-aligned, like its cells). */
export function NumHeader({ children, title }: { children: ComponentChildren; title?: string }) {
  return (
    <th scope="col" class="num" title={title}>
      {children}
    </th>
  );
}
