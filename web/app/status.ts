import { effect, signal } from '@preact/signals';
import { type RouteName, route } from './router.ts';

/**
 * The one-line status under the top bar (announced politely to screen readers), one per screen: a
 * message belongs to the screen it was set on, and moving to another screen clears it, so no screen
 * shows what another one said. Read and set it as `status.value`.
 */
const line = signal<{ screen: RouteName; text: string }>({ screen: route.value.name, text: '' });

export const status = {
  get value(): string {
    const { screen, text } = line.value;
    return screen === route.value.name ? text : '';
  },
  set value(text: string) {
    line.value = { screen: route.value.name, text };
  },
};

// A new screen starts with an empty line (the same screen with other parameters keeps it).
effect(() => {
  const screen = route.value.name;
  if (line.peek().screen !== screen) line.value = { screen, text: '' };
});
