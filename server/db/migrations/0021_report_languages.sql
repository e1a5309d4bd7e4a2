-- hand-written: reports become bilingual (docs/decisions/0020-bilingual-report-content.md). Every text
-- written so far is the French original: the content (and the content of every saved version and of every
-- frozen model) says so, with no language wanted besides and no translation yet. Keys already there are kept.
UPDATE "reports"
SET "content" = '{"language":"fr","wanted":[],"translations":{}}'::jsonb || "content"
WHERE NOT ("content" ? 'language');
--> statement-breakpoint
UPDATE "reports"
SET "frozen_model" = jsonb_set(
  "frozen_model",
  '{content}',
  '{"language":"fr","wanted":[],"translations":{}}'::jsonb || ("frozen_model" -> 'content')
)
WHERE "frozen_model" IS NOT NULL AND "frozen_model" ? 'content' AND NOT (("frozen_model" -> 'content') ? 'language');
--> statement-breakpoint
UPDATE "report_revisions"
SET "content" = '{"language":"fr","wanted":[],"translations":{}}'::jsonb || "content"
WHERE NOT ("content" ? 'language');
