-- The list and search of proposals (/forslag, GET /api/proposals; proposal.ProposalSearchRepository) on 100,000 proposals
-- (measured: docs/pages.md, The proposal list).

-- The year filter's years, one index look per year (a loose index scan) instead of a read of every proposal; and the
-- adoption year filter.
CREATE INDEX proposal_adoption_year ON proposal (adoption_year);

-- The list sorted by title in Danish order reads its first page from this index instead of sorting every title. The
-- collation is ICU's Danish one, which PostgreSQL builds with ICU have (as the embedded server).
CREATE INDEX proposal_title_danish ON proposal ((title COLLATE "da-x-icu"), reference);

-- The search: every word must occur in the title or the reference, in any case, also as part of a word
-- (lower(…) LIKE '%word%'). Trigram indexes find those rows without reading every proposal. pg_trgm is a trusted
-- extension of PostgreSQL's contrib (the embedded server has it); where it cannot be created the search still works,
-- reading the table, and Flyway's log says so. Its operator class is named with the schema it lives in, so that the
-- index is made also where the extension was created in another schema than this one.
DO $$
DECLARE
    trgm_schema text;
BEGIN
    BEGIN
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
    EXCEPTION WHEN OTHERS THEN
        RAISE NOTICE 'pg_trgm is not available (%): the proposal search reads the whole proposal table', SQLERRM;
    END;
    SELECT n.nspname INTO trgm_schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm';
    IF trgm_schema IS NOT NULL THEN
        EXECUTE format('CREATE INDEX proposal_title_trigrams ON proposal USING gin (lower(title) %I.gin_trgm_ops)', trgm_schema);
        EXECUTE format('CREATE INDEX proposal_reference_trigrams ON proposal USING gin (lower(reference) %I.gin_trgm_ops)', trgm_schema);
    END IF;
END
$$;
