using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningStack.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SenseMakingAndInfluence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Embeddings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    CycleId = table.Column<Guid>(type: "uuid", nullable: false),
                    What = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Replaced = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    EmbeddedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ExperimentIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    SessionIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    RetiredCountermeasureIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    RecordedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Embeddings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Embeddings_Cycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "Cycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InfluenceRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromCycleId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Learning = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    ExperimentIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    EvidenceIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    SessionIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    SharedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    SharedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InfluenceRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InfluenceRecords_Cycles_FromCycleId",
                        column: x => x.FromCycleId,
                        principalTable: "Cycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Issues",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    CycleId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Description = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Owner = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CountermeasureNow = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    SystemChange = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SourceId = table.Column<Guid>(type: "uuid", nullable: true),
                    SourceLabel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Tags = table.Column<List<string>>(type: "text[]", nullable: false),
                    RaisedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    StatusReason = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Issues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Issues_Cycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "Cycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SenseMakingSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    CycleId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    StartsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CallLink = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    FacilitatorUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    FacilitatorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SenseMakingSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SenseMakingSessions_Cycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "Cycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InfluenceRecipients",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    InfluenceId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromCycleId = table.Column<Guid>(type: "uuid", nullable: false),
                    ToCycleId = table.Column<Guid>(type: "uuid", nullable: false),
                    Response = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ResponseNote = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    RespondedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    RespondedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InfluenceRecipients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InfluenceRecipients_Cycles_ToCycleId",
                        column: x => x.ToCycleId,
                        principalTable: "Cycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_InfluenceRecipients_InfluenceRecords_InfluenceId",
                        column: x => x.InfluenceId,
                        principalTable: "InfluenceRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IssueRoutes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    IssueId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromCycleId = table.Column<Guid>(type: "uuid", nullable: false),
                    ToCycleId = table.Column<Guid>(type: "uuid", nullable: false),
                    Note = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    RoutedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    RoutedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Response = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    RespondedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    RespondedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SpawnedExperimentId = table.Column<Guid>(type: "uuid", nullable: true),
                    SpawnedCycleId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReceivedIssueId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IssueRoutes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IssueRoutes_Cycles_ToCycleId",
                        column: x => x.ToCycleId,
                        principalTable: "Cycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IssueRoutes_Issues_IssueId",
                        column: x => x.IssueId,
                        principalTable: "Issues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InsightThemes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    CycleId = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InsightThemes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InsightThemes_SenseMakingSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "SenseMakingSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SessionMaterials",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    CycleId = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    TargetId = table.Column<Guid>(type: "uuid", nullable: false),
                    MapKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionMaterials", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SessionMaterials_SenseMakingSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "SenseMakingSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SessionParticipants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    CycleId = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Voice = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionParticipants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SessionParticipants_SenseMakingSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "SenseMakingSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InsightCards",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    CycleId = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    Text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    AuthorUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    AuthorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ThemeId = table.Column<Guid>(type: "uuid", nullable: true),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    IsDecision = table.Column<bool>(type: "boolean", nullable: false),
                    MaterialIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    IssueId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InsightCards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InsightCards_InsightThemes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "InsightThemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_InsightCards_SenseMakingSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "SenseMakingSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Embeddings_CycleId_EmbeddedOn",
                table: "Embeddings",
                columns: new[] { "CycleId", "EmbeddedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_InfluenceRecipients_InfluenceId_ToCycleId",
                table: "InfluenceRecipients",
                columns: new[] { "InfluenceId", "ToCycleId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InfluenceRecipients_ToCycleId_Response",
                table: "InfluenceRecipients",
                columns: new[] { "ToCycleId", "Response" });

            migrationBuilder.CreateIndex(
                name: "IX_InfluenceRecords_FromCycleId",
                table: "InfluenceRecords",
                column: "FromCycleId");

            migrationBuilder.CreateIndex(
                name: "IX_InsightCards_IssueId",
                table: "InsightCards",
                column: "IssueId");

            migrationBuilder.CreateIndex(
                name: "IX_InsightCards_SessionId_ClientId",
                table: "InsightCards",
                columns: new[] { "SessionId", "ClientId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InsightCards_ThemeId",
                table: "InsightCards",
                column: "ThemeId");

            migrationBuilder.CreateIndex(
                name: "IX_InsightThemes_SessionId",
                table: "InsightThemes",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_IssueRoutes_FromCycleId_Status",
                table: "IssueRoutes",
                columns: new[] { "FromCycleId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_IssueRoutes_IssueId_ToCycleId",
                table: "IssueRoutes",
                columns: new[] { "IssueId", "ToCycleId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IssueRoutes_ToCycleId_Status",
                table: "IssueRoutes",
                columns: new[] { "ToCycleId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Issues_CycleId_Number",
                table: "Issues",
                columns: new[] { "CycleId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Issues_CycleId_Status",
                table: "Issues",
                columns: new[] { "CycleId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Issues_NetworkId_Status",
                table: "Issues",
                columns: new[] { "NetworkId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Issues_Source_SourceId",
                table: "Issues",
                columns: new[] { "Source", "SourceId" });

            migrationBuilder.CreateIndex(
                name: "IX_SenseMakingSessions_CycleId_StartsAt",
                table: "SenseMakingSessions",
                columns: new[] { "CycleId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SenseMakingSessions_NetworkId_StartsAt",
                table: "SenseMakingSessions",
                columns: new[] { "NetworkId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SessionMaterials_SessionId_Kind_TargetId_MapKind",
                table: "SessionMaterials",
                columns: new[] { "SessionId", "Kind", "TargetId", "MapKind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SessionParticipants_SessionId",
                table: "SessionParticipants",
                column: "SessionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Embeddings");

            migrationBuilder.DropTable(
                name: "InfluenceRecipients");

            migrationBuilder.DropTable(
                name: "InsightCards");

            migrationBuilder.DropTable(
                name: "IssueRoutes");

            migrationBuilder.DropTable(
                name: "SessionMaterials");

            migrationBuilder.DropTable(
                name: "SessionParticipants");

            migrationBuilder.DropTable(
                name: "InfluenceRecords");

            migrationBuilder.DropTable(
                name: "InsightThemes");

            migrationBuilder.DropTable(
                name: "Issues");

            migrationBuilder.DropTable(
                name: "SenseMakingSessions");
        }
    }
}
