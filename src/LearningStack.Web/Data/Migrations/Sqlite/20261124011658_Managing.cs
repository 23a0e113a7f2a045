using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningStack.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Managing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ConnectionsToMake",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NetworkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CycleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExperimentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Why = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    LinkedCycleId = table.Column<Guid>(type: "TEXT", nullable: true),
                    LinkedUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    TalkedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ConversationNote = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConnectionsToMake", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConnectionsToMake_Cycles_LinkedCycleId",
                        column: x => x.LinkedCycleId,
                        principalTable: "Cycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ConnectionsToMake_Experiments_ExperimentId",
                        column: x => x.ExperimentId,
                        principalTable: "Experiments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CycleResources",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NetworkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CycleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    HoursPerMonth = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: true),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    Details = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CycleResources", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CycleResources_Cycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "Cycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EnablersBarriers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NetworkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CycleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    NoticedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    NoticedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    NoticedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    StatusNote = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    IssueId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RouteId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EnablersBarriers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EnablersBarriers_Cycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "Cycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EnablersBarriers_IssueRoutes_RouteId",
                        column: x => x.RouteId,
                        principalTable: "IssueRoutes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_EnablersBarriers_Issues_IssueId",
                        column: x => x.IssueId,
                        principalTable: "Issues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "StagePlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NetworkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CycleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    WhatWillHappen = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    WhoWillBeConvened = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    When = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    UpdatedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StagePlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StagePlans_Cycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "Cycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ResourceUses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NetworkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CycleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UsedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    RecordedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResourceUses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResourceUses_CycleResources_ResourceId",
                        column: x => x.ResourceId,
                        principalTable: "CycleResources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConnectionsToMake_CycleId",
                table: "ConnectionsToMake",
                column: "CycleId");

            migrationBuilder.CreateIndex(
                name: "IX_ConnectionsToMake_ExperimentId",
                table: "ConnectionsToMake",
                column: "ExperimentId");

            migrationBuilder.CreateIndex(
                name: "IX_ConnectionsToMake_LinkedCycleId",
                table: "ConnectionsToMake",
                column: "LinkedCycleId");

            migrationBuilder.CreateIndex(
                name: "IX_CycleResources_CycleId",
                table: "CycleResources",
                column: "CycleId");

            migrationBuilder.CreateIndex(
                name: "IX_EnablersBarriers_CycleId_NoticedOn",
                table: "EnablersBarriers",
                columns: new[] { "CycleId", "NoticedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_EnablersBarriers_IssueId",
                table: "EnablersBarriers",
                column: "IssueId");

            migrationBuilder.CreateIndex(
                name: "IX_EnablersBarriers_RouteId",
                table: "EnablersBarriers",
                column: "RouteId");

            migrationBuilder.CreateIndex(
                name: "IX_ResourceUses_CycleId",
                table: "ResourceUses",
                column: "CycleId");

            migrationBuilder.CreateIndex(
                name: "IX_ResourceUses_ResourceId_UsedOn",
                table: "ResourceUses",
                columns: new[] { "ResourceId", "UsedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_StagePlans_CycleId_Stage",
                table: "StagePlans",
                columns: new[] { "CycleId", "Stage" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConnectionsToMake");

            migrationBuilder.DropTable(
                name: "EnablersBarriers");

            migrationBuilder.DropTable(
                name: "ResourceUses");

            migrationBuilder.DropTable(
                name: "StagePlans");

            migrationBuilder.DropTable(
                name: "CycleResources");
        }
    }
}
