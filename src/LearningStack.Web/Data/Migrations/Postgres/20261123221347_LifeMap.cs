using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LearningStack.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LifeMap : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LifeMapElements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseFileId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Theme = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Effect = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Closeness = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    X = table.Column<double>(type: "double precision", nullable: true),
                    Y = table.Column<double>(type: "double precision", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LifeMapElements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LifeMapElements_CaseFiles_CaseFileId",
                        column: x => x.CaseFileId,
                        principalTable: "CaseFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LifeMapLinks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseFileId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromId = table.Column<Guid>(type: "uuid", nullable: false),
                    ToId = table.Column<Guid>(type: "uuid", nullable: false),
                    Polarity = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LifeMapLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LifeMapLinks_LifeMapElements_FromId",
                        column: x => x.FromId,
                        principalTable: "LifeMapElements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LifeMapLinks_LifeMapElements_ToId",
                        column: x => x.ToId,
                        principalTable: "LifeMapElements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LifeMapElements_CaseFileId",
                table: "LifeMapElements",
                column: "CaseFileId");

            migrationBuilder.CreateIndex(
                name: "IX_LifeMapElements_Theme",
                table: "LifeMapElements",
                column: "Theme");

            migrationBuilder.CreateIndex(
                name: "IX_LifeMapLinks_CaseFileId",
                table: "LifeMapLinks",
                column: "CaseFileId");

            migrationBuilder.CreateIndex(
                name: "IX_LifeMapLinks_FromId",
                table: "LifeMapLinks",
                column: "FromId");

            migrationBuilder.CreateIndex(
                name: "IX_LifeMapLinks_ToId",
                table: "LifeMapLinks",
                column: "ToId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LifeMapLinks");

            migrationBuilder.DropTable(
                name: "LifeMapElements");
        }
    }
}
