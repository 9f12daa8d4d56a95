-- A committee's proposals by index: the report's statements select proposals by lead administration and read their
-- actuals (and pending decisions) by proposal id. With (lead_administration, id) the planner reads a small committee's
-- ids from the index alone and joins its actuals by index, in id order; with the index on lead_administration only,
-- it scanned the whole portfolio for the actuals (bench/run: a committee of 400 proposals inside 100,000). The new
-- index serves every use of the old one, which goes.
CREATE INDEX proposal_lead_administration_id ON proposal (lead_administration, id);
DROP INDEX proposal_lead_administration;
