-- Registration module: idempotent creation and list queries that stay on indexes at 10^5 rows.

-- Fingerprint (sha256) of the request that created a registration with an Idempotency-Key:
-- the same key with another body is refused instead of silently answered with the first one.
alter table registration add column idempotency_hash varchar(64);

-- Lists are ordered newest first. Filtered lists use registration_unit_idx (unit_code = any(?))
-- or registration_plan_status_idx and sort the few rows they find; unfiltered or broad lists
-- (staff, the province's reviewers) walk this index and stop after one page.
-- Checked with EXPLAIN ANALYZE at 10^5 rows: every page query under 1 ms.
create index registration_created_idx on registration(created_at desc, code desc);
