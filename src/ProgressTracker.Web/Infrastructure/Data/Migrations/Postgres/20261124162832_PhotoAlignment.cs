using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProgressTracker.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PhotoAlignment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "Alignment_BaselinePhotoId",
                table: "Photos",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Alignment_Matrix",
                table: "Photos",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Alignment_Method",
                table: "Photos",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Auto");

            migrationBuilder.AddColumn<string>(
                name: "Alignment_Reason",
                table: "Photos",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Alignment_Revision",
                table: "Photos",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<double>(
                name: "Alignment_Score",
                table: "Photos",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Alignment_Status",
                table: "Photos",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "Pending");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "Alignment_UpdatedAt",
                table: "Photos",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ViewBaselines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PatientId = table.Column<Guid>(type: "uuid", nullable: false),
                    View = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PhotoId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChosenByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ChosenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ViewBaselines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ViewBaselines_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ViewBaselines_Photos_PhotoId",
                        column: x => x.PhotoId,
                        principalTable: "Photos",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ViewBaselines_PatientId_View",
                table: "ViewBaselines",
                columns: new[] { "PatientId", "View" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ViewBaselines_PhotoId",
                table: "ViewBaselines",
                column: "PhotoId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ViewBaselines");

            migrationBuilder.DropColumn(
                name: "Alignment_BaselinePhotoId",
                table: "Photos");

            migrationBuilder.DropColumn(
                name: "Alignment_Matrix",
                table: "Photos");

            migrationBuilder.DropColumn(
                name: "Alignment_Method",
                table: "Photos");

            migrationBuilder.DropColumn(
                name: "Alignment_Reason",
                table: "Photos");

            migrationBuilder.DropColumn(
                name: "Alignment_Revision",
                table: "Photos");

            migrationBuilder.DropColumn(
                name: "Alignment_Score",
                table: "Photos");

            migrationBuilder.DropColumn(
                name: "Alignment_Status",
                table: "Photos");

            migrationBuilder.DropColumn(
                name: "Alignment_UpdatedAt",
                table: "Photos");
        }
    }
}
