// Staff passwords: argon2id hashes. Verification costs the same whether or not the account exists.
import { hash, verify } from '@node-rs/argon2';

// A real hash of a random string, verified when there is no account, so timing does not reveal which emails exist.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$xa4kn0zUq9aokCsgmRHh0A$yjGD5DJaCOt6fSkICNcp2iW8FimHngudIr3vCwfS1G4';

export const hashPassword = (password: string) => hash(password);

export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  try {
    const ok = await verify(passwordHash ?? DUMMY_HASH, password);
    return Boolean(passwordHash) && ok;
  } catch {
    return false;
  }
}
