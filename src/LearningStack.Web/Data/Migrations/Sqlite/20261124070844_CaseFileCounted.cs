using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningStack.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseFileCounted : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Counted",
                table: "CaseFiles",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // Each file starts from its person's latest recorded decision about being counted (none recorded: not counted).
            migrationBuilder.Sql("""
                UPDATE "CaseFiles" SET "Counted" = COALESCE((SELECT c."Given" FROM "CaseConsents" AS c WHERE c."CaseFileId" = "CaseFiles"."Id" AND c."Purpose" = 'Aggregates' ORDER BY c."RecordedAt" DESC, c."Id" DESC LIMIT 1), 0) WHERE "ErasedAt" IS NULL;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_CaseFiles_CycleId_Counted",
                table: "CaseFiles",
                columns: new[] { "CycleId", "Counted" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CaseFiles_CycleId_Counted",
                table: "CaseFiles");

            migrationBuilder.DropColumn(
                name: "Counted",
                table: "CaseFiles");
        }
    }
}
