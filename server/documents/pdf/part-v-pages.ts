/**
 * Part V's pages, decided before printing: Chromium keeps a row whole (`break-inside: avoid`) but cannot say
 * where a group of rows goes on; so the page is laid out once at the landscape page's width (print media), each
 * row measured, and the rows placed on pages as Chromium will: a row that does not fit starts the next page — a
 * forced break before it (so the printed pages are these), and, when its outcome/output began on the page
 * before, that statement repeated in its first cell with "(suite)"/"(continued)" (`html/report-html.ts`).
 *
 * The statement does not set its row's height: it runs down over its group's first cells (empty, without a
 * border between them — one merged cell to the eye), on that page; a group shorter than its statement has its
 * last row made taller, as a merged cell would. Where a group goes on over the next page, the statement ends on
 * this one with its rows, or below them when the page has room for it whole; else it is cut at a whole line
 * there — and given whole again, "continued", at the top of the next page. A row taller than half a page
 * may break inside, where the page ends: kept whole it would leave that much blank.
 */
import type { Page } from 'playwright-core';
import { LANDSCAPE_CONTENT_MM, PART_V_CLASSES } from '../html/report-html.js';

const PX_PER_MM = 96 / 25.4;

/**
 * How much shorter than the page the placement counts it: borders and rounding, so a row placed on a page is
 * never one Chromium moves to the next (which would leave the forced break after it a near-empty page).
 */
const SLACK_PX = 6;
/** After a row that breaks inside, its rest on the next page may take a line more than measured. */
const SPLIT_SLACK_PX = 16;
/** A row taller than this share of a page's room for rows may break inside. */
const TALL_SHARE = 0.5;

export interface PartVPlacement {
  /** rows that start a page (a forced break before them) */
  pageTops: number;
  /** of which rows whose outcome/output is repeated, continued from the page before */
  continued: number;
  /** rows too tall to be kept whole */
  breakable: number;
}

/** Lays the page out at Part V's width in print media; call before `setContent`. */
export async function preparePartVPage(page: Page): Promise<void> {
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({
    width: Math.round(LANDSCAPE_CONTENT_MM.width * PX_PER_MM),
    height: Math.round(LANDSCAPE_CONTENT_MM.height * PX_PER_MM),
  });
}

/** Places Part V's rows on pages (classes on the rows); the page must be laid out by `preparePartVPage`. */
export async function placePartVRows(page: Page): Promise<PartVPlacement> {
  return page.evaluate(
    // no named helpers inside: the function runs in the page, as written
    ({ height, slack, splitSlack, tallShare, classes }) => {
      const placement = { pageTops: 0, continued: 0, breakable: 0 };
      const table = document.querySelector<HTMLTableElement>('table.indicators');
      const main = table?.closest('main');
      if (!table || !main || !table.tHead || !table.tBodies[0]) return placement;
      table.classList.add(classes.placed);
      const rows = Array.from(table.tBodies[0].rows);
      // the rows' room on a page after the first: the head row repeats above them
      const room = height - table.tHead.getBoundingClientRect().height;
      // Part V starts a page (its landscape section)
      let bottom = main.getBoundingClientRect().top + height - slack;
      // the statement shown for the rows placed last: the group's first row's, or the one repeated on this page
      let holder: { row: HTMLTableRowElement; statement: HTMLElement } | undefined;
      rows.forEach((row, index) => {
        const more = row.cells[0]?.classList.contains('more') ?? false;
        const last = !rows[index + 1]?.cells[0]?.classList.contains('more');
        const own = row.cells[0]?.querySelector<HTMLElement>('.statement');
        if (!more && own) holder = { row, statement: own };
        let rect = row.getBoundingClientRect();
        if (rect.height > room * tallShare) {
          row.classList.add(classes.breakable);
          placement.breakable++;
        }
        // the group's last row goes down at least to its statement's end
        let end = rect.bottom;
        if (last && holder) {
          end = Math.max(end, holder.row.getBoundingClientRect().top + holder.statement.scrollHeight);
        }
        if (end <= bottom) {
          if (end > rect.bottom) row.style.height = `${end - rect.top}px`;
          return;
        }
        if (row.classList.contains(classes.breakable) && end === rect.bottom) {
          // it breaks where the page ends and goes on over the next page(s)
          while (rect.bottom > bottom) bottom += room - splitSlack;
          return;
        }
        // to the next page: the statement on this page ends with the group's rows here — or below them, when
        // the page has room for it whole — else it is cut at a whole line (and given whole on the next page)
        const previous = rows[index - 1];
        if (more && holder && previous) {
          const top = holder.row.getBoundingClientRect().top;
          const above = previous.getBoundingClientRect();
          const needed = holder.statement.scrollHeight;
          if (top + needed <= bottom) {
            if (top + needed > above.bottom) previous.style.height = `${top + needed - above.top}px`;
          } else {
            const style = getComputedStyle(holder.statement);
            const line = parseFloat(style.lineHeight) || 14;
            const padding = parseFloat(style.paddingTop) || 0;
            const lines = Math.max(1, Math.floor((above.bottom - top - 2 * padding) / line));
            holder.statement.style.height = `${lines * line + padding}px`;
          }
        }
        row.classList.add(classes.pageTop);
        placement.pageTops++;
        if (more) {
          placement.continued++;
          const again = row.cells[0]?.querySelector<HTMLElement>('.statement');
          if (again) holder = { row, statement: again };
        }
        rect = row.getBoundingClientRect();
        bottom = rect.top + room - slack;
        end = last && holder ? Math.max(rect.bottom, rect.top + holder.statement.scrollHeight) : rect.bottom;
        if (end > rect.bottom) row.style.height = `${end - rect.top}px`;
        // taller than a page: it breaks anyway
        while (end > bottom) bottom += room - splitSlack;
      });
      return placement;
    },
    {
      height: LANDSCAPE_CONTENT_MM.height * PX_PER_MM,
      slack: SLACK_PX,
      splitSlack: SPLIT_SLACK_PX,
      tallShare: TALL_SHARE,
      classes: PART_V_CLASSES,
    },
  );
}
