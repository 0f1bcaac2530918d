CREATE TABLE "offer_approval_policies" (
	"owner_id" uuid PRIMARY KEY NOT NULL,
	"minimum_margin_percent" numeric(9, 2) NOT NULL,
	"above_minimum" varchar(8) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offer_approvals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"offer_id" uuid NOT NULL,
	"route" varchar(8) NOT NULL,
	"decision" varchar(8) NOT NULL,
	"reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offer_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"offer_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"supply_point_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"price_list_id" uuid NOT NULL,
	"delivery_from" date NOT NULL,
	"delivery_to" date NOT NULL,
	"quantity_mwh" numeric(18, 3) NOT NULL,
	"current_price_per_mwh" numeric(14, 4) NOT NULL,
	"current_monthly_fee" numeric(14, 4) NOT NULL,
	"current_cost" numeric(16, 2) NOT NULL,
	"offered_cost" numeric(16, 2) NOT NULL,
	"saving" numeric(16, 2) NOT NULL,
	"saving_percent" numeric(9, 2),
	"offered_gross" numeric(16, 2) NOT NULL,
	"supplier_revenue" numeric(16, 2) NOT NULL,
	"purchase_cost" numeric(16, 2),
	"margin" numeric(16, 2),
	"margin_percent" numeric(9, 2),
	"pricing" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"team_id" uuid,
	"responsible_user_id" uuid,
	"root_id" uuid NOT NULL,
	"version_number" integer NOT NULL,
	"number" varchar(40) NOT NULL,
	"case_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"state" varchar(20) DEFAULT 'draft' NOT NULL,
	"kind" varchar(12) DEFAULT 'binding' NOT NULL,
	"is_alternative" boolean DEFAULT false NOT NULL,
	"relation_group_id" uuid,
	"contact_id" uuid,
	"commodity" varchar(12) NOT NULL,
	"currency" varchar(3) NOT NULL,
	"valid_until" date NOT NULL,
	"binding_from" date,
	"binding_to" date,
	"current_cost" numeric(16, 2) NOT NULL,
	"offered_cost" numeric(16, 2) NOT NULL,
	"saving" numeric(16, 2) NOT NULL,
	"saving_percent" numeric(9, 2),
	"offered_gross" numeric(16, 2) NOT NULL,
	"purchase_cost" numeric(16, 2),
	"margin" numeric(16, 2),
	"margin_percent" numeric(9, 2),
	"approval_route" varchar(8),
	"note" text,
	"sent_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"closing_reason" text,
	"contract_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "offer_approval_policies" ADD CONSTRAINT "offer_approval_policies_owner_id_owners_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."owners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_approvals" ADD CONSTRAINT "offer_approvals_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_lines" ADD CONSTRAINT "offer_lines_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_lines" ADD CONSTRAINT "offer_lines_supply_point_id_supply_points_id_fk" FOREIGN KEY ("supply_point_id") REFERENCES "public"."supply_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_owner_id_owners_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."owners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "offer_approvals_offer_id_decided_at_index" ON "offer_approvals" USING btree ("offer_id","decided_at");--> statement-breakpoint
CREATE UNIQUE INDEX "offer_lines_offer_position_unique" ON "offer_lines" USING btree ("offer_id","position");--> statement-breakpoint
CREATE INDEX "offer_lines_supply_point_id_index" ON "offer_lines" USING btree ("supply_point_id");--> statement-breakpoint
CREATE UNIQUE INDEX "offers_owner_number_version_unique" ON "offers" USING btree ("owner_id","number","version_number");--> statement-breakpoint
CREATE UNIQUE INDEX "offers_root_version_unique" ON "offers" USING btree ("root_id","version_number");--> statement-breakpoint
CREATE INDEX "offers_owner_id_created_at_id_index" ON "offers" USING btree ("owner_id","created_at","id");--> statement-breakpoint
CREATE INDEX "offers_team_id_created_at_id_index" ON "offers" USING btree ("team_id","created_at","id");--> statement-breakpoint
CREATE INDEX "offers_responsible_user_id_created_at_id_index" ON "offers" USING btree ("responsible_user_id","created_at","id");--> statement-breakpoint
CREATE INDEX "offers_case_id_index" ON "offers" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "offers_client_id_index" ON "offers" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "offers_relation_group_id_index" ON "offers" USING btree ("relation_group_id");--> statement-breakpoint
CREATE INDEX "offers_state_valid_until_index" ON "offers" USING btree ("state","valid_until");