using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningStack.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class HistoryRelatedCycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "RelatedCycleId",
                table: "History",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_History_RelatedCycleId_At",
                table: "History",
                columns: new[] { "RelatedCycleId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_History_RelatedCycleId_At",
                table: "History");

            migrationBuilder.DropColumn(
                name: "RelatedCycleId",
                table: "History");
        }
    }
}
