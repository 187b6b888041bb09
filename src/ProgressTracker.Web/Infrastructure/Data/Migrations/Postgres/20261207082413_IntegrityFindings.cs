using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProgressTracker.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class IntegrityFindings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IntegrityCheckRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CheckedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Trigger = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RowsChecked = table.Column<int>(type: "integer", nullable: false),
                    ReferencesChecked = table.Column<int>(type: "integer", nullable: false),
                    OriginalsHashed = table.Column<int>(type: "integer", nullable: false),
                    Missing = table.Column<int>(type: "integer", nullable: false),
                    Mismatched = table.Column<int>(type: "integer", nullable: false),
                    Resolved = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntegrityCheckRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IntegrityFindings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ResourceType = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ResourceId = table.Column<Guid>(type: "uuid", nullable: false),
                    PatientId = table.Column<Guid>(type: "uuid", nullable: false),
                    BlobKey = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    FirstFoundAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastSeenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntegrityFindings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IntegrityCheckRuns_CheckedAt",
                table: "IntegrityCheckRuns",
                column: "CheckedAt");

            migrationBuilder.CreateIndex(
                name: "IX_IntegrityFindings_BlobKey_Kind",
                table: "IntegrityFindings",
                columns: new[] { "BlobKey", "Kind" },
                unique: true,
                filter: "\"ResolvedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_IntegrityFindings_ResolvedAt",
                table: "IntegrityFindings",
                column: "ResolvedAt");

            migrationBuilder.CreateIndex(
                name: "IX_IntegrityFindings_ResourceId_ResolvedAt",
                table: "IntegrityFindings",
                columns: new[] { "ResourceId", "ResolvedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IntegrityCheckRuns");

            migrationBuilder.DropTable(
                name: "IntegrityFindings");
        }
    }
}
