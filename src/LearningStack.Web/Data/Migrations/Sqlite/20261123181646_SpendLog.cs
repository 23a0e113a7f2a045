using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningStack.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SpendLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "NeedCategories",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NetworkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NormalisedName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NeedCategories", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NeedCategories_Networks_NetworkId",
                        column: x => x.NetworkId,
                        principalTable: "Networks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SpendEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NetworkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CycleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SpentOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    WhatWasBought = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    NeedCategoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseFileId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SpentById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    SpentByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ApprovedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ApprovedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ApprovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReceiptStoredName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ReceiptContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ReceiptFileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    ReceiptSize = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpendEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SpendEntries_CaseFiles_CaseFileId",
                        column: x => x.CaseFileId,
                        principalTable: "CaseFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_SpendEntries_Cycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "Cycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SpendEntries_NeedCategories_NeedCategoryId",
                        column: x => x.NeedCategoryId,
                        principalTable: "NeedCategories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_NeedCategories_NetworkId_NormalisedName",
                table: "NeedCategories",
                columns: new[] { "NetworkId", "NormalisedName" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SpendEntries_CaseFileId",
                table: "SpendEntries",
                column: "CaseFileId");

            migrationBuilder.CreateIndex(
                name: "IX_SpendEntries_CycleId_SpentOn",
                table: "SpendEntries",
                columns: new[] { "CycleId", "SpentOn" });

            migrationBuilder.CreateIndex(
                name: "IX_SpendEntries_NeedCategoryId",
                table: "SpendEntries",
                column: "NeedCategoryId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SpendEntries");

            migrationBuilder.DropTable(
                name: "NeedCategories");
        }
    }
}
