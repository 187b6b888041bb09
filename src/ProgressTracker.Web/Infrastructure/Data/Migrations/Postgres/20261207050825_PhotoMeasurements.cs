using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProgressTracker.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PhotoMeasurements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Measurement_AlignmentRevision",
                table: "Photos",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "Measurement_MeasuredAt",
                table: "Photos",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Measurement_MethodVersion",
                table: "Photos",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Measurement_Overlay",
                table: "Photos",
                type: "character varying(100000)",
                maxLength: 100000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Measurement_Result",
                table: "Photos",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Measurement_Status",
                table: "Photos",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Measurement_AlignmentRevision",
                table: "Photos");

            migrationBuilder.DropColumn(
                name: "Measurement_MeasuredAt",
                table: "Photos");

            migrationBuilder.DropColumn(
                name: "Measurement_MethodVersion",
                table: "Photos");

            migrationBuilder.DropColumn(
                name: "Measurement_Overlay",
                table: "Photos");

            migrationBuilder.DropColumn(
                name: "Measurement_Result",
                table: "Photos");

            migrationBuilder.DropColumn(
                name: "Measurement_Status",
                table: "Photos");
        }
    }
}
