using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProgressTracker.Web.Infrastructure.Data.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Alignment_Matrix",
                table: "Photos",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Alignment_Method",
                table: "Photos",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Auto");

            migrationBuilder.AddColumn<string>(
                name: "Alignment_Reason",
                table: "Photos",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Alignment_Revision",
                table: "Photos",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<double>(
                name: "Alignment_Score",
                table: "Photos",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Alignment_Status",
                table: "Photos",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "Pending");

            migrationBuilder.AddColumn<long>(
                name: "Alignment_UpdatedAt",
                table: "Photos",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ViewBaselines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    View = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PhotoId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChosenByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ChosenAt = table.Column<long>(type: "INTEGER", nullable: false)
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
