ALTER TABLE "supply_points" ADD COLUMN "client_team_id" uuid;--> statement-breakpoint
ALTER TABLE "supply_points" ADD COLUMN "client_responsible_user_id" uuid;--> statement-breakpoint
ALTER TABLE "supply_points" ADD COLUMN "client_created_by" uuid;--> statement-breakpoint
UPDATE supply_points sp SET owner_id = c.owner_id, client_team_id = c.team_id,
  client_responsible_user_id = c.responsible_user_id, client_created_by = c.created_by
FROM clients c WHERE c.id = sp.client_id;
--> statement-breakpoint
-- A supply point is visible exactly when its client is. Its copy of the client's access columns is kept by the
-- database, so no path (service, import, bulk load, a client's team change) can leave it stale.
CREATE OR REPLACE FUNCTION kilowatt_supply_point_client_access() RETURNS trigger AS $$
BEGIN
  SELECT c.owner_id, c.team_id, c.responsible_user_id, c.created_by
    INTO NEW.owner_id, NEW.client_team_id, NEW.client_responsible_user_id, NEW.client_created_by
    FROM clients c WHERE c.id = NEW.client_id;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER supply_points_client_access
  BEFORE INSERT OR UPDATE OF client_id, owner_id, client_team_id, client_responsible_user_id, client_created_by
  ON supply_points FOR EACH ROW EXECUTE FUNCTION kilowatt_supply_point_client_access();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION kilowatt_client_access_to_supply_points() RETURNS trigger AS $$
BEGIN
  UPDATE supply_points SET owner_id = NEW.owner_id, client_team_id = NEW.team_id,
    client_responsible_user_id = NEW.responsible_user_id, client_created_by = NEW.created_by
  WHERE client_id = NEW.id;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER clients_access_to_supply_points
  AFTER UPDATE OF owner_id, team_id, responsible_user_id, created_by ON clients
  FOR EACH ROW
  WHEN (OLD.owner_id IS DISTINCT FROM NEW.owner_id OR OLD.team_id IS DISTINCT FROM NEW.team_id
        OR OLD.responsible_user_id IS DISTINCT FROM NEW.responsible_user_id OR OLD.created_by IS DISTINCT FROM NEW.created_by)
  EXECUTE FUNCTION kilowatt_client_access_to_supply_points();
--> statement-breakpoint
CREATE INDEX "supply_points_client_team_id_identifier_id_index" ON "supply_points" USING btree ("client_team_id","identifier","id");--> statement-breakpoint
CREATE INDEX "supply_points_client_responsible_user_id_identifier_id_index" ON "supply_points" USING btree ("client_responsible_user_id","identifier","id");--> statement-breakpoint
CREATE INDEX "supply_points_client_created_by_identifier_id_index" ON "supply_points" USING btree ("client_created_by","identifier","id");--> statement-breakpoint
CREATE INDEX "supply_points_owner_id_identifier_id_index" ON "supply_points" USING btree ("owner_id","identifier","id");