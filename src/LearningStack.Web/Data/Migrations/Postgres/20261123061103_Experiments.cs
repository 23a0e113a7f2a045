using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningStack.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Experiments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Experiments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    CycleId = table.Column<Guid>(type: "uuid", nullable: false),
                    ParentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ResearchQuestion = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    Hypothesis = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    InquiryQuestions = table.Column<List<string>>(type: "text[]", nullable: false),
                    SafeToFailRules = table.Column<List<string>>(type: "text[]", nullable: false),
                    Tags = table.Column<List<string>>(type: "text[]", nullable: false),
                    Permissions = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    PermissionStatus = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReviewPoints = table.Column<List<DateOnly>>(type: "date[]", nullable: false),
                    PlannedEndOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EvidenceKinds = table.Column<int>(type: "integer", nullable: false),
                    GatheredBy = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    AnalysedBy = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    ReflectionEveryDays = table.Column<int>(type: "integer", nullable: true),
                    HowWeWillKnow = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    SharedWith = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Decision = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    LearningAboutWork = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    LearningAboutOrganising = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    ConcludedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Experiments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Experiments_Cycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "Cycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Experiments_Experiments_ParentId",
                        column: x => x.ParentId,
                        principalTable: "Experiments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "LearningPods",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    CycleId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    People = table.Column<List<string>>(type: "text[]", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearningPods", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LearningPods_Cycles_CycleId",
                        column: x => x.CycleId,
                        principalTable: "Cycles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Countermeasures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    CycleId = table.Column<Guid>(type: "uuid", nullable: false),
                    ExperimentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Rule = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Instead = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    AgreedByActorId = table.Column<Guid>(type: "uuid", nullable: true),
                    AgreedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    ReviewOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    WhyEnded = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    Disturbed = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    NoticedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Countermeasures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Countermeasures_Actors_AgreedByActorId",
                        column: x => x.AgreedByActorId,
                        principalTable: "Actors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Countermeasures_Experiments_ExperimentId",
                        column: x => x.ExperimentId,
                        principalTable: "Experiments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Evidence",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    CycleId = table.Column<Guid>(type: "uuid", nullable: false),
                    ExperimentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OccurredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    WhatMeasured = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    Unit = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Context = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    ToldBy = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    MediaKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    FileSize = table.Column<long>(type: "bigint", nullable: true),
                    StoredName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CreatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    CreatedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DeletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DeletedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Evidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Evidence_Experiments_ExperimentId",
                        column: x => x.ExperimentId,
                        principalTable: "Experiments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExperimentActions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    CycleId = table.Column<Guid>(type: "uuid", nullable: false),
                    ExperimentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    What = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Why = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    FactorId = table.Column<Guid>(type: "uuid", nullable: true),
                    ActorId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExperimentActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExperimentActions_Actors_ActorId",
                        column: x => x.ActorId,
                        principalTable: "Actors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ExperimentActions_Experiments_ExperimentId",
                        column: x => x.ExperimentId,
                        principalTable: "Experiments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ExperimentActions_Factors_FactorId",
                        column: x => x.FactorId,
                        principalTable: "Factors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ExperimentComments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    CycleId = table.Column<Guid>(type: "uuid", nullable: false),
                    ExperimentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Section = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    AuthorId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    AuthorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExperimentComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExperimentComments_Experiments_ExperimentId",
                        column: x => x.ExperimentId,
                        principalTable: "Experiments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExperimentParticipants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    CycleId = table.Column<Guid>(type: "uuid", nullable: false),
                    ExperimentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ActorId = table.Column<Guid>(type: "uuid", nullable: true),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Roles = table.Column<int>(type: "integer", nullable: false),
                    How = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExperimentParticipants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExperimentParticipants_Actors_ActorId",
                        column: x => x.ActorId,
                        principalTable: "Actors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ExperimentParticipants_Experiments_ExperimentId",
                        column: x => x.ExperimentId,
                        principalTable: "Experiments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PodReflections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    CycleId = table.Column<Guid>(type: "uuid", nullable: false),
                    PodId = table.Column<Guid>(type: "uuid", nullable: false),
                    ExperimentId = table.Column<Guid>(type: "uuid", nullable: true),
                    WeekOf = table.Column<DateOnly>(type: "date", nullable: false),
                    DidDifferently = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    Learnt = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    EnabledLearning = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    WentWrong = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    AuthorId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    AuthorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PodReflections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PodReflections_Experiments_ExperimentId",
                        column: x => x.ExperimentId,
                        principalTable: "Experiments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_PodReflections_LearningPods_PodId",
                        column: x => x.PodId,
                        principalTable: "LearningPods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Countermeasures_AgreedByActorId",
                table: "Countermeasures",
                column: "AgreedByActorId");

            migrationBuilder.CreateIndex(
                name: "IX_Countermeasures_CycleId_Status",
                table: "Countermeasures",
                columns: new[] { "CycleId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Countermeasures_ExperimentId",
                table: "Countermeasures",
                column: "ExperimentId");

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_DeletedAt",
                table: "Evidence",
                column: "DeletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_ExperimentId_OccurredOn",
                table: "Evidence",
                columns: new[] { "ExperimentId", "OccurredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_StoredName",
                table: "Evidence",
                column: "StoredName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExperimentActions_ActorId",
                table: "ExperimentActions",
                column: "ActorId");

            migrationBuilder.CreateIndex(
                name: "IX_ExperimentActions_ExperimentId_Position",
                table: "ExperimentActions",
                columns: new[] { "ExperimentId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_ExperimentActions_FactorId",
                table: "ExperimentActions",
                column: "FactorId");

            migrationBuilder.CreateIndex(
                name: "IX_ExperimentComments_ExperimentId_CreatedAt",
                table: "ExperimentComments",
                columns: new[] { "ExperimentId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ExperimentParticipants_ActorId",
                table: "ExperimentParticipants",
                column: "ActorId");

            migrationBuilder.CreateIndex(
                name: "IX_ExperimentParticipants_ExperimentId",
                table: "ExperimentParticipants",
                column: "ExperimentId");

            migrationBuilder.CreateIndex(
                name: "IX_Experiments_CycleId_State",
                table: "Experiments",
                columns: new[] { "CycleId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Experiments_NetworkId_State",
                table: "Experiments",
                columns: new[] { "NetworkId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Experiments_ParentId",
                table: "Experiments",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_LearningPods_CycleId",
                table: "LearningPods",
                column: "CycleId");

            migrationBuilder.CreateIndex(
                name: "IX_PodReflections_ExperimentId",
                table: "PodReflections",
                column: "ExperimentId");

            migrationBuilder.CreateIndex(
                name: "IX_PodReflections_PodId_WeekOf",
                table: "PodReflections",
                columns: new[] { "PodId", "WeekOf" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Countermeasures");

            migrationBuilder.DropTable(
                name: "Evidence");

            migrationBuilder.DropTable(
                name: "ExperimentActions");

            migrationBuilder.DropTable(
                name: "ExperimentComments");

            migrationBuilder.DropTable(
                name: "ExperimentParticipants");

            migrationBuilder.DropTable(
                name: "PodReflections");

            migrationBuilder.DropTable(
                name: "Experiments");

            migrationBuilder.DropTable(
                name: "LearningPods");
        }
    }
}
