/** The e-mail channel: SMTP through nodemailer (SMTP_URL, MAIL_FROM). */
import nodemailer from 'nodemailer';
import { type Channel, DeliveryRefused } from './channel.ts';

export interface EmailChannelOptions {
  /** smtp://user:pass@host:587 or smtps://…:465 (nodemailer's connection URL). */
  smtpUrl: string;
  /** The From header, e.g. `武汉市招才局 <invite@bureau.example>`. */
  from: string;
}

/** SMTP replies that are about this message or recipient (4xx/5xx), as opposed to a dead connection. */
const refusal = (error: unknown): string | null => {
  const e = error as { responseCode?: number; response?: string; message?: string };
  return e.responseCode && e.responseCode >= 400 ? (e.response ?? e.message ?? 'refused') : null;
};

export function createEmailChannel({ smtpUrl, from }: EmailChannelOptions): Channel {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    kind: 'email',
    contactKind: 'email',
    async send(message) {
      try {
        const info = await transport.sendMail({
          from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          attachments: message.attachments,
          // RFC 8058 one-click unsubscribe: mail clients show an "unsubscribe" button.
          list: { unsubscribe: message.unsubscribeUrl },
          headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
        });
        if (info.rejected.length) {
          throw new DeliveryRefused(`recipient refused: ${String(info.rejected[0])}`);
        }
        return { messageId: info.messageId };
      } catch (error) {
        if (error instanceof DeliveryRefused) throw error;
        const reason = refusal(error);
        if (reason) throw new DeliveryRefused(reason);
        throw error;
      }
    },
    close: () => transport.close(),
  };
}
