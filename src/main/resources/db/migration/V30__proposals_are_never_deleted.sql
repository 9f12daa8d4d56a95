-- Proposals are never deleted (a cancellation is a decision, DOMAIN.md), so a row that names a proposal by its id
-- names one for good. That lets the bulk import check its references set-based, once per import, instead of the
-- foreign key from actual to proposal checking each of a million rows one at a time (docs/imports.md, "Reference
-- check"): the import reads every named proposal before it stages a row, and checks in its own transaction, in one
-- statement, that every staged proposal id exists.

CREATE FUNCTION refuse_proposal_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'Proposals are never deleted (cancel one by a decision instead)'
        USING ERRCODE = 'restrict_violation', HINT = 'docs/imports.md, "Reference check"';
END
$$;

-- Every DELETE (row by row) and every TRUNCATE (which fires no row trigger) of proposal is refused.
CREATE TRIGGER proposal_never_deleted BEFORE DELETE ON proposal FOR EACH ROW EXECUTE FUNCTION refuse_proposal_delete();
CREATE TRIGGER proposal_never_truncated BEFORE TRUNCATE ON proposal FOR EACH STATEMENT EXECUTE FUNCTION refuse_proposal_delete();

-- The one foreign key a bulk write pays per row: actual's to proposal. Every other table that references proposal
-- keeps its foreign key (they are written a row or a proposal at a time, by the forms and the API).
ALTER TABLE actual DROP CONSTRAINT actual_proposal_id_fkey;
