CREATE INDEX "clients_email_index" ON "clients" USING btree ("email");--> statement-breakpoint
CREATE INDEX "clients_phone_index" ON "clients" USING btree ("phone");--> statement-breakpoint
CREATE INDEX "cases_board_team_branch" ON "cases" USING btree ("owner_id","team_id","stage_id","state","next_activity_at","id");--> statement-breakpoint
CREATE INDEX "cases_board_responsible_branch" ON "cases" USING btree ("responsible_user_id","stage_id","state","next_activity_at","id");--> statement-breakpoint
CREATE INDEX "cases_board_created_branch" ON "cases" USING btree ("created_by","stage_id","state","next_activity_at","id");