-- SPDX-License-Identifier: GPL-3.0-or-later
-- 0021: jobs is no longer FORCE ROW LEVEL SECURITY.
--
-- Why: under FORCE, the owner's SECURITY DEFINER worker functions of 0020
-- see the rows through the jobs_trusted policy, whose qual
-- (current_setting('app.trusted_function') = 'on' OR org_id = …) the
-- planner cannot estimate: it guessed 25 runnable rows where there were
-- 5,000 and claimed through a bitmap scan and a sort of the org's whole
-- backlog (138 ms for 100,000 jobs in 20 orgs) instead of reading the
-- first rows of jobs_runnable_idx (under 1 ms).
--
-- What changes: nothing for the server's app role, which does not own the
-- table: the jobs_org policy still confines it to the transaction's org.
-- The owner role — used only by migrations and by the five reviewed worker
-- functions, and able to switch RLS off on its own table anyway — now
-- bypasses the policies, so the worker functions need no policy of their
-- own. (They still set app.trusted_function; it has no effect here.)

ALTER TABLE jobs NO FORCE ROW LEVEL SECURITY;
DROP POLICY jobs_trusted ON jobs;
