import pino, { type Logger } from 'pino';

/**
 * Structured JSON logs. Secrets and personal data never reach a log line: these paths are redacted
 * wherever they appear in a logged object.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: {
      paths: [
        'password',
        '*.password',
        'token',
        '*.token',
        'authorization',
        '*.authorization',
        'headers.cookie',
        '*.cookie',
        'passwordHash',
        '*.passwordHash',
        'phone',
        'wechat',
        '*.phone',
        '*.email',
        '*.wechat',
        '*.idNumber',
        'params.value',
        'variables',
      ],
      censor: '[redacted]',
    },
  });
}
