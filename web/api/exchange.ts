/**
 * Exchange: the addresses of a programme's IATI and Excel exports. A file comes in through the one import
 * flow (`imports.ts`, `components/import-flow/`).
 */
import type { Locale } from '../../core/i18n/locale.js';

const enc = encodeURIComponent;

/** Where the browser downloads a programme's IATI file and its framework workbook. */
export function exportLinks(slug: string, version: number | undefined, lang: Locale) {
  return {
    iati: `/api/v1/programmes/${enc(slug)}/export/iati?lang=${lang}`,
    xlsx: `/api/v1/programmes/${enc(slug)}/export/xlsx?lang=${lang}${version ? `&version=${version}` : ''}`,
    /** the stable public address of its IATI activity file, which the IATI Registry points to */
    published: `/iati/${enc(slug)}.xml`,
  };
}
