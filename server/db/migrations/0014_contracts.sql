CREATE TABLE "contract_signatories" (
	"contract_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "contract_signatories_contract_id_contact_id_pk" PRIMARY KEY("contract_id","contact_id")
);
--> statement-breakpoint
CREATE TABLE "contract_supply_points" (
	"contract_id" uuid NOT NULL,
	"supply_point_id" uuid NOT NULL,
	CONSTRAINT "contract_supply_points_contract_id_supply_point_id_pk" PRIMARY KEY("contract_id","supply_point_id")
);
--> statement-breakpoint
CREATE TABLE "contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"team_id" uuid,
	"responsible_user_id" uuid,
	"client_id" uuid NOT NULL,
	"case_id" uuid,
	"offer_id" uuid,
	"number" varchar(40) NOT NULL,
	"type" varchar(12) NOT NULL,
	"commodity" varchar(12) NOT NULL,
	"supplier" varchar(200),
	"product_id" uuid,
	"product_name" varchar(200),
	"state" varchar(20) DEFAULT 'draft' NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"notice_period_months" integer,
	"notice_deadline" date,
	"signed_at" timestamp with time zone,
	"ended_on" date,
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
ALTER TABLE "contract_signatories" ADD CONSTRAINT "contract_signatories_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_signatories" ADD CONSTRAINT "contract_signatories_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_supply_points" ADD CONSTRAINT "contract_supply_points_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_supply_points" ADD CONSTRAINT "contract_supply_points_supply_point_id_supply_points_id_fk" FOREIGN KEY ("supply_point_id") REFERENCES "public"."supply_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_owner_id_owners_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."owners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contract_supply_points_supply_point_id_index" ON "contract_supply_points" USING btree ("supply_point_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contracts_owner_number_unique" ON "contracts" USING btree ("owner_id","number");--> statement-breakpoint
CREATE INDEX "contracts_owner_id_end_date_id_index" ON "contracts" USING btree ("owner_id","end_date","id");--> statement-breakpoint
CREATE INDEX "contracts_team_id_end_date_id_index" ON "contracts" USING btree ("team_id","end_date","id");--> statement-breakpoint
CREATE INDEX "contracts_responsible_user_id_end_date_id_index" ON "contracts" USING btree ("responsible_user_id","end_date","id");--> statement-breakpoint
CREATE INDEX "contracts_client_id_index" ON "contracts" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "contracts_case_id_index" ON "contracts" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "contracts_notice_deadline_index" ON "contracts" USING btree ("notice_deadline");--> statement-breakpoint
CREATE INDEX "contracts_search_trgm" ON "contracts" USING gin ("search_text" gin_trgm_ops);