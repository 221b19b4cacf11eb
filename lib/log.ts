// Structured JSON logging (pino). Personal data never reaches a log line: known secret fields are redacted,
// and any 10-digit run that looks like a CPR number is masked before it is written.
import pino from 'pino';

const CPR_LIKE = /(?<!\d)\d{2}\s?\d{2}\s?\d{2}\s?[-–]?\s?\d{4}(?!\d)/g;

export function maskCpr(text: string): string {
  return text.replace(CPR_LIKE, '[cpr]');
}

export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  base: undefined,
  redact: {
    paths: ['cpr', '*.cpr', 'password', '*.password', 'token', '*.token', 'apiKey', '*.apiKey', 'authorization', '*.authorization', 'cookie', '*.cookie'],
    censor: '[redacted]',
  },
  hooks: {
    streamWrite: (line) => maskCpr(line),
  },
});
