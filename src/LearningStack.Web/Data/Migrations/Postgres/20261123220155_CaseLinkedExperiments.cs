using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningStack.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CaseLinkedExperiments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "CaseFileId",
                table: "Experiments",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CaseFileId",
                table: "Evidence",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Experiments_CaseFileId",
                table: "Experiments",
                column: "CaseFileId");

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_CaseFileId",
                table: "Evidence",
                column: "CaseFileId");

            migrationBuilder.AddForeignKey(
                name: "FK_Evidence_CaseFiles_CaseFileId",
                table: "Evidence",
                column: "CaseFileId",
                principalTable: "CaseFiles",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_Experiments_CaseFiles_CaseFileId",
                table: "Experiments",
                column: "CaseFileId",
                principalTable: "CaseFiles",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Evidence_CaseFiles_CaseFileId",
                table: "Evidence");

            migrationBuilder.DropForeignKey(
                name: "FK_Experiments_CaseFiles_CaseFileId",
                table: "Experiments");

            migrationBuilder.DropIndex(
                name: "IX_Experiments_CaseFileId",
                table: "Experiments");

            migrationBuilder.DropIndex(
                name: "IX_Evidence_CaseFileId",
                table: "Evidence");

            migrationBuilder.DropColumn(
                name: "CaseFileId",
                table: "Experiments");

            migrationBuilder.DropColumn(
                name: "CaseFileId",
                table: "Evidence");
        }
    }
}
