CREATE TABLE "consumption_bands" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" varchar(20) NOT NULL,
	"country" varchar(2) NOT NULL,
	"commodity" varchar(12) NOT NULL,
	"customer_category" varchar(10) NOT NULL,
	"territory_code" varchar(40),
	"lower_kwh" numeric(18, 3) NOT NULL,
	"upper_kwh" numeric(18, 3),
	"lower_inclusive" boolean NOT NULL,
	"upper_inclusive" boolean NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"source" varchar(300) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "consumption_bands_natural_key" UNIQUE("country","commodity","customer_category","code","valid_from")
);
--> statement-breakpoint
CREATE TABLE "gas_calorific_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"country" varchar(2) NOT NULL,
	"territory_code" varchar(40),
	"kwh_per_m3" numeric(7, 4) NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"source" varchar(300) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "gas_calorific_values_natural_key" UNIQUE NULLS NOT DISTINCT("country","territory_code","valid_from")
);
--> statement-breakpoint
CREATE TABLE "gas_volume_coefficients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"country" varchar(2) NOT NULL,
	"municipality" varchar(100) NOT NULL,
	"coefficient" numeric(6, 4) NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"source" varchar(300) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "gas_volume_coefficients_natural_key" UNIQUE("country","municipality","valid_from")
);
--> statement-breakpoint
CREATE TABLE "territory_prefixes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"country" varchar(2) NOT NULL,
	"commodity" varchar(12) NOT NULL,
	"prefix" varchar(20) NOT NULL,
	"territory_code" varchar(40) NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"source" varchar(300) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "territory_prefixes_natural_key" UNIQUE("country","commodity","prefix","valid_from")
);
--> statement-breakpoint
CREATE TABLE "supply_points" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"commodity" varchar(12) NOT NULL,
	"country" varchar(2) NOT NULL,
	"identifier" varchar(40) NOT NULL,
	"identifier_scheme" varchar(12) NOT NULL,
	"territory_code" varchar(40),
	"territory_source" varchar(10),
	"status" varchar(10) DEFAULT 'active' NOT NULL,
	"name" varchar(200),
	"street" varchar(200),
	"city" varchar(100),
	"postal_code" varchar(12),
	"address_country" varchar(2),
	"latitude" numeric(9, 6),
	"longitude" numeric(9, 6),
	"address_status" varchar(12) DEFAULT 'unverified' NOT NULL,
	"annual_consumption" numeric(18, 3),
	"consumption_unit" varchar(4),
	"annual_consumption_kwh" numeric(18, 3),
	"gas_volume_coefficient" numeric(6, 4),
	"gas_calorific_value" numeric(7, 4),
	"current_supplier" varchar(200),
	"current_product" varchar(200),
	"distribution_rate" varchar(40),
	"breaker_rating" varchar(20),
	"iban" varchar(34),
	"payment_method" varchar(40),
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
CREATE TABLE "consumption_forecasts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"supply_point_id" uuid NOT NULL,
	"month" date NOT NULL,
	"quantity_kwh" numeric(18, 3) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "consumption_forecasts_supplyPointId_month_unique" UNIQUE("supply_point_id","month")
);
--> statement-breakpoint
CREATE TABLE "meter_readings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"meter_id" uuid NOT NULL,
	"read_on" date NOT NULL,
	"register" varchar(10) NOT NULL,
	"value" numeric(14, 3) NOT NULL,
	"source" varchar(12) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"supply_point_id" uuid NOT NULL,
	"number" varchar(40) NOT NULL,
	"type" varchar(40) NOT NULL,
	"registers" text[] NOT NULL,
	"installed_on" date NOT NULL,
	"removed_on" date,
	"verification_due_on" date,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"kind" varchar(40) NOT NULL,
	"subject_type" varchar(40) NOT NULL,
	"subject_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"done_at" timestamp with time zone,
	CONSTRAINT "reminders_kind_subjectId_dueOn_unique" UNIQUE("kind","subject_id","due_on")
);
--> statement-breakpoint
ALTER TABLE "supply_points" ADD CONSTRAINT "supply_points_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consumption_forecasts" ADD CONSTRAINT "consumption_forecasts_supply_point_id_supply_points_id_fk" FOREIGN KEY ("supply_point_id") REFERENCES "public"."supply_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meter_readings" ADD CONSTRAINT "meter_readings_meter_id_meters_id_fk" FOREIGN KEY ("meter_id") REFERENCES "public"."meters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meters" ADD CONSTRAINT "meters_supply_point_id_supply_points_id_fk" FOREIGN KEY ("supply_point_id") REFERENCES "public"."supply_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "supply_points_owner_identifier_unique" ON "supply_points" USING btree ("owner_id","identifier") WHERE "supply_points"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "supply_points_identifier_index" ON "supply_points" USING btree ("identifier");--> statement-breakpoint
CREATE INDEX "supply_points_client_id_index" ON "supply_points" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "supply_points_owner_id_commodity_territory_code_identifier_index" ON "supply_points" USING btree ("owner_id","commodity","territory_code","identifier");--> statement-breakpoint
CREATE INDEX "supply_points_search_trgm" ON "supply_points" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "meter_readings_meter_id_register_read_on_index" ON "meter_readings" USING btree ("meter_id","register","read_on");--> statement-breakpoint
CREATE INDEX "meters_supply_point_id_index" ON "meters" USING btree ("supply_point_id");--> statement-breakpoint
CREATE INDEX "meters_verification_due_on_index" ON "meters" USING btree ("verification_due_on");--> statement-breakpoint
CREATE INDEX "reminders_user_id_due_on_index" ON "reminders" USING btree ("user_id","due_on");