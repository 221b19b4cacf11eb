// Seeds the benchmark volume in SQL (INSERT … SELECT generate_series): three years of history with one million
// applications and five million matching attempts, plus the logins, links, history events and requests they imply.
import type postgres from 'postgres';

export const BENCH_DAYS = 1095;
/** BENCH_SCALE=0.01 gives a quick trial run of the same shape. */
const scale = Number(process.env.BENCH_SCALE ?? 1);
export const VOLUME = {
  identities: Math.round(4_200_000 * scale),
  mitidAttempts: Math.round(800_000 * scale),
  applications: Math.round(1_000_000 * scale),
  caseworkers: 40,
} as const;

const COUNTRIES = `array['DE','SE','PL','NL','FR','ES','IT','PT','RO','LT','IS','IE','GR','CZ','HU','AT','FI','BE','NO','EE']`;
/** Skewed towards the first countries, like real traffic. */
const country = `(${COUNTRIES})[1 + floor(20 * power(random(), 2))::int]`;

export async function seedVolume(sql: postgres.Sql, log: (step: string, ms: number, rows?: number) => void): Promise<void> {
  const step = async (name: string, query: string) => {
    const started = performance.now();
    const result = await sql.unsafe(query);
    log(name, performance.now() - started, result.count);
  };
  await sql.unsafe(`set synchronous_commit = off; set maintenance_work_mem = '512MB'; set work_mem = '64MB'; select setseed(0.42)`);

  await step('staff', `insert into users (id, email, name, role)
    select gen_random_uuid()::text, 'cw' || g || '@bench.example', 'Caseworker ' || g, 'caseworker' from generate_series(1, ${VOLUME.caseworkers}) g
    union all values (gen_random_uuid()::text, 'sup@bench.example', 'Supervisor', 'supervisor'), (gen_random_uuid()::text, 'admin@bench.example', 'Admin', 'admin')`);

  await step('eid_identities', `insert into eid_identities (person_identifier, country, given_names, family_name, date_of_birth, level_of_assurance, issuer, received_at)
    select 'B/' || g, ${country}, 'Given', 'Family', '1980-01-01', 'substantial', 'bench',
      now() - (g::float8 / ${VOLUME.identities} + random() / ${VOLUME.identities}) * interval '${BENCH_DAYS} days'
    from generate_series(1, ${VOLUME.identities}) g`);

  await step('match_attempts (automatic)', `insert into match_attempts (person_identifier, country, method, outcome, reasons, created_at)
    select person_identifier, country, 'auto',
      case when r < .58 then 'match' when r < .78 then 'manual' when r < .86 then 'no_match' when r < .96 then 'not_found' else 'rate_limited' end,
      case when r < .50 then '["name_exact"]'::jsonb when r < .58 then '["name_transliterated", "name_equivalent"]'::jsonb
        when r < .70 then '["name_fuzzy_family"]'::jsonb when r < .78 then '["name_token_order", "gender_differs"]'::jsonb
        when r < .86 then '["birth_date_differs"]'::jsonb else '[]'::jsonb end,
      received_at + interval '2 minutes'
    from (select person_identifier, country, received_at, random() as r from eid_identities) s`);

  await step('match_attempts (MitID)', `insert into match_attempts (person_identifier, country, method, outcome, reasons, created_at)
    select person_identifier, country, 'mitid', case when random() < .7 then 'match' else 'mitid_mismatch' end, '[]'::jsonb, created_at + interval '3 minutes'
    from match_attempts where method = 'auto' and outcome = 'manual' limit ${VOLUME.mitidAttempts}`);

  await step('identity_links (automatic and MitID)', `insert into identity_links (person_identifier, country, cpr_enc, cpr_index, method, created_at)
    select person_identifier, country, 'bench', 'bench', method, created_at from match_attempts where outcome = 'match'`);

  // Old applications are closed; the last ten days hold the open ones, plus a thin tail of forgotten old cases.
  await step('applications', `with staff as (select array_agg(id order by email) as ids from users where role = 'caseworker'),
    base as (
      select g, now() - (g::float8 / ${VOLUME.applications} + random() / ${VOLUME.applications}) * interval '${BENCH_DAYS} days' as submitted_at,
        random() as r, random() as r2, ${country} as country
      from generate_series(1, ${VOLUME.applications}) g
    ), shaped as (
      select *, case
          when submitted_at > now() - interval '10 days' then (case when r < .5 then 'submitted' when r < .75 then 'in_review' when r < .9 then 'awaiting_applicant' when r < .97 then 'approved' else 'rejected' end)
          when r < .003 then 'submitted'
          when r < .62 then 'approved' when r < .84 then 'rejected' when r < .90 then 'withdrawn' when r < .94 then 'expired' else 'approved' end as state
      from base
    )
    insert into applications (reference, state, country, document_type, given_names, family_name, date_of_birth, nationality, document_number,
      document_expiry, cpr_enc, cpr_index, email, status_token_hash, submitted_at, created_at, decided_at, decided_by, reject_reason,
      assigned_to, assigned_at, last_activity_at)
    select 'BENCH-' || g, state, country, case when r2 < .6 then 'passport' else 'id_card' end, 'Given', 'Family', '1980-01-01', country, 'X0',
      '2030-01-01', 'bench', 'bench', 'a' || g || '@bench.example', 'bench-' || g, submitted_at, submitted_at,
      case when state in ('approved', 'rejected') then least(submitted_at + r2 * interval '12 days', now() - interval '1 minute') end,
      case when state in ('approved', 'rejected') then staff.ids[1 + g % ${VOLUME.caseworkers}] end,
      case when state = 'rejected' then (array['document_unreadable','document_expired','data_mismatch','not_applicants_document','suspected_fraud','other'])[1 + floor(6 * r2)::int] end,
      case when state = 'in_review' then staff.ids[1 + g % ${VOLUME.caseworkers}] end,
      case when state = 'in_review' then submitted_at + interval '1 hour' end,
      submitted_at
    from shaped, staff`);

  await step('identity_links (manual)', `insert into identity_links (person_identifier, country, cpr_enc, cpr_index, method, application_id, linked_by, created_at)
    select 'A/' || reference, country, 'bench', 'bench', 'manual', id, decided_by, decided_at from applications where state = 'approved'`);

  await step('application_events', `insert into application_events (application_id, actor_type, actor_id, type, data, created_at)
    select id, 'applicant', null, 'submitted', '{}'::jsonb, submitted_at from applications
    union all select id, 'staff', decided_by, 'taken', '{}'::jsonb, decided_at - random() * interval '3 hours' from applications where decided_at is not null
    union all select id, 'staff', decided_by, 'document_viewed', '{"kind": "passport_photo"}'::jsonb, decided_at - interval '5 minutes' from applications where decided_at is not null
    union all select id, 'staff', decided_by, state, '{}'::jsonb, decided_at from applications where decided_at is not null
    union all select id, 'applicant', null, 'withdrawn', '{}'::jsonb, submitted_at + interval '2 days' from applications where state = 'withdrawn'
    union all select id, 'system', null, 'expired', '{}'::jsonb, least(submitted_at + interval '31 days', now()) from applications where state = 'expired'
    union all select a.id, 'staff', u.id, 'document_viewed', '{"kind": "id_front"}'::jsonb, a.submitted_at + interval '1 day'
      from applications a join users u on u.email = 'sup@bench.example' where a.reference like '%7'`);

  await step('info_requests', `insert into info_requests (application_id, requested_by, items, message, created_at)
    select id, coalesce(decided_by, assigned_to), '[{"type": "photo", "target": "passport_photo"}, {"type": "question"}]'::jsonb, 'Please', least(submitted_at + interval '1 day', now())
    from applications where state in ('awaiting_applicant', 'expired') or (state = 'approved' and reference like '%3')`);

  await step('analyze', 'analyze');
}
