ALTER TABLE "supply_points" ADD COLUMN "import_id" uuid;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "error_code" varchar(60);--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "error_details" jsonb;--> statement-breakpoint
ALTER TABLE "supply_points" ADD CONSTRAINT "supply_points_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "supply_points_import_id_index" ON "supply_points" USING btree ("import_id") WHERE "supply_points"."import_id" is not null;