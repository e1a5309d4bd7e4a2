/** The URL key of a programme code: `PBF/MLI/A-1` → `pbf-mli-a-1`, `PROSMED` → `prosmed`. */
export function programmeSlugOf(code: string): string {
  return code
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
