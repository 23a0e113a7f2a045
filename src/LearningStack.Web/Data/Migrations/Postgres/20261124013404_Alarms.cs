using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningStack.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Alarms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Alarms",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    CycleId = table.Column<Guid>(type: "uuid", nullable: false),
                    Rule = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Why = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    How = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    ActHref = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ActLabel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Facts = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FirstSeenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastSeenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DismissedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DismissedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    DismissedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DismissReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Alarms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Alarms_Cycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "Cycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AlarmSettings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    QuietDays = table.Column<int>(type: "integer", nullable: false),
                    PlayingSafeMonths = table.Column<int>(type: "integer", nullable: false),
                    VoiceSessions = table.Column<int>(type: "integer", nullable: false),
                    RouteWaitDays = table.Column<int>(type: "integer", nullable: false),
                    BoundaryReviewMonths = table.Column<int>(type: "integer", nullable: false),
                    RestingDays = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlarmSettings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AlarmSettings_Networks_NetworkId",
                        column: x => x.NetworkId,
                        principalTable: "Networks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Alarms_CycleId_FirstSeenAt",
                table: "Alarms",
                columns: new[] { "CycleId", "FirstSeenAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Alarms_NetworkId_ResolvedAt",
                table: "Alarms",
                columns: new[] { "NetworkId", "ResolvedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Alarms_OpenSituation",
                table: "Alarms",
                columns: new[] { "CycleId", "Rule", "Key" },
                unique: true,
                filter: "\"ResolvedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AlarmSettings_NetworkId",
                table: "AlarmSettings",
                column: "NetworkId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Alarms");

            migrationBuilder.DropTable(
                name: "AlarmSettings");
        }
    }
}
