// Reference numbers like IM-7K3Q-9XPD: short, readable aloud, random (never sequential, so not guessable).
import { randomInt } from 'node:crypto';

// No 0/O, 1/I/L, U/V: nothing that can be misread or misheard.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTWXYZ';

export function newReference(): string {
  const pick = () => ALPHABET[randomInt(ALPHABET.length)];
  const part = () => Array.from({ length: 4 }, pick).join('');
  return `IM-${part()}-${part()}`;
}

export const referencePattern = /^IM-[23456789ABCDEFGHJKMNPQRSTWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTWXYZ]{4}$/;
