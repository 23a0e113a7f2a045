using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningStack.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CaseFiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Safeguarding",
                table: "NetworkMembers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "CaseFiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    CycleId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Contact = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    PersonUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Restricted = table.Column<bool>(type: "boolean", nullable: false),
                    RestrictedReason = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ErasedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseFiles_Cycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "Cycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeasureTemplates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Low = table.Column<int>(type: "integer", nullable: false),
                    High = table.Column<int>(type: "integer", nullable: false),
                    LowLabel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    HighLabel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeasureTemplates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CaseAccessGrants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseFileId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    GrantedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    GrantedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    GrantedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseAccessGrants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseAccessGrants_CaseFiles_CaseFileId",
                        column: x => x.CaseFileId,
                        principalTable: "CaseFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseAccessLog",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseFileId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    UserName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    What = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Relation = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Why = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseAccessLog", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseAccessLog_CaseFiles_CaseFileId",
                        column: x => x.CaseFileId,
                        principalTable: "CaseFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseConsents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseFileId = table.Column<Guid>(type: "uuid", nullable: false),
                    Purpose = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Organisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Given = table.Column<bool>(type: "boolean", nullable: false),
                    How = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    RecordedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseConsents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseConsents_CaseFiles_CaseFileId",
                        column: x => x.CaseFileId,
                        principalTable: "CaseFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseInvitations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseFileId = table.Column<Guid>(type: "uuid", nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    InvitedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AcceptedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AcceptedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseInvitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseInvitations_CaseFiles_CaseFileId",
                        column: x => x.CaseFileId,
                        principalTable: "CaseFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseNotes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseFileId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OccurredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Who = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    WhatHappened = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    NextSteps = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    PractitionerOnly = table.Column<bool>(type: "boolean", nullable: false),
                    AuthorUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    AuthorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseNotes_CaseFiles_CaseFileId",
                        column: x => x.CaseFileId,
                        principalTable: "CaseFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CasePractitioners",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseFileId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CasePractitioners", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CasePractitioners_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CasePractitioners_CaseFiles_CaseFileId",
                        column: x => x.CaseFileId,
                        principalTable: "CaseFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseStatements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseFileId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    SaidOn = table.Column<DateOnly>(type: "date", nullable: false),
                    WrittenBy = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AuthorUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    AuthorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseStatements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseStatements_CaseFiles_CaseFileId",
                        column: x => x.CaseFileId,
                        principalTable: "CaseFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PersonMeasures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseFileId = table.Column<Guid>(type: "uuid", nullable: false),
                    TemplateId = table.Column<Guid>(type: "uuid", nullable: true),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Low = table.Column<int>(type: "integer", nullable: false),
                    High = table.Column<int>(type: "integer", nullable: false),
                    LowLabel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    HighLabel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    RetiredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonMeasures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PersonMeasures_CaseFiles_CaseFileId",
                        column: x => x.CaseFileId,
                        principalTable: "CaseFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeasureReadings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseFileId = table.Column<Guid>(type: "uuid", nullable: false),
                    MeasureId = table.Column<Guid>(type: "uuid", nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    Value = table.Column<int>(type: "integer", nullable: false),
                    RatedBy = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PractitionerValue = table.Column<int>(type: "integer", nullable: true),
                    Note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RecordedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    RecordedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeasureReadings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeasureReadings_PersonMeasures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "PersonMeasures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_History_EntityId",
                table: "History",
                column: "EntityId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseAccessGrants_CaseFileId_UserId",
                table: "CaseAccessGrants",
                columns: new[] { "CaseFileId", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseAccessGrants_UserId",
                table: "CaseAccessGrants",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseAccessLog_CaseFileId_At",
                table: "CaseAccessLog",
                columns: new[] { "CaseFileId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseConsents_CaseFileId_Purpose",
                table: "CaseConsents",
                columns: new[] { "CaseFileId", "Purpose" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseFiles_CycleId",
                table: "CaseFiles",
                column: "CycleId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseFiles_NetworkId_Reference",
                table: "CaseFiles",
                columns: new[] { "NetworkId", "Reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseFiles_PersonUserId",
                table: "CaseFiles",
                column: "PersonUserId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseInvitations_CaseFileId",
                table: "CaseInvitations",
                column: "CaseFileId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseInvitations_TokenHash",
                table: "CaseInvitations",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseNotes_CaseFileId_OccurredOn",
                table: "CaseNotes",
                columns: new[] { "CaseFileId", "OccurredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CasePractitioners_CaseFileId_UserId",
                table: "CasePractitioners",
                columns: new[] { "CaseFileId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CasePractitioners_UserId",
                table: "CasePractitioners",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseStatements_CaseFileId_Kind",
                table: "CaseStatements",
                columns: new[] { "CaseFileId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_MeasureReadings_CaseFileId_On",
                table: "MeasureReadings",
                columns: new[] { "CaseFileId", "On" });

            migrationBuilder.CreateIndex(
                name: "IX_MeasureReadings_MeasureId_On",
                table: "MeasureReadings",
                columns: new[] { "MeasureId", "On" });

            migrationBuilder.CreateIndex(
                name: "IX_MeasureTemplates_NetworkId",
                table: "MeasureTemplates",
                column: "NetworkId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonMeasures_CaseFileId_Position",
                table: "PersonMeasures",
                columns: new[] { "CaseFileId", "Position" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseAccessGrants");

            migrationBuilder.DropTable(
                name: "CaseAccessLog");

            migrationBuilder.DropTable(
                name: "CaseConsents");

            migrationBuilder.DropTable(
                name: "CaseInvitations");

            migrationBuilder.DropTable(
                name: "CaseNotes");

            migrationBuilder.DropTable(
                name: "CasePractitioners");

            migrationBuilder.DropTable(
                name: "CaseStatements");

            migrationBuilder.DropTable(
                name: "MeasureReadings");

            migrationBuilder.DropTable(
                name: "MeasureTemplates");

            migrationBuilder.DropTable(
                name: "PersonMeasures");

            migrationBuilder.DropTable(
                name: "CaseFiles");

            migrationBuilder.DropIndex(
                name: "IX_History_EntityId",
                table: "History");

            migrationBuilder.DropColumn(
                name: "Safeguarding",
                table: "NetworkMembers");
        }
    }
}
