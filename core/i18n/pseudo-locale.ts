/**
 * The test locale: every sentence of the French catalogues, marked `⟦…⟧` (placeholders kept). Rendering a page,
 * a document or a refusal in it shows at once any sentence that does not go through the catalogues — it stays
 * in French or English, unmarked. It is how the tests prove that a third language is only catalogue files.
 */
import type { MessageTree } from './translate.js';

export const pseudoLocale = 'xx';

export function pseudoCatalogue<T extends MessageTree>(french: T): T {
  const walk = (node: MessageTree): MessageTree =>
    Object.fromEntries(
      Object.entries(node).map(([key, value]) => [
        key,
        typeof value === 'string' ? `⟦${value}⟧` : walk(value),
      ]),
    );
  return walk(french) as T;
}

/** Every sentence of a catalogue, with its dotted key. */
export function sentencesOf(tree: MessageTree, prefix = ''): [key: string, sentence: string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : sentencesOf(value, `${prefix}${key}.`),
  );
}
