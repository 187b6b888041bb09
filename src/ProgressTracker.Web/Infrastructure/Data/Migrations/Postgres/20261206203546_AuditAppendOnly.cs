using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProgressTracker.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Append-only (docs/security/audit.md): nothing deletes or truncates the trail, a sealed entry never
            // changes, and before sealing only the chain columns may be filled in. The table's owner can still
            // disable these triggers; the hash chain is what shows that afterwards.
            migrationBuilder.Sql("""
                CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP <> 'UPDATE' THEN
                        RAISE EXCEPTION 'audit entries are append-only (%)', TG_OP;
                    END IF;
                    IF OLD."Sequence" IS NOT NULL
                       OR (NEW."Id", NEW."At", NEW."ActorId", NEW."ActorRole", NEW."Action", NEW."ResourceType", NEW."ResourceId", NEW."PatientId", NEW."Outcome", NEW."Ip", NEW."Detail") IS DISTINCT FROM
                          (OLD."Id", OLD."At", OLD."ActorId", OLD."ActorRole", OLD."Action", OLD."ResourceType", OLD."ResourceId", OLD."PatientId", OLD."Outcome", OLD."Ip", OLD."Detail") THEN
                        RAISE EXCEPTION 'audit entries are append-only (sealed or content change)';
                    END IF;
                    RETURN NEW;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON "AuditEntries"
                FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON "AuditEntries"
                FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS audit_entries_no_truncate ON "AuditEntries";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS audit_entries_append_only ON "AuditEntries";""");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS audit_entries_append_only();");
        }
    }
}
