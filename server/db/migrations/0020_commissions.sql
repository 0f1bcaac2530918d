CREATE TABLE "commission_payouts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commission_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"user_id" uuid,
	"position" integer NOT NULL,
	"trigger" jsonb NOT NULL,
	"amount" numeric(16, 2) NOT NULL,
	"due_on" date,
	"statement_id" uuid
);
--> statement-breakpoint
CREATE TABLE "commission_problems" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"supply_point_id" uuid NOT NULL,
	"kind" varchar(8) NOT NULL,
	"reason" varchar(20) NOT NULL,
	"detail" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commission_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"kind" varchar(8) NOT NULL,
	"name" varchar(200) NOT NULL,
	"product_id" uuid,
	"supplier" varchar(200),
	"client_kind" varchar(10),
	"consumption" jsonb,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"basis" jsonb NOT NULL,
	"payout_model" jsonb NOT NULL,
	"clawback" varchar(8) NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commission_statements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"period" varchar(7) NOT NULL,
	"currency" varchar(3) NOT NULL,
	"commission_total" numeric(16, 2) NOT NULL,
	"clawback_total" numeric(16, 2) NOT NULL,
	"total" numeric(16, 2) NOT NULL,
	"line_count" integer NOT NULL,
	"approved_by" uuid NOT NULL,
	"approved_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"supply_point_id" uuid NOT NULL,
	"rule_id" uuid NOT NULL,
	"kind" varchar(8) NOT NULL,
	"entry" varchar(10) NOT NULL,
	"user_id" uuid,
	"share" numeric(5, 2),
	"base_amount" numeric(16, 2) NOT NULL,
	"amount" numeric(16, 2) NOT NULL,
	"currency" varchar(3) NOT NULL,
	"basis" jsonb NOT NULL,
	"reverses_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "commissions_once" UNIQUE NULLS NOT DISTINCT("contract_id","supply_point_id","kind","entry","user_id")
);
--> statement-breakpoint
ALTER TABLE "commission_payouts" ADD CONSTRAINT "commission_payouts_commission_id_commissions_id_fk" FOREIGN KEY ("commission_id") REFERENCES "public"."commissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commission_problems" ADD CONSTRAINT "commission_problems_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commission_problems" ADD CONSTRAINT "commission_problems_supply_point_id_supply_points_id_fk" FOREIGN KEY ("supply_point_id") REFERENCES "public"."supply_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commission_rules" ADD CONSTRAINT "commission_rules_owner_id_owners_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."owners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commission_statements" ADD CONSTRAINT "commission_statements_owner_id_owners_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."owners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commission_statements" ADD CONSTRAINT "commission_statements_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissions" ADD CONSTRAINT "commissions_owner_id_owners_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."owners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissions" ADD CONSTRAINT "commissions_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissions" ADD CONSTRAINT "commissions_supply_point_id_supply_points_id_fk" FOREIGN KEY ("supply_point_id") REFERENCES "public"."supply_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissions" ADD CONSTRAINT "commissions_rule_id_commission_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."commission_rules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissions" ADD CONSTRAINT "commissions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "commission_payouts_owner_id_user_id_statement_id_due_on_index" ON "commission_payouts" USING btree ("owner_id","user_id","statement_id","due_on");--> statement-breakpoint
CREATE INDEX "commission_payouts_commission_id_index" ON "commission_payouts" USING btree ("commission_id");--> statement-breakpoint
CREATE INDEX "commission_payouts_statement_id_index" ON "commission_payouts" USING btree ("statement_id");--> statement-breakpoint
CREATE UNIQUE INDEX "commission_problems_once" ON "commission_problems" USING btree ("contract_id","supply_point_id","kind");--> statement-breakpoint
CREATE INDEX "commission_problems_owner_id_created_at_index" ON "commission_problems" USING btree ("owner_id","created_at");--> statement-breakpoint
CREATE INDEX "commission_rules_owner_id_kind_index" ON "commission_rules" USING btree ("owner_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "commission_statements_once" ON "commission_statements" USING btree ("owner_id","user_id","period");--> statement-breakpoint
CREATE INDEX "commission_statements_owner_id_period_index" ON "commission_statements" USING btree ("owner_id","period");--> statement-breakpoint
CREATE INDEX "commissions_owner_id_user_id_created_at_id_index" ON "commissions" USING btree ("owner_id","user_id","created_at","id");--> statement-breakpoint
CREATE INDEX "commissions_owner_id_created_at_id_index" ON "commissions" USING btree ("owner_id","created_at","id");--> statement-breakpoint
CREATE INDEX "commissions_rule_id_index" ON "commissions" USING btree ("rule_id");