/**
 * The fixed parts of a streamed workbook (`streamed-xlsx.ts`), as ExcelJS's writer wrote them for the
 * activities export: the same styles (their order gives the `s` numbers of `xf`), theme, relationships and
 * properties, so the workbook a user gets says what it said before, format for format.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface SheetLayout {
  /** column widths, from the first column */
  widths: number[];
  /** 0-based columns formatted as dates (yyyy-mm-dd), header included */
  dateColumns?: number[];
  /** the header row stays in view while the rest scrolls */
  frozenHeader?: boolean;
}

const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE_TYPE = 'application/vnd.openxmlformats-officedocument';

const attr = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
const sheetNumbers = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** The cell formats of `stylesXml`, by what they are for. */
export const xf = {
  date: 1,
  /** the wrapped header's row */
  boldWrap: 2,
  /** a cell of the wrapped header */
  headerWrap: 3,
  /** a cell of the wrapped header over a date column (the column's format, as ExcelJS gave it) */
  headerWrapDate: 4,
  /** the plain header's row */
  bold: 5,
  /** a cell of the plain header */
  header: 6,
} as const;

const alignment = '<alignment vertical="center" wrapText="1"/>';
export const stylesXml =
  `${DECLARATION}<styleSheet xmlns="${MAIN}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac x16r2" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:x16r2="http://schemas.microsoft.com/office/spreadsheetml/2015/02/main">` +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>' +
  '<fonts count="2" x14ac:knownFonts="1"><font><color theme="1"/><family val="2"/><scheme val="minor"/><sz val="11"/><name val="Calibri"/></font><font><b/></font></fonts>' +
  '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFD9E2F3"/></patternFill></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="7">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  `<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1">${alignment}</xf>` +
  `<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1">${alignment}</xf>` +
  `<xf numFmtId="164" fontId="1" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyAlignment="1">${alignment}</xf>` +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/>' +
  '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/>' +
  '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>';

export function contentTypesXml(sheets: number): string {
  const override = (part: string, type: string) => `<Override PartName="${part}" ContentType="${type}"/>`;
  return (
    `${DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    override('/xl/workbook.xml', `${OFFICE_TYPE}.spreadsheetml.sheet.main+xml`) +
    sheetNumbers(sheets)
      .map((n) => override(`/xl/worksheets/sheet${n}.xml`, `${OFFICE_TYPE}.spreadsheetml.worksheet+xml`))
      .join('') +
    override('/xl/theme/theme1.xml', `${OFFICE_TYPE}.theme+xml`) +
    override('/xl/styles.xml', `${OFFICE_TYPE}.spreadsheetml.styles+xml`) +
    override('/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml') +
    override('/docProps/app.xml', `${OFFICE_TYPE}.extended-properties+xml`) +
    '</Types>'
  );
}

export const packageRelsXml =
  `${DECLARATION}<Relationships xmlns="${PACKAGE_REL}">` +
  `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
  `<Relationship Id="rId2" Type="${PACKAGE_REL}/metadata/core-properties" Target="docProps/core.xml"/>` +
  `<Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/>` +
  '</Relationships>';

export function appXml(names: string[]): string {
  const n = names.length;
  return (
    `${DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
    '<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>' +
    `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${n}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="${n}" baseType="lpstr">${names.map((s) => `<vt:lpstr>${attr(s)}</vt:lpstr>`).join('')}</vt:vector></TitlesOfParts>` +
    '<Company></Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>'
  );
}

export function coreXml(creator: string, at: Date): string {
  const when = `${at.toISOString().slice(0, 19)}Z`;
  return (
    `${DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:creator>${attr(creator)}</dc:creator><cp:lastModifiedBy>${attr(creator)}</cp:lastModifiedBy>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`
  );
}

/** Sheet n is the relationship `rId(n+2)`: rId1 the styles, rId2 the theme. */
export function workbookXml(names: string[]): string {
  return (
    `${DECLARATION}<workbook xmlns="${MAIN}" xmlns:r="${REL}">` +
    '<fileVersion appName="xl" lastEdited="5" lowestEdited="5" rupBuild="9303"/><workbookPr defaultThemeVersion="164011" filterPrivacy="1"/>' +
    `<sheets>${names.map((s, i) => `<sheet sheetId="${i + 1}" name="${attr(s)}" state="visible" r:id="rId${i + 3}"/>`).join('')}</sheets>` +
    '<calcPr calcId="171027"/></workbook>'
  );
}

export function workbookRelsXml(sheets: number): string {
  return (
    `${DECLARATION}<Relationships xmlns="${PACKAGE_REL}">` +
    `<Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId2" Type="${REL}/theme" Target="theme/theme1.xml"/>` +
    sheetNumbers(sheets)
      .map(
        (n) => `<Relationship Id="rId${n + 2}" Type="${REL}/worksheet" Target="worksheets/sheet${n}.xml"/>`,
      )
      .join('') +
    '</Relationships>'
  );
}

let theme: string | undefined;
/** Office's default theme, the one ExcelJS writes (read from its package once: the fonts and colours refer to it). */
export function themeXml(): string {
  if (theme === undefined) {
    const require = createRequire(import.meta.url);
    theme = readFileSync(
      join(dirname(require.resolve('exceljs')), 'lib', 'xlsx', 'xml', 'theme1.xml'),
      'utf8',
    );
  }
  return theme;
}

/** A sheet's XML up to its first row: the frozen header, the columns' widths and date format. */
export function sheetStart(layout: SheetLayout): string {
  const dates = new Set(layout.dateColumns ?? []);
  const views = layout.frozenHeader
    ? '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>'
    : '';
  const cols = layout.widths
    .map(
      (w, i) =>
        `<col min="${i + 1}" max="${i + 1}" width="${w}"${dates.has(i) ? ` style="${xf.date}"` : ''} customWidth="1"/>`,
    )
    .join('');
  return (
    `${DECLARATION}<worksheet xmlns="${MAIN}" xmlns:r="${REL}">${views}` +
    `<sheetFormatPr defaultRowHeight="15" outlineLevelRow="0" outlineLevelCol="0"/>` +
    `${cols ? `<cols>${cols}</cols>` : ''}<sheetData>`
  );
}

export const sheetEnd =
  '</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';
