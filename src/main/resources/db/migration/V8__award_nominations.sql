-- Award module: nominations (AwardNominationProcess), their history and documents.
-- No foreign keys into other modules' tables: the award module reads plans, registrations and
-- the register of recognised models through their services only.

create table award_nomination (
    code                    varchar(40)   primary key,        -- KT-2026-0001
    plan_code               varchar(40)   not null,
    award_type              varchar(60)   not null,           -- code of the plan's award catalogue
    award_name              varchar(500)  not null,           -- snapshot of the catalogue's name
    award_authority         varchar(300)  not null,
    external                boolean       not null,           -- decided outside the board
    recipient_kind          varchar(20)   not null,           -- COLLECTIVE | INDIVIDUAL
    registration_code       varchar(40),                      -- collective: the recognised model
    person_name             varchar(300),                     -- individual
    person_position         varchar(300),
    recipient_name          varchar(500)  not null,           -- model name or person's full name
    unit_code               varchar(80)   not null,           -- the recipient's unit
    achievement             text          not null,
    -- the same achievement may not receive the same award twice: R:<registration> or P:<name>|<unit>
    achievement_key         varchar(500)  not null,
    status                  varchar(30)   not null,           -- PROPOSED ... REVOKED (contract.md)
    nominated_by            varchar(100)  not null,
    nominated_at            timestamptz   not null,
    decision_number         varchar(100),
    decision_date           date,
    decision_authority      varchar(300),
    decision_file_name      varchar(255),
    decision_file_type      varchar(150),
    decision_file           bytea,
    decided_by              varchar(100),
    decided_at              timestamptz,
    revoked_reason          text,
    revoked_legal_basis     text,
    revoked_by              varchar(100),
    revoked_at              timestamptz,
    version                 integer       not null default 0
);
create index award_nomination_plan_idx on award_nomination(plan_code, award_type, status);
-- the law forbids awarding the same achievement twice (a declined nomination may be proposed again)
create unique index award_nomination_achievement_uq on award_nomination(plan_code, award_type, achievement_key)
    where status <> 'DECLINED';

create table award_nomination_history (
    id                  bigserial     primary key,
    nomination_code     varchar(40)   not null references award_nomination(code),
    status              varchar(30)   not null,
    action              varchar(40)   not null,     -- PROPOSED, APPROVED, RETURNED, REJECTED, DOSSIER_PREPARED, AWARDED, DECLINED, REVOKED ...
    actor               varchar(100),
    comment             text,
    occurred_at         timestamptz   not null
);
create index award_nomination_history_idx on award_nomination_history(nomination_code, occurred_at);

-- dossier parts (to-trinh, danh-sach) and certificates (chung-nhan), as PDF
create table award_document (
    id                  bigserial     primary key,
    nomination_code     varchar(40)   not null references award_nomination(code),
    name                varchar(60)   not null,
    title               varchar(300)  not null,
    content_type        varchar(100)  not null,
    content             bytea         not null,
    created_at          timestamptz   not null,
    unique (nomination_code, name)
);
