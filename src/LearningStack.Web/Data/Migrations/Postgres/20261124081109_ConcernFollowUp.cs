using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningStack.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ConcernFollowUp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FollowUpHash",
                table: "GovernanceConcerns",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_GovernanceConcerns_FollowUpHash",
                table: "GovernanceConcerns",
                column: "FollowUpHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_GovernanceConcerns_FollowUpHash",
                table: "GovernanceConcerns");

            migrationBuilder.DropColumn(
                name: "FollowUpHash",
                table: "GovernanceConcerns");
        }
    }
}
