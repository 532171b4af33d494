-- Issue 7 (benchmark): the year-end summary counts a plan's registrations by unit, field and status
-- (RegistrationService#counts) instead of reading every row. This index answers that count with an
-- index-only scan of the plan's entries (the rows themselves are wide: ten items of text), and
-- serves every lookup the narrower (plan_code, status) index served.
create index registration_plan_status_unit_field_idx on registration (plan_code, status, unit_code, field);
drop index registration_plan_status_idx;
