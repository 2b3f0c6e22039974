// The languages are the folders of locales/: the one list the app, the server, the tests and the
// screenshots all read. A folder whose name ends in -XA, -XB … is a pseudo-locale (a developer's tool).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const LOCALES = join(__dirname, '..', '..', 'locales');

export const isPseudoLocale = (tag: string) => /^[a-z]{2,3}-X[A-Z]$/.test(tag);

/** The language tags of locales/, sorted; without the pseudo-locales when `pseudo` is false. */
export function languageFolders({ pseudo }: { pseudo: boolean }): string[] {
  return readdirSync(LOCALES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .filter((tag) => pseudo || !isPseudoLocale(tag))
    .sort();
}
