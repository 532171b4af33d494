-- Issue 7 (benchmark): a council member's registration list read every code ever put before the
-- council (recognition_session_item) into memory and sent them back as an array parameter, on
-- every request. The registration module now keeps the fact on its own row: set when a
-- recognition session takes the registration (RegistrationService#putBeforeCouncil, in the
-- session's transaction) and never cleared (a decided session stays readable), so the list is
-- one indexed condition: unit_code = any(?) or council_agenda.
alter table registration add column council_agenda boolean not null default false;
update registration set council_agenda = true
    where code in (select registration_code from recognition_session_item);
-- the agenda's rows newest first (the list's order), only those rows
create index registration_council_agenda_idx on registration (created_at desc, code desc) where council_agenda;
