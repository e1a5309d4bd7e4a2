/**
 * Validation of IATI activity XML against the 2.03 XSD copied in `schema/` (libxml2 compiled to WebAssembly,
 * in a worker thread: no native dependency, no network). The export validates every file it hands out.
 */
import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';

const schemaFile = (name: string) => ({
  fileName: name,
  contents: readFileSync(new URL(`./schema/${name}`, import.meta.url), 'utf8'),
});
let schema: { main: ReturnType<typeof schemaFile>; preload: ReturnType<typeof schemaFile>[] } | undefined;

export interface IatiValidation {
  valid: boolean;
  /** `line 12: Element 'budget-item', attribute 'vocabulary': The attribute 'vocabulary' is not allowed.` */
  errors: string[];
}

/** Validates an `iati-activities` document against the IATI 2.03 activity schema. */
export async function validateIatiActivities(xml: string): Promise<IatiValidation> {
  schema ??= {
    main: schemaFile('iati-activities-schema.xsd'),
    preload: [schemaFile('iati-common.xsd'), schemaFile('xml.xsd')],
  };
  const result = await validateXML({
    xml: [{ fileName: 'activities.xml', contents: xml }],
    schema: [schema.main],
    preload: schema.preload,
    maxMemoryPages: 1024,
  });
  return {
    valid: result.valid,
    errors: result.errors.map((e) => (e.loc ? `line ${e.loc.lineNumber}: ${e.message}` : e.message)),
  };
}
