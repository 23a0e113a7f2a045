using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningStack.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CaseFileAbout : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AgeBand",
                table: "CaseFiles",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Gender",
                table: "CaseFiles",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AgeBand",
                table: "CaseFiles");

            migrationBuilder.DropColumn(
                name: "Gender",
                table: "CaseFiles");
        }
    }
}
