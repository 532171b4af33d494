-- Public pages (/public/models, /public/figures): search of the register of recognised models
-- without regard to diacritics and case, and the movement's figures by aggregate queries.

-- A text as a Vietnamese reader compares it: diacritics removed (NFD, combining marks dropped),
-- đ as d, lower case. 'Chợ cá ĐỒNG' -> 'cho ca dong'. Immutable, so generated columns may use it.
create function search_fold(value text) returns text
    language sql immutable strict parallel safe
    return lower(translate(regexp_replace(normalize(value, NFD), '[\u0300-\u036f]', '', 'g'), 'đĐ', 'dD'));

-- The folded name (sorting by name the way the search compares it) and its words for the
-- full-text search ('simple' configuration: no stemming; every word may be a prefix of the query).
alter table recognized_model
    add column search_name text generated always as (search_fold(name)) stored,
    add column search_words tsvector generated always as
        (to_tsvector('simple', regexp_replace(search_fold(name), '[^[:alnum:]]+', ' ', 'g'))) stored;

create index recognized_model_search_words_idx on recognized_model using gin (search_words);

-- The public list's order (newest year first, then by name): an unfiltered page walks this index
-- and stops after one page.
create index recognized_model_public_order_idx on recognized_model (recognized_year desc, search_name, id);

-- Registered per plan and field (figures): answered from the index alone, never the wide rows.
create index registration_plan_field_status_idx on registration (plan_code, field, status);
