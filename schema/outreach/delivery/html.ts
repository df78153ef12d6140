/** Escapes text for HTML content and attribute values (e-mails and the public pages). */
export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
