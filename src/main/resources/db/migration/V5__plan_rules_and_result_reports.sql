-- Issue 3: a plan's rules as data (criteria, outcomes, awards, the season's dates) and the
-- units' year-end result reports.

-- One row per plan once a drafter has set its rules; a plan without a row uses the defaults
-- of PlanRules.defaults(). Criteria, outcomes and awards are jsonb arrays:
--   criteria  [{"code":"TC1","text":"…","required":true,"weight":null}, …]
--   outcomes  ["RECOGNIZED","RECOGNIZED_TYPICAL","NOT_RECOGNIZED"]
--   awards    [{"code":"GIAY_KHEN_BAN","name":"…","authority":"…","external":false,"recipients":"BOTH","quota":20}, …]
create table plan_rules (
    plan_code               varchar(40)  primary key references plan(code),
    criteria                jsonb        not null,
    recognition_outcomes    jsonb        not null,
    recognize_min_score     integer      not null,
    typical_min_score       integer      not null,
    awards                  jsonb        not null,
    evaluation_opens_at     timestamptz,                     -- the timers of PlanIssuanceProcess
    result_report_deadline  timestamptz,
    council_session_at      timestamptz,
    award_dossier_deadline  timestamptz,
    summary_date            date,
    updated_by              varchar(100) not null,
    updated_at              timestamptz  not null
);

-- One result report per registration (filed once, through UserTask_FileResultReport).
--   self_evaluation [{"criterionCode":"TC1","met":true,"evidence":"…"}, …]
--   attachment_ids  [12, 13]   (attachments of the same registration)
create table result_report (
    registration_code   varchar(40)  primary key references registration(code),
    results             text         not null,
    outputs             text         not null,
    self_evaluation     jsonb        not null,
    attachment_ids      jsonb        not null,
    filed_by            varchar(100) not null,
    filed_at            timestamptz  not null
);

-- Set when the plan's result-report deadline passes while the registration is still ACCEPTED
-- (no report); cleared when the report is filed (the history keeps REPORT_OVERDUE).
alter table registration add column result_report_overdue boolean not null default false;
create index registration_report_overdue_idx on registration(plan_code) where result_report_overdue;
