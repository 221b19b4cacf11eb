-- An eID identity may hold at most one open application. A database that already holds two open applications from one
-- eID cannot take the index, and no migration may decide for a caseworker which of them is the person's: it stops here
-- with what to do, and changes nothing (the migrations run in one transaction).
DO $$
DECLARE
  groups integer;
  sample text;
BEGIN
  SELECT count(*) INTO groups FROM (
    SELECT 1 FROM applications
    WHERE person_identifier IS NOT NULL AND state IN ('submitted', 'in_review', 'awaiting_applicant')
    GROUP BY person_identifier HAVING count(*) > 1
  ) duplicated;
  IF groups > 0 THEN
    SELECT string_agg(refs, '; ' ORDER BY first_submitted) INTO sample FROM (
      SELECT string_agg(reference, ' and ' ORDER BY submitted_at, reference) AS refs, min(submitted_at) AS first_submitted
      FROM applications
      WHERE person_identifier IS NOT NULL AND state IN ('submitted', 'in_review', 'awaiting_applicant')
      GROUP BY person_identifier HAVING count(*) > 1
      ORDER BY min(submitted_at) LIMIT 20
    ) listed;
    RAISE EXCEPTION 'One open application per eID: % more than one open application: %. Nothing was changed.',
      CASE WHEN groups = 1 THEN '1 eID identity has' ELSE groups || ' eID identities have' END,
      sample || CASE WHEN groups > 20 THEN ' (the first 20)' ELSE '' END
      USING HINT = 'Keep running the previous version until a caseworker has decided all but one open application of each eID (or the applicant has withdrawn them), then start this version again. To list them: select person_identifier, array_agg(reference order by submitted_at) from applications where state in (''submitted'', ''in_review'', ''awaiting_applicant'') group by person_identifier having count(*) > 1;';
  END IF;
END $$;
--> statement-breakpoint
CREATE UNIQUE INDEX "applications_one_open_per_identifier" ON "applications" USING btree ("person_identifier") WHERE "applications"."state" in ('submitted', 'in_review', 'awaiting_applicant');
