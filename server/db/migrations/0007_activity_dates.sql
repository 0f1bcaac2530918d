-- Leads and cases show, and their lists sort by, their last and next activity (SALES-5). Every path that writes an
-- activity (services, imports, queues, stage tasks) must keep them right, so the database keeps them: last = when the
-- latest done activity was completed, next = the start of the earliest open one. Archived activities do not count.
CREATE OR REPLACE FUNCTION kilowatt_refresh_activity_dates(p_case_id uuid, p_lead_id uuid) RETURNS void AS $$
BEGIN
  IF p_case_id IS NOT NULL THEN
    UPDATE cases SET
      last_activity_at = (SELECT max(a.completed_at) FROM activities a
        WHERE a.case_id = p_case_id AND a.status = 'done' AND a.archived_at IS NULL),
      next_activity_at = (SELECT min(a.start_at) FROM activities a
        WHERE a.case_id = p_case_id AND a.status = 'open' AND a.archived_at IS NULL)
    WHERE id = p_case_id;
  END IF;
  IF p_lead_id IS NOT NULL THEN
    UPDATE leads SET
      last_activity_at = (SELECT max(a.completed_at) FROM activities a
        WHERE a.lead_id = p_lead_id AND a.status = 'done' AND a.archived_at IS NULL),
      next_activity_at = (SELECT min(a.start_at) FROM activities a
        WHERE a.lead_id = p_lead_id AND a.status = 'open' AND a.archived_at IS NULL)
    WHERE id = p_lead_id;
  END IF;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION kilowatt_activity_dates_trigger() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.case_id IS NOT DISTINCT FROM OLD.case_id AND NEW.lead_id IS NOT DISTINCT FROM OLD.lead_id
     AND NEW.status IS NOT DISTINCT FROM OLD.status AND NEW.start_at IS NOT DISTINCT FROM OLD.start_at
     AND NEW.completed_at IS NOT DISTINCT FROM OLD.completed_at AND NEW.archived_at IS NOT DISTINCT FROM OLD.archived_at THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM kilowatt_refresh_activity_dates(OLD.case_id, OLD.lead_id);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM kilowatt_refresh_activity_dates(NEW.case_id, NEW.lead_id);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER activities_refresh_activity_dates
  AFTER INSERT OR UPDATE OR DELETE ON activities
  FOR EACH ROW EXECUTE FUNCTION kilowatt_activity_dates_trigger();
