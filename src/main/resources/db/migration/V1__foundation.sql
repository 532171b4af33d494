-- DVK application tables. The engine owns ACT_*; these are ours.

create table plan (
    code                    varchar(40)  primary key,          -- KH-2026-01
    title                   varchar(500) not null,
    plan_year               integer      not null,
    legal_basis_number      varchar(100),                      -- 35-CT/TU
    legal_basis_date        date,
    description             text,
    fields                  jsonb        not null,             -- ["KINH_TE", ...]
    scope_unit_codes        jsonb        not null,             -- registering units in scope
    review_mode             varchar(40)  not null,             -- input of ReviewRouteDecision
    registration_deadline   timestamptz  not null,
    reminder_days_before    integer      not null,
    review_days             integer      not null,             -- due date of a review task
    escalation_days         integer      not null,             -- after this the reviewing unit's head is told
    status                  varchar(30)  not null,
    created_by              varchar(100) not null,
    created_at              timestamptz  not null,
    published_at            timestamptz,
    version                 integer      not null default 0
);

create table plan_history (
    id              bigserial    primary key,
    plan_code       varchar(40)  not null references plan(code),
    status          varchar(30)  not null,
    actor           varchar(100),
    comment         text,
    occurred_at     timestamptz  not null
);
create index plan_history_plan_idx on plan_history(plan_code, occurred_at);

create sequence registration_code_seq;

create table registration (
    code                        varchar(40)  primary key,       -- DK-2026-000123
    plan_code                   varchar(40)  not null references plan(code),
    unit_code                   varchar(80)  not null,
    kind                        varchar(20)  not null,          -- MODEL | EXEMPLAR
    field                       varchar(40)  not null,
    continuing                  boolean      not null default false,
    previous_registration_code  varchar(40),
    name                        varchar(500) not null,          -- tên mô hình
    situation                   text,                           -- thực trạng, lý do
    objectives                  text,                           -- mục tiêu, tiêu chí
    approach                    text,                           -- nội dung, cách thức
    beneficiaries               text,                           -- địa bàn, đối tượng
    implementers                text,                           -- lực lượng thực hiện
    resources                   text,                           -- nguồn lực
    timeframe                   text,                           -- thời gian
    outputs                     text,                           -- sản phẩm đầu ra
    sustainability              text,                           -- khả năng duy trì, nhân rộng
    status                      varchar(30)  not null,
    idempotency_key             varchar(200),
    created_by                  varchar(100) not null,
    created_at                  timestamptz  not null,
    updated_at                  timestamptz  not null,
    submitted_at                timestamptz,
    version                     integer      not null default 0
);
create unique index registration_idempotency_idx on registration(created_by, idempotency_key) where idempotency_key is not null;
create index registration_plan_status_idx on registration(plan_code, status);
create index registration_unit_idx on registration(unit_code, plan_code);

create table registration_history (
    id                  bigserial    primary key,
    registration_code   varchar(40)  not null references registration(code),
    status              varchar(30)  not null,
    action              varchar(40)  not null,      -- SUBMITTED, APPROVED, RETURNED, REJECTED, REVISED, ACCEPTED ...
    review_unit_code    varchar(80),
    actor               varchar(100),
    comment             text,
    occurred_at         timestamptz  not null
);
create index registration_history_reg_idx on registration_history(registration_code, occurred_at);

create table attachment (
    id                  bigserial    primary key,
    registration_code   varchar(40)  not null references registration(code),
    file_name           varchar(255) not null,
    content_type        varchar(150) not null,
    size_bytes          bigint       not null,
    sha256              varchar(64)  not null,
    content             bytea        not null,
    uploaded_by         varchar(100) not null,
    uploaded_at         timestamptz  not null
);
create index attachment_registration_idx on attachment(registration_code);

-- Transactional outbox: written in the same transaction as the step that causes the email,
-- sent by a scheduled dispatcher with retries. dedup_key makes a retried job enqueue once.
create table mail_outbox (
    id              bigserial     primary key,
    dedup_key       varchar(300)  not null unique,
    template        varchar(100)  not null,
    recipients      jsonb         not null,          -- ["a@x.vn", ...]
    subject         varchar(500)  not null,
    body_html       text          not null,
    status          varchar(20)   not null,          -- PENDING, SENT, FAILED
    attempts        integer       not null default 0,
    next_attempt_at timestamptz   not null,
    last_error      text,
    created_at      timestamptz   not null,
    sent_at         timestamptz
);
create index mail_outbox_pending_idx on mail_outbox(next_attempt_at) where status = 'PENDING';
