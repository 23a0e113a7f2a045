using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningStack.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PatternsSpeed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CaseConsents_CaseFileId_Purpose",
                table: "CaseConsents");

            migrationBuilder.CreateIndex(
                name: "IX_CaseConsents_CaseFileId_Purpose_RecordedAt_Id",
                table: "CaseConsents",
                columns: new[] { "CaseFileId", "Purpose", "RecordedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CaseConsents_CaseFileId_Purpose_RecordedAt_Id",
                table: "CaseConsents");

            migrationBuilder.CreateIndex(
                name: "IX_CaseConsents_CaseFileId_Purpose",
                table: "CaseConsents",
                columns: new[] { "CaseFileId", "Purpose" });
        }
    }
}
