-- The claims ledger. One settlement per policy id: the decisions of a policy are numbered 1, 2, 3... in commit order,
-- and every key settlement holds (a claim id, a resubmission's content, an entitlement granted once per its unit)
-- names the decision that holds it. Decisions of one policy are serialised by a transaction-scoped advisory lock
-- (see docs/DESIGN.md, "Claims ledger"); the constraints below are the last line of defence if a writer ever
-- skipped it.

-- The next decision number of each policy's ledger.
create table ledger_policy (
    policy_id     text   primary key,
    next_decision bigint not null check (next_decision >= 1)
);

-- One row per decided claim: the claim as received, who decided it, and what it was told.
create table decision (
    policy_id        text        not null,
    decision_no      bigint      not null check (decision_no >= 1),
    claim_key        text        not null,   -- the normalised claim id: the same claim again is a replay, never a second decision
    claim_id         text        not null,   -- the id as written
    claimant_key     text        not null,   -- the normalised claimant id (entitlements, export, erasure); a hash once erased
    content_sha256   text        not null,   -- of the canonical claim JSON without its id: replay or conflict
    claim_json       text,                   -- the claim as received, canonical JSON; null once erased
    policy_version   text        not null,
    policy_hash      text        not null,
    outcome          text        not null,
    monetary_krw     bigint      not null check (monetary_krw >= 0),
    nominal_krw      bigint      not null check (nominal_krw >= 0),
    extension_s      bigint      not null check (extension_s >= 0),
    assessment_json  text,                   -- the settled assessment exactly as answered (byte for byte); null once erased
    decided_at       timestamptz not null,
    erased_at        timestamptz,
    primary key (policy_id, decision_no),
    unique (claim_key, policy_id)          -- leading with the key, so a batch's lookup is an index scan however stale the statistics
);
create index decision_by_claimant on decision (claimant_key);

-- What settlement holds, exactly as io.bosang.engine.SettlementState speaks of it: a kind ("claim-id", "content",
-- "grant") and its parts. The key is the SHA-256 of the policy id, the kind and the parts joined by U+001F (one
-- column, so a batch's lookup is an index scan on it however stale the planner's statistics), so the table holds no personal data
-- of its own and an erased claimant's holds stay as tombstones: nothing is paid twice. The primary key is what makes
-- a unit granted twice impossible. For grants the parts are also kept as columns (entitlement, unit, unit_key) for
-- the entitlement queries; unit_key (it may name the claimant) is nulled by erasure.
create table settlement_hold (
    policy_id   text   not null,
    kind        text   not null,
    key_sha256  text   not null,
    decision_no bigint not null,
    claim_id    text   not null,
    entitlement text,
    unit        text,
    unit_key    text,
    primary key (key_sha256),
    foreign key (policy_id, decision_no) references decision (policy_id, decision_no)
);
create index hold_by_decision on settlement_hold (policy_id, decision_no);

-- Limited pools: how many units drew, never above the limit the drawing line carried.
create table pool (
    policy_id  text   not null,
    pool       text   not null,
    drawn      bigint not null,
    pool_limit bigint not null,
    primary key (policy_id, pool),
    check (drawn >= 0 and drawn <= pool_limit)
);

-- Each draw, numbered within its pool: the n-th unit of a pool is one decision, and n never passes the limit.
create table pool_draw (
    policy_id   text   not null,
    pool        text   not null,
    n           bigint not null check (n >= 1),
    pool_limit  bigint not null,
    decision_no bigint not null,
    primary key (policy_id, pool, n),
    check (n <= pool_limit),
    foreign key (policy_id, decision_no) references decision (policy_id, decision_no)
);

-- A re-assessment of every recorded claim under a revised version, and the top-ups it paid.
create table reassessment (
    id              bigserial   primary key,
    policy_id       text        not null,
    policy_version  text        not null,
    policy_hash     text        not null,
    claims          bigint      not null,
    top_ups         bigint      not null,
    over_granted    bigint      not null,
    top_up_krw      bigint      not null,
    started_at      timestamptz not null
);

-- One row per payment line a re-assessment wrote: TOP_UP (paid) or OVER_GRANTED (reported, kept by the claimant).
-- "Granted so far" of a unit is its lines in decisions plus the TOP_UP rows here, so a second run pays nothing twice.
create table payment (
    reassessment_id bigint not null references reassessment (id),
    line_no         bigint not null,
    policy_id       text   not null,
    action          text   not null check (action in ('TOP_UP', 'OVER_GRANTED')),
    claimant_key    text   not null,
    claimant_id     text,                    -- null once erased
    unit            text   not null,
    unit_key        text   not null,
    entitlement     text   not null,
    kind            text   not null,
    amount_krw      bigint not null check (amount_krw >= 0),
    nominal_krw     bigint not null check (nominal_krw >= 0),
    extension_s     bigint not null check (extension_s >= 0),
    rights          bigint not null check (rights >= 0),
    rule            text   not null,
    reason          text   not null,
    primary key (reassessment_id, line_no)
);
create index payment_by_unit on payment (policy_id, unit, unit_key, entitlement, kind);
create index payment_by_claimant on payment (claimant_key);

-- Erasures of a claimant's personal data: when, and how many decisions. The claimant is named only by the hash that
-- replaced its key in decision and payment.
create table erasure (
    id           bigserial   primary key,
    claimant_sha256 text     not null,
    decisions    bigint      not null,
    erased_at    timestamptz not null
);
