-- Registration module: idempotent creation and list queries that stay on indexes at 10^5 rows.

-- Fingerprint (sha256) of the request that created a registration with an Idempotency-Key:
-- the same key with another body is refused instead of silently answered with the first one.
alter table registration add column idempotency_hash varchar(64);

-- Lists are ordered newest first, filtered by visible units and/or plan.
create index registration_created_idx on registration(created_at desc, code desc);
create index registration_unit_created_idx on registration(unit_code, created_at desc);
create index registration_plan_created_idx on registration(plan_code, created_at desc);
