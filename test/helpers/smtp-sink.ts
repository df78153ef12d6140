import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { expect, vi } from 'vitest';

/** A real SMTP server in the test process: keeps every message it accepts, parsed. */
export interface SmtpSink {
  /** smtp://127.0.0.1:<port> for SMTP_URL. */
  url: string;
  messages: ParsedMail[];
  /** The messages to `address`. */
  to(address: string): ParsedMail[];
  /** Waits (up to 30 s) until `count` messages match, and returns them. */
  waitFor(match: (m: ParsedMail) => boolean, count?: number): Promise<ParsedMail[]>;
  close(): Promise<void>;
}

const recipients = (m: ParsedMail) =>
  (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).flatMap((a) =>
    a.value.map((v) => v.address?.toLowerCase()),
  );

/** Starts the sink; recipients for which `refuse` says true get "550 5.1.1" at RCPT TO. */
export async function startSmtpSink(
  options: { refuse?: (address: string) => boolean } = {},
): Promise<SmtpSink> {
  const messages: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (options.refuse?.(address.address)) {
        const error = Object.assign(new Error('5.1.1 mailbox unavailable'), { responseCode: 550 });
        return callback(error);
      }
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          messages.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    to: (address) => messages.filter((m) => recipients(m).includes(address.toLowerCase())),
    waitFor: (match, count = 1) =>
      vi.waitFor(
        () => {
          const found = messages.filter(match);
          expect(found.length, 'messages received that match').toBeGreaterThanOrEqual(count);
          return found;
        },
        { timeout: 30_000, interval: 50 },
      ),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
