-- The register of recognised models (recognition module): every model recognised by a council
-- decision of the system (source SYSTEM) and every model recognised before the system and
-- imported from a file (source IMPORT). Cumulative figures of the year-end summary count it.

create table recognized_model (
    id                  bigserial    primary key,
    name                varchar(500) not null,
    unit_code           varchar(80)  not null,
    field               varchar(40)  not null,
    recognized_year     integer      not null check (recognized_year between 1990 and 2200),
    outcome             varchar(30)  not null check (outcome in ('RECOGNIZED', 'RECOGNIZED_TYPICAL')),
    registration_code   varchar(40),                      -- null for an imported model
    decision_number     varchar(100),                     -- 12/QĐ-BTGDV, if known
    source              varchar(10)  not null check (source in ('SYSTEM', 'IMPORT')),
    recorded_at         timestamptz  not null
);

-- A registration enters the register at most once (a repeated message adds nothing).
create unique index recognized_model_registration_uq on recognized_model(registration_code)
    where registration_code is not null;

-- Cumulative figures (recognized_year <= ?), by unit and by field.
create index recognized_model_year_idx on recognized_model(recognized_year);
create index recognized_model_unit_year_idx on recognized_model(unit_code, recognized_year);
create index recognized_model_field_year_idx on recognized_model(field, recognized_year);
