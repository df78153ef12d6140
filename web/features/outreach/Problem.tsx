import type { ComponentChildren } from 'preact';

/** A refusal or failure, announced to screen readers; `children` may offer a way forward. */
export function Problem({
  id,
  text,
  children,
}: {
  id?: string;
  text: string;
  children?: ComponentChildren;
}) {
  if (!text) return null;
  return (
    <div class="problem" id={id} role="alert">
      <p>{text}</p>
      {children}
    </div>
  );
}
