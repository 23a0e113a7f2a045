using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningStack.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Patterns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<string>>(
                name: "Tags",
                table: "CaseStatements",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'::text[]");

            migrationBuilder.CreateTable(
                name: "CaseTaskTypes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    NormalisedName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Complexity = table.Column<int>(type: "integer", nullable: false),
                    ComplexityNote = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseTaskTypes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseTaskTypes_Networks_NetworkId",
                        column: x => x.NetworkId,
                        principalTable: "Networks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CycleDescendants",
                columns: table => new
                {
                    AncestorId = table.Column<Guid>(type: "uuid", nullable: false),
                    DescendantId = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    Depth = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CycleDescendants", x => new { x.AncestorId, x.DescendantId });
                    table.ForeignKey(
                        name: "FK_CycleDescendants_Cycles_AncestorId",
                        column: x => x.AncestorId,
                        principalTable: "Cycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CycleDescendants_Cycles_DescendantId",
                        column: x => x.DescendantId,
                        principalTable: "Cycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseNoteTasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseFileId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseNoteId = table.Column<Guid>(type: "uuid", nullable: false),
                    TaskTypeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseNoteTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseNoteTasks_CaseNotes_CaseNoteId",
                        column: x => x.CaseNoteId,
                        principalTable: "CaseNotes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CaseNoteTasks_CaseTaskTypes_TaskTypeId",
                        column: x => x.TaskTypeId,
                        principalTable: "CaseTaskTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseNoteTasks_CaseFileId",
                table: "CaseNoteTasks",
                column: "CaseFileId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseNoteTasks_CaseNoteId_TaskTypeId",
                table: "CaseNoteTasks",
                columns: new[] { "CaseNoteId", "TaskTypeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseNoteTasks_TaskTypeId_CaseFileId",
                table: "CaseNoteTasks",
                columns: new[] { "TaskTypeId", "CaseFileId" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseTaskTypes_NetworkId_NormalisedName",
                table: "CaseTaskTypes",
                columns: new[] { "NetworkId", "NormalisedName" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CycleDescendants_DescendantId_AncestorId",
                table: "CycleDescendants",
                columns: new[] { "DescendantId", "AncestorId" });

            migrationBuilder.CreateIndex(
                name: "IX_CycleDescendants_NetworkId",
                table: "CycleDescendants",
                column: "NetworkId");

            // Fill the closure table from the links that exist already (later changes keep it true: CycleClosure).
            migrationBuilder.Sql("""
                WITH RECURSIVE walk("AncestorId", "DescendantId", "Depth", "NetworkId") AS (
                    SELECT "ToCycleId", "FromCycleId", 1, "NetworkId" FROM "CycleLinks" WHERE "Direction" = 'Vertical'
                    UNION
                    SELECT w."AncestorId", l."FromCycleId", w."Depth" + 1, w."NetworkId"
                    FROM walk w JOIN "CycleLinks" l ON l."ToCycleId" = w."DescendantId" AND l."Direction" = 'Vertical'
                    WHERE w."Depth" < 50
                )
                INSERT INTO "CycleDescendants" ("AncestorId", "DescendantId", "Depth", "NetworkId")
                SELECT "AncestorId", "DescendantId", MIN("Depth"), "NetworkId" FROM walk
                WHERE "AncestorId" <> "DescendantId"
                GROUP BY "AncestorId", "DescendantId", "NetworkId";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseNoteTasks");

            migrationBuilder.DropTable(
                name: "CycleDescendants");

            migrationBuilder.DropTable(
                name: "CaseTaskTypes");

            migrationBuilder.DropColumn(
                name: "Tags",
                table: "CaseStatements");
        }
    }
}
