CREATE TABLE "data_sentence_export_rows" (
	"export_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"contract_id" uuid NOT NULL,
	"supply_point_id" uuid,
	CONSTRAINT "data_sentence_export_rows_export_id_position_pk" PRIMARY KEY("export_id","position")
);
--> statement-breakpoint
CREATE TABLE "data_sentence_exports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"layout_id" uuid NOT NULL,
	"layout_version" integer NOT NULL,
	"layout_snapshot" jsonb NOT NULL,
	"partner_name" varchar(200) NOT NULL,
	"supplier" varchar(200),
	"signed_from" date NOT NULL,
	"signed_to" date NOT NULL,
	"states" jsonb NOT NULL,
	"row_count" integer NOT NULL,
	"contract_count" integer NOT NULL,
	"document_id" uuid NOT NULL,
	"file_name" varchar(200) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "data_sentence_layouts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"partner_name" varchar(200) NOT NULL,
	"partner_kind" varchar(12) NOT NULL,
	"commodity" varchar(12),
	"name" varchar(200) NOT NULL,
	"layout" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "data_sentence_export_rows" ADD CONSTRAINT "data_sentence_export_rows_export_id_data_sentence_exports_id_fk" FOREIGN KEY ("export_id") REFERENCES "public"."data_sentence_exports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_sentence_export_rows" ADD CONSTRAINT "data_sentence_export_rows_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_sentence_export_rows" ADD CONSTRAINT "data_sentence_export_rows_supply_point_id_supply_points_id_fk" FOREIGN KEY ("supply_point_id") REFERENCES "public"."supply_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_sentence_exports" ADD CONSTRAINT "data_sentence_exports_owner_id_owners_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."owners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_sentence_exports" ADD CONSTRAINT "data_sentence_exports_layout_id_data_sentence_layouts_id_fk" FOREIGN KEY ("layout_id") REFERENCES "public"."data_sentence_layouts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_sentence_layouts" ADD CONSTRAINT "data_sentence_layouts_owner_id_owners_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."owners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "data_sentence_export_rows_contract_id_index" ON "data_sentence_export_rows" USING btree ("contract_id");--> statement-breakpoint
CREATE INDEX "data_sentence_exports_owner_id_created_at_index" ON "data_sentence_exports" USING btree ("owner_id","created_at");--> statement-breakpoint
CREATE INDEX "data_sentence_exports_layout_id_created_at_index" ON "data_sentence_exports" USING btree ("layout_id","created_at");--> statement-breakpoint
CREATE INDEX "data_sentence_layouts_owner_id_partner_name_index" ON "data_sentence_layouts" USING btree ("owner_id","partner_name");