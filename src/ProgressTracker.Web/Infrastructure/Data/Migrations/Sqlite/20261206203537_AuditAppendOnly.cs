using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProgressTracker.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Append-only (docs/security/audit.md): nothing deletes an entry, a sealed entry never changes, and before
            // sealing only the chain columns may be filled in. A database owner can still drop these triggers; the
            // hash chain is what shows that afterwards.
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEntries_no_delete" BEFORE DELETE ON "AuditEntries"
                BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEntries_no_update" BEFORE UPDATE ON "AuditEntries"
                WHEN OLD."Sequence" IS NOT NULL OR NEW."Id" IS NOT OLD."Id" OR NEW."At" IS NOT OLD."At" OR NEW."ActorId" IS NOT OLD."ActorId" OR NEW."ActorRole" IS NOT OLD."ActorRole" OR NEW."Action" IS NOT OLD."Action" OR NEW."ResourceType" IS NOT OLD."ResourceType" OR NEW."ResourceId" IS NOT OLD."ResourceId" OR NEW."PatientId" IS NOT OLD."PatientId" OR NEW."Outcome" IS NOT OLD."Outcome" OR NEW."Ip" IS NOT OLD."Ip" OR NEW."Detail" IS NOT OLD."Detail"
                BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "AuditEntries_no_update";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "AuditEntries_no_delete";""");
        }
    }
}
