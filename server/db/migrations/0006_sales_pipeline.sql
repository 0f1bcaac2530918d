CREATE TABLE "process_stage_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"stage_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"title" varchar(200) NOT NULL,
	"field_key" varchar(60),
	"department_email" varchar(254),
	"due_in_days" integer DEFAULT 3 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "process_stages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"template_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" varchar(120) NOT NULL,
	"required_fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"closes_as" varchar(4),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "process_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"name" varchar(120) NOT NULL,
	"description" text,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lead_import_decisions" (
	"import_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"decision" varchar(6) NOT NULL,
	"target_lead_id" uuid,
	"target_client_id" uuid,
	CONSTRAINT "lead_import_decisions_import_id_row_number_pk" PRIMARY KEY("import_id","row_number")
);
--> statement-breakpoint
CREATE TABLE "lead_import_mappings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"source" varchar(60) NOT NULL,
	"mapping" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lead_potentials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lead_id" uuid NOT NULL,
	"commodity" varchar(12) NOT NULL,
	"territory_code" varchar(40),
	"supply_point_identifier" varchar(40),
	"period_from" date,
	"period_to" date,
	"price_model" varchar(10),
	"quantity" numeric(18, 3),
	"quantity_unit" varchar(4),
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"team_id" uuid,
	"responsible_user_id" uuid,
	"kind" varchar(10) DEFAULT 'company' NOT NULL,
	"name" varchar(200) NOT NULL,
	"country" varchar(2) NOT NULL,
	"company_id" varchar(30),
	"email" varchar(254),
	"phone" varchar(20),
	"contact_first_name" varchar(100),
	"contact_last_name" varchar(100),
	"contact_function" varchar(100),
	"street" varchar(200),
	"city" varchar(100),
	"postal_code" varchar(12),
	"industry" varchar(40),
	"status" varchar(12) DEFAULT 'new' NOT NULL,
	"disqualified_reason" text,
	"priority" integer DEFAULT 3 NOT NULL,
	"source" varchar(60) DEFAULT 'manual' NOT NULL,
	"import_id" uuid,
	"campaign" varchar(100),
	"channel" varchar(40),
	"marketing_consent" varchar(10) DEFAULT 'unknown' NOT NULL,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"total_demand" numeric(18, 3),
	"total_demand_unit" varchar(4),
	"client_id" uuid,
	"converted_client_id" uuid,
	"converted_case_id" uuid,
	"converted_at" timestamp with time zone,
	"last_activity_at" timestamp with time zone,
	"next_activity_at" timestamp with time zone,
	"note" text,
	"search_text" text NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_participants" (
	"case_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"share" numeric(5, 2) NOT NULL,
	CONSTRAINT "case_participants_case_id_user_id_pk" PRIMARY KEY("case_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "case_potentials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"commodity" varchar(12) NOT NULL,
	"territory_code" varchar(40),
	"period_from" date,
	"period_to" date,
	"price_model" varchar(10),
	"quantity" numeric(18, 3),
	"quantity_unit" varchar(4),
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_stage_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"from_stage_id" uuid,
	"to_stage_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"by" uuid
);
--> statement-breakpoint
CREATE TABLE "case_supply_points" (
	"case_id" uuid NOT NULL,
	"supply_point_id" uuid NOT NULL,
	CONSTRAINT "case_supply_points_case_id_supply_point_id_pk" PRIMARY KEY("case_id","supply_point_id")
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"team_id" uuid,
	"responsible_user_id" uuid,
	"client_id" uuid NOT NULL,
	"lead_id" uuid,
	"name" varchar(200) NOT NULL,
	"type" varchar(40) NOT NULL,
	"commodity" varchar(12) NOT NULL,
	"process_template_id" uuid,
	"stage_id" uuid,
	"stage_entered_at" timestamp with time zone,
	"state" varchar(6) DEFAULT 'new' NOT NULL,
	"outcome" varchar(4),
	"closing_note" text,
	"closed_at" timestamp with time zone,
	"continuation_case_id" uuid,
	"priority" integer DEFAULT 3 NOT NULL,
	"territory_code" varchar(40),
	"expected_close_date" date,
	"total_demand" numeric(18, 3),
	"total_demand_unit" varchar(4),
	"security_kind" varchar(20),
	"security_amount" numeric(14, 2),
	"last_activity_at" timestamp with time zone,
	"next_activity_at" timestamp with time zone,
	"note" text,
	"search_text" text NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"team_id" uuid,
	"responsible_user_id" uuid,
	"kind" varchar(8) NOT NULL,
	"subject" varchar(200) NOT NULL,
	"description" text,
	"location" varchar(200),
	"start_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"status" varchar(10) DEFAULT 'open' NOT NULL,
	"completed_at" timestamp with time zone,
	"outcome" varchar(40),
	"outcome_note" text,
	"client_id" uuid,
	"case_id" uuid,
	"lead_id" uuid,
	"field_key" varchar(60),
	"process_stage_task_id" uuid,
	"department_email" varchar(254),
	"emailed_at" timestamp with time zone,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"team_id" uuid,
	"responsible_user_id" uuid,
	"title" varchar(200) NOT NULL,
	"description" text,
	"location" varchar(200),
	"start_at" timestamp with time zone NOT NULL,
	"end_at" timestamp with time zone NOT NULL,
	"all_day" boolean DEFAULT false NOT NULL,
	"activity_id" uuid,
	"client_id" uuid,
	"case_id" uuid,
	"lead_id" uuid,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"token_hash" varchar(128) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	CONSTRAINT "calendar_feeds_tokenHash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "work_queue_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"name" varchar(120) NOT NULL,
	"channel" varchar(6) NOT NULL,
	"team_id" uuid NOT NULL,
	"record_types" jsonb DEFAULT '["lead","case"]'::jsonb NOT NULL,
	"territory_codes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"max_priority" integer DEFAULT 5 NOT NULL,
	"daily_capacity" integer DEFAULT 30 NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "process_stage_tasks" ADD CONSTRAINT "process_stage_tasks_stage_id_process_stages_id_fk" FOREIGN KEY ("stage_id") REFERENCES "public"."process_stages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_stages" ADD CONSTRAINT "process_stages_template_id_process_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."process_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_templates" ADD CONSTRAINT "process_templates_owner_id_owners_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."owners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_import_mappings" ADD CONSTRAINT "lead_import_mappings_owner_id_owners_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."owners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_potentials" ADD CONSTRAINT "lead_potentials_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_owner_id_owners_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."owners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_participants" ADD CONSTRAINT "case_participants_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_participants" ADD CONSTRAINT "case_participants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_potentials" ADD CONSTRAINT "case_potentials_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_stage_changes" ADD CONSTRAINT "case_stage_changes_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_supply_points" ADD CONSTRAINT "case_supply_points_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_supply_points" ADD CONSTRAINT "case_supply_points_supply_point_id_supply_points_id_fk" FOREIGN KEY ("supply_point_id") REFERENCES "public"."supply_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_owner_id_owners_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."owners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_process_template_id_process_templates_id_fk" FOREIGN KEY ("process_template_id") REFERENCES "public"."process_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_stage_id_process_stages_id_fk" FOREIGN KEY ("stage_id") REFERENCES "public"."process_stages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_owner_id_owners_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."owners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_events" ADD CONSTRAINT "calendar_events_owner_id_owners_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."owners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_events" ADD CONSTRAINT "calendar_events_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_queue_rules" ADD CONSTRAINT "work_queue_rules_owner_id_owners_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."owners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_queue_rules" ADD CONSTRAINT "work_queue_rules_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "process_stage_tasks_stage_id_index" ON "process_stage_tasks" USING btree ("stage_id");--> statement-breakpoint
CREATE UNIQUE INDEX "process_stages_template_id_position_index" ON "process_stages" USING btree ("template_id","position");--> statement-breakpoint
CREATE INDEX "process_stages_template_id_index" ON "process_stages" USING btree ("template_id");--> statement-breakpoint
CREATE UNIQUE INDEX "lead_import_mappings_owner_id_source_index" ON "lead_import_mappings" USING btree ("owner_id","source");--> statement-breakpoint
CREATE INDEX "lead_potentials_lead_id_index" ON "lead_potentials" USING btree ("lead_id");--> statement-breakpoint
CREATE INDEX "lead_potentials_supply_point_identifier_index" ON "lead_potentials" USING btree ("supply_point_identifier");--> statement-breakpoint
CREATE INDEX "leads_search_trgm" ON "leads" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "leads_owner_id_name_id_index" ON "leads" USING btree ("owner_id","name","id");--> statement-breakpoint
CREATE INDEX "leads_team_id_name_id_index" ON "leads" USING btree ("team_id","name","id");--> statement-breakpoint
CREATE INDEX "leads_name_id_index" ON "leads" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "leads_responsible_user_id_index" ON "leads" USING btree ("responsible_user_id");--> statement-breakpoint
CREATE INDEX "leads_company_id_index" ON "leads" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "leads_email_index" ON "leads" USING btree ("email");--> statement-breakpoint
CREATE INDEX "leads_phone_index" ON "leads" USING btree ("phone");--> statement-breakpoint
CREATE INDEX "leads_next_activity_at_index" ON "leads" USING btree ("next_activity_at");--> statement-breakpoint
CREATE INDEX "leads_import_id_index" ON "leads" USING btree ("import_id");--> statement-breakpoint
CREATE INDEX "case_participants_user_id_index" ON "case_participants" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "case_potentials_case_id_index" ON "case_potentials" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_stage_changes_case_id_at_index" ON "case_stage_changes" USING btree ("case_id","at");--> statement-breakpoint
CREATE INDEX "case_supply_points_supply_point_id_index" ON "case_supply_points" USING btree ("supply_point_id");--> statement-breakpoint
CREATE INDEX "cases_search_trgm" ON "cases" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "cases_owner_id_name_id_index" ON "cases" USING btree ("owner_id","name","id");--> statement-breakpoint
CREATE INDEX "cases_team_id_name_id_index" ON "cases" USING btree ("team_id","name","id");--> statement-breakpoint
CREATE INDEX "cases_name_id_index" ON "cases" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "cases_responsible_user_id_state_index" ON "cases" USING btree ("responsible_user_id","state");--> statement-breakpoint
CREATE INDEX "cases_client_id_index" ON "cases" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "cases_stage_id_index" ON "cases" USING btree ("stage_id");--> statement-breakpoint
CREATE INDEX "cases_state_next_activity_at_index" ON "cases" USING btree ("state","next_activity_at");--> statement-breakpoint
CREATE INDEX "activities_responsible_user_id_status_due_at_index" ON "activities" USING btree ("responsible_user_id","status","due_at");--> statement-breakpoint
CREATE INDEX "activities_owner_id_status_due_at_index" ON "activities" USING btree ("owner_id","status","due_at");--> statement-breakpoint
CREATE INDEX "activities_team_id_status_due_at_index" ON "activities" USING btree ("team_id","status","due_at");--> statement-breakpoint
CREATE INDEX "activities_case_id_start_at_index" ON "activities" USING btree ("case_id","start_at");--> statement-breakpoint
CREATE INDEX "activities_lead_id_start_at_index" ON "activities" USING btree ("lead_id","start_at");--> statement-breakpoint
CREATE INDEX "activities_client_id_start_at_index" ON "activities" USING btree ("client_id","start_at");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_events_activity_id_index" ON "calendar_events" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "calendar_events_team_id_start_at_index" ON "calendar_events" USING btree ("team_id","start_at");--> statement-breakpoint
CREATE INDEX "calendar_events_owner_id_start_at_index" ON "calendar_events" USING btree ("owner_id","start_at");--> statement-breakpoint
CREATE INDEX "calendar_events_responsible_user_id_start_at_index" ON "calendar_events" USING btree ("responsible_user_id","start_at");