using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningStack.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ResourceCountsSpendLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "CountsSpendLog",
                table: "CycleResources",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_CycleResources_SpendLog",
                table: "CycleResources",
                columns: new[] { "CycleId", "Currency" },
                unique: true,
                filter: "\"CountsSpendLog\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CycleResources_SpendLog",
                table: "CycleResources");

            migrationBuilder.DropColumn(
                name: "CountsSpendLog",
                table: "CycleResources");
        }
    }
}
