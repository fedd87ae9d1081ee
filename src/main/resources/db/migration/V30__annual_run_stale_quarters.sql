-- An annual run evaluated although some quarters' current runs were out of date (evaluate --year
-- --allow-stale-quarters): which quarters and runs ("2026-Q4:20"); NULL when none was. Sealed with
-- the run's header when set.
ALTER TABLE annual_run ADD COLUMN stale_quarters_allowed VARCHAR(400);
