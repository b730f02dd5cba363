-- Accesses to a restricted patient (a VIP, an employee) are marked, sealed with the event, and alerted.
-- Adding a column rewrites no row, so the append-only triggers are not involved.
ALTER TABLE audit.access_event ADD COLUMN restricted_patient boolean NOT NULL DEFAULT false;
