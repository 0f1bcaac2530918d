CREATE TABLE "signature_request_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"signature_request_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"by" uuid,
	"from_state" varchar(12),
	"to_state" varchar(12) NOT NULL,
	"source" varchar(12) NOT NULL,
	"detail" text
);
--> statement-breakpoint
CREATE TABLE "signature_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"record_type" varchar(40) NOT NULL,
	"record_id" uuid NOT NULL,
	"provider" varchar(20) NOT NULL,
	"provider_document_id" varchar(100) NOT NULL,
	"file_name" varchar(200) NOT NULL,
	"signers" jsonb NOT NULL,
	"state" varchar(12) NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"state_changed_at" timestamp with time zone NOT NULL,
	"signed_pdf" "bytea",
	"signed_pdf_sha256" varchar(64),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "signature_requests_provider_providerDocumentId_unique" UNIQUE("provider","provider_document_id")
);
--> statement-breakpoint
CREATE TABLE "signature_webhook_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider" varchar(20) NOT NULL,
	"delivery_key" varchar(200) NOT NULL,
	"signature_request_id" uuid NOT NULL,
	"state" varchar(20) NOT NULL,
	"outcome" varchar(12) NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "signature_webhook_deliveries_provider_deliveryKey_unique" UNIQUE("provider","delivery_key")
);
--> statement-breakpoint
ALTER TABLE "signature_request_events" ADD CONSTRAINT "signature_request_events_signature_request_id_signature_requests_id_fk" FOREIGN KEY ("signature_request_id") REFERENCES "public"."signature_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signature_webhook_deliveries" ADD CONSTRAINT "signature_webhook_deliveries_signature_request_id_signature_requests_id_fk" FOREIGN KEY ("signature_request_id") REFERENCES "public"."signature_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "signature_request_events_signature_request_id_at_index" ON "signature_request_events" USING btree ("signature_request_id","at");--> statement-breakpoint
CREATE INDEX "signature_requests_record_type_record_id_index" ON "signature_requests" USING btree ("record_type","record_id");