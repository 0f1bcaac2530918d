DROP INDEX "cases_stage_id_index";--> statement-breakpoint
CREATE INDEX "cases_stage_id_state_next_activity_at_id_index" ON "cases" USING btree ("stage_id","state","next_activity_at","id");