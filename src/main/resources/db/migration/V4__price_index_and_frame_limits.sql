-- Settings of the administrators (docs/api-notes.md, "Settings: price index and frame limits").
-- No seed rows: an empty price index means factor 1 (DOMAIN.md, Money); an adoption year without rows in
-- frame_limit has the seed's limits (domain.FrameLimits.defaults()), a row overrides one frame's limit.

CREATE TABLE price_index (
    year       integer       PRIMARY KEY,
    index      numeric(12,4) NOT NULL CHECK (index > 0),
    version    bigint        NOT NULL DEFAULT 0,
    updated_at timestamptz
);

CREATE TABLE frame_limit (
    adoption_year integer       NOT NULL,
    frame         varchar(40)   NOT NULL CHECK (frame IN ('TRANSFER_CASE', 'BUDGET', 'PRE_ANALYSIS_ADMINISTRATION',
                                                         'PRE_ANALYSIS_CROSS_CUTTING', 'TOTAL')),
    amount        numeric(15,2) NOT NULL CHECK (amount >= 0),
    version       bigint        NOT NULL DEFAULT 0,
    PRIMARY KEY (adoption_year, frame)
);
