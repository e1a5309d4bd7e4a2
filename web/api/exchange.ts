/**
 * Exchange: the addresses of a programme's IATI and Excel exports. A file comes in through the one import
 * flow (`imports.ts`, `components/import-flow/`).
 */
import { useQuery } from '@tanstack/react-query';
import type { IatiHeldBack } from '../../core/contracts/exchange.js';
import type { Locale } from '../../core/i18n/locale.js';
import { apiGet } from './client.js';

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

/** What the programme's IATI file holds back, and why, in the reader's language; asked only when shown. */
export function useIatiHeldBack(slug: string, lang: Locale, enabled: boolean) {
  return useQuery({
    queryKey: ['exchange', 'iati-held-back', slug, lang],
    queryFn: ({ signal }) =>
      apiGet<IatiHeldBack>(`/api/v1/programmes/${enc(slug)}/export/iati/held-back?lang=${lang}`, signal),
    enabled,
  });
}
