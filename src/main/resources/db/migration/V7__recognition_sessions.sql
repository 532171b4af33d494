-- Recognition module: council sessions (RecognitionReviewProcess), assessments, recusals and the
-- recognition decisions. Registrations and plans are referred to by code only (other modules' tables).

-- Sequential numbers: "session:<planCode>" (session no. per plan), "decision:<year>" (decision no. per year).
-- Incremented with one INSERT ... ON CONFLICT DO UPDATE ... RETURNING: safe under concurrency.
create table recognition_counter (
    counter_key     varchar(80)  primary key,
    last_value      integer      not null
);

create table recognition_session (
    session_key     varchar(60)  primary key,               -- KH-2026-01-PH1
    plan_code       varchar(40)  not null,
    session_no      integer      not null,
    field           varchar(40),                            -- null: every field
    status          varchar(30)  not null,                  -- ASSESSING, CONFIRMING, DECIDED
    comment         text,                                   -- the chair's comment
    confirmed_by    varchar(100),
    created_by      varchar(100) not null,
    created_at      timestamptz  not null,
    decided_at      timestamptz,
    unique (plan_code, session_no)
);

create table recognition_session_item (
    session_key         varchar(60)  not null references recognition_session(session_key),
    registration_code   varchar(40)  not null,
    position            integer      not null,
    name                varchar(500) not null,
    unit_code           varchar(80)  not null,
    field               varchar(40)  not null,
    kind                varchar(20)  not null,
    score               numeric(5, 2),
    required_met        boolean,
    proposed_outcome    varchar(30),                        -- RECOGNIZE, RECOGNIZE_TYPICAL, NOT_RECOGNIZE
    final_outcome       varchar(30),                        -- RECOGNIZED, RECOGNIZED_TYPICAL, NOT_RECOGNIZED
    primary key (session_key, registration_code)
);
-- a registration is decided by one session (a later session may take it only when none is open)
create index recognition_session_item_registration_idx on recognition_session_item(registration_code);

create table recognition_assessment (
    session_key         varchar(60)  not null,
    registration_code   varchar(40)  not null,
    member_id           varchar(100) not null,
    criteria            jsonb        not null,              -- [{"code": "TC1", "met": true}, ...]
    comment             text,
    assessed_at         timestamptz  not null,
    primary key (session_key, registration_code, member_id),
    foreign key (session_key, registration_code) references recognition_session_item(session_key, registration_code)
);

create table recognition_recusal (
    session_key         varchar(60)  not null,
    registration_code   varchar(40)  not null,
    member_id           varchar(100) not null,
    unit_code           varchar(80)  not null,              -- the member's own unit = the model's unit
    recorded_at         timestamptz  not null,
    primary key (session_key, registration_code, member_id),
    foreign key (session_key, registration_code) references recognition_session_item(session_key, registration_code)
);

create table recognition_decision (
    id              bigserial    primary key,
    session_key     varchar(60)  not null unique references recognition_session(session_key),
    decision_year   integer      not null,
    decision_no     integer      not null,
    number          varchar(40)  not null unique,           -- 12/QĐ-BTGDV
    decision_date   date         not null,
    signed_by       varchar(100),
    pdf             bytea        not null,
    created_at      timestamptz  not null,
    unique (decision_year, decision_no)
);
