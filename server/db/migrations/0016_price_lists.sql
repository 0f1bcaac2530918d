CREATE TABLE "price_list_rows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"price_list_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"tariff_code" varchar(40),
	"price_per_mwh" numeric(14, 4) NOT NULL,
	"monthly_fee" numeric(14, 4) NOT NULL,
	"purchase_per_mwh" numeric(14, 4),
	CONSTRAINT "price_list_rows_tariff_unique" UNIQUE NULLS NOT DISTINCT("price_list_id","tariff_code")
);
--> statement-breakpoint
CREATE TABLE "price_lists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"series_id" uuid NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"note" text,
	"used_at" timestamp with time zone,
	"replaced_by_id" uuid,
	"replaced_at" timestamp with time zone,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"supplier" varchar(200) NOT NULL,
	"name" varchar(200) NOT NULL,
	"code" varchar(40) NOT NULL,
	"commodity" varchar(12) NOT NULL,
	"country" varchar(2) NOT NULL,
	"currency" varchar(3) NOT NULL,
	"price_model" varchar(16) NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regulated_components" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"country" varchar(2) NOT NULL,
	"commodity" varchar(12) NOT NULL,
	"territory_code" varchar(40),
	"tariff_code" varchar(40),
	"component" varchar(24) NOT NULL,
	"basis" varchar(12) NOT NULL,
	"amount" numeric(14, 4) NOT NULL,
	"currency" varchar(3) NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"source" varchar(300) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "regulated_components_natural_key" UNIQUE NULLS NOT DISTINCT("country","commodity","territory_code","tariff_code","component","basis","valid_from")
);
--> statement-breakpoint
CREATE TABLE "vat_rates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"country" varchar(2) NOT NULL,
	"rate_percent" numeric(5, 2) NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"source" varchar(300) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "price_list_rows" ADD CONSTRAINT "price_list_rows_price_list_id_price_lists_id_fk" FOREIGN KEY ("price_list_id") REFERENCES "public"."price_lists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_lists" ADD CONSTRAINT "price_lists_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "price_list_rows_price_list_id_position_index" ON "price_list_rows" USING btree ("price_list_id","position");--> statement-breakpoint
CREATE INDEX "price_lists_product_id_valid_from_index" ON "price_lists" USING btree ("product_id","valid_from") WHERE "price_lists"."replaced_by_id" is null and "price_lists"."archived_at" is null;--> statement-breakpoint
CREATE INDEX "price_lists_series_id_revision_index" ON "price_lists" USING btree ("series_id","revision");--> statement-breakpoint
CREATE UNIQUE INDEX "products_owner_code_unique" ON "products" USING btree ("owner_id","code");--> statement-breakpoint
CREATE INDEX "products_owner_id_supplier_name_index" ON "products" USING btree ("owner_id","supplier","name");--> statement-breakpoint
CREATE INDEX "regulated_components_country_commodity_valid_from_index" ON "regulated_components" USING btree ("country","commodity","valid_from");--> statement-breakpoint
CREATE UNIQUE INDEX "vat_rates_natural_key" ON "vat_rates" USING btree ("country","valid_from");