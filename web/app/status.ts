import { signal } from '@preact/signals';

/** The one-line status under the top bar (announced politely to screen readers). */
export const status = signal('');
