/**
 * The module order, enforced (`npm run lint:modules`, run by CI through `npm run lint`).
 * A module may import only from modules above it in `layers`; no file may take part in an import cycle
 * (type-only imports count: a cycle of types is a cycle of concepts). ARCHITECTURE.md explains the order.
 */
const layers = [
  // core: isomorphic. Vocabularies and messages, then the contracts built from them, then the rules on them
  ['core-vocabulary', '^core/(i18n|errors|lib|vocabulary)/'],
  ['core-contracts', '^core/contracts/'],
  ['core-domain', '^core/(finance|geo|domain|activities)/'],
  ['core-reports', '^core/reports/'],
  // server foundations: no module knows them as features
  ['server-base', '^server/(errors|config)\\.ts$'],
  ['db', '^server/db/'],
  ['context', '^server/context\\.ts$'],
  ['documents', '^server/documents/'],
  ['http', '^server/plugins/'],
  // feature modules, from the most fundamental to the ones that gather others
  ['auth', '^server/modules/auth/'],
  ['audit', '^server/modules/audit/'],
  // told by the features (notify), it knows none of them
  ['notifications', '^server/modules/notifications/'],
  ['geography', '^server/modules/geography/'],
  ['programmes', '^server/modules/programmes/'],
  ['frameworks', '^server/modules/frameworks/'],
  ['indicators', '^server/modules/indicators/'],
  ['programme-documents', '^server/modules/programme-documents/'],
  ['periods', '^server/modules/periods/'],
  ['activities', '^server/modules/activities/'],
  ['indicator-data', '^server/modules/indicator-data/'],
  ['dashboards', '^server/modules/dashboards/'],
  ['finance', '^server/modules/finance/'],
  ['reports', '^server/modules/reports/'],
  ['exchange', '^server/modules/exchange/'],
  ['imports', '^server/modules/imports/'],
  ['due', '^server/modules/due/'],
  ['my-work', '^server/modules/my-work/'],
  // assembly: the HTTP application, the demo data, the command line
  ['app', '^server/(app|openapi-document)\\.ts$'],
  ['seed', '^server/seed/'],
  ['cli', '^server/cli/'],
  // the web app: helpers and the API client, shared components, pages, then the shell that routes to them
  ['web-base', '^web/(lib|i18n|api|sw)/'],
  ['web-components', '^web/components/'],
  ['web-features', '^web/features/'],
  ['web-app', '^web/(app|main|routes)\\.tsx?$'],
];

const notTests = '(\\.test\\.tsx?$|^server/test/|^e2e/|^bench/|^scripts/)';
const forbidden = layers.map(([name, path], index) => ({
  name: `order-${name}`,
  comment: `${name} imports only from the layers above it (ARCHITECTURE.md, "Module order")`,
  severity: 'error',
  from: { path, pathNot: notTests },
  to: {
    path:
      layers
        .slice(index + 1)
        .map(([, later]) => `(${later})`)
        .join('|') || '^$',
  },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No file takes part in an import cycle (ARCHITECTURE.md, "Module order")',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'server-modules-are-layered',
      comment: 'Every module of server/modules has its place in the order of .dependency-cruiser.cjs',
      severity: 'error',
      from: { path: '^server/modules/([^/]+)/', pathNot: layers.map(([, p]) => `(${p})`).join('|') },
      to: {},
    },
    {
      name: 'schema-only-in-queries',
      comment: 'Only a module’s *.queries.ts reads and writes the tables (CONTRIBUTING, "Code style")',
      severity: 'error',
      from: {
        path: '^server/(modules|cli)/',
        pathNot: [notTests, '\\.queries\\.ts$'].join('|'),
      },
      to: { path: '^server/db/schema/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'web-says-only-the-screens-catalogue',
      comment: 'The browser never downloads the server’s sentences: web/ uses useT(), not core/i18n/t.ts',
      severity: 'error',
      from: { path: '^web/' },
      to: {
        path: '^core/i18n/(t|server-[a-z]+)\\.ts$|^core/i18n/messages/(documents|imports|finance-rules|report-rules|field-rules|account-rules|cli)\\.',
      },
    },
    ...forbidden,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^node_modules|^web/dist|/data/)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
