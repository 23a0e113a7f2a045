using System.Globalization;
using LearningStack.Web.Data;
using LearningStack.Web.Features.Issues;
using LearningStack.Web.Features.Networks;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Web.Features.People;

/// <summary>Person-shaped measures: the dimensions that matter to one person, readings over time, the network's template library,
/// and CSV export and import of readings so they can travel to and from licensed tools.</summary>
public sealed class MeasureCommands(AppDbContext db, CaseAccess access, NetworkAccess network, TimeProvider clock)
{
    /// <summary>The documented columns of the readings CSV, in order.</summary>
    public static readonly string[] Columns = ["date", "dimension", "value", "rated_by", "practitioner_value", "note", "scale_low", "scale_high", "low_label", "high_label"];

    public const int MaxImportRows = 5000;
    public const int MaxScale = 100;

    // ----- templates -----

    public async Task<Outcome<IReadOnlyList<TemplateView>>> TemplatesAsync(Guid networkId, CancellationToken ct = default)
    {
        if (await network.RequireAsync(networkId, NetworkRole.Observer, ct) is { } denied)
        {
            return denied;
        }
        return await TemplateListAsync(networkId, ct);
    }

    private async Task<List<TemplateView>> TemplateListAsync(Guid networkId, CancellationToken ct) =>
        (await db.MeasureTemplates.AsNoTracking().Where(t => t.NetworkId == networkId)
            .Select(t => new TemplateView(t.Id, t.Name, t.Description, t.Low, t.High, t.LowLabel, t.HighLabel, t.Version)).ToListAsync(ct))
        .OrderBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase).ToList();

    public async Task<Outcome<TemplateView>> AddTemplateAsync(Guid networkId, DimensionInput input, CancellationToken ct = default)
    {
        if (await network.RequireAsync(networkId, NetworkRole.Steward, ct) is { } denied)
        {
            return denied;
        }
        if (Check(input, null) is { } invalid)
        {
            return invalid;
        }
        var template = new MeasureTemplate
        {
            NetworkId = networkId,
            Name = input.Name!.Trim(),
            Description = Clean(input.Description),
            Low = input.Low ?? 1,
            High = input.High ?? 10,
            LowLabel = input.LowLabel!.Trim(),
            HighLabel = input.HighLabel!.Trim(),
            CreatedAt = clock.GetUtcNow(),
        };
        db.MeasureTemplates.Add(template);
        await db.SaveChangesAsync(ct);
        return new TemplateView(template.Id, template.Name, template.Description, template.Low, template.High, template.LowLabel, template.HighLabel, template.Version);
    }

    // ----- a person's dimensions and readings -----

    /// <summary>The dimensions and every reading, logged as a read of <paramref name="what"/>; null only for a page that has already
    /// logged this view (it opened the file with <see cref="CaseCommands.GetAsync"/> first).</summary>
    public async Task<Outcome<MeasureBoard>> BoardAsync(Guid caseId, string? what, CancellationToken ct = default)
    {
        var (scope, denied) = what is null ? await access.ResolveAsync(caseId, ct) : await access.ReadAsync(caseId, what, ct);
        return scope is null ? denied! : await BoardOfAsync(scope, ct);
    }

    private async Task<MeasureBoard> BoardOfAsync(CaseScope scope, CancellationToken ct)
    {
        var dimensions = await db.PersonMeasures.AsNoTracking().Where(m => m.CaseFileId == scope.CaseId)
            .OrderBy(m => m.Position).ThenBy(m => m.CreatedAt)
            .Select(m => new DimensionView(m.Id, m.Name, m.Low, m.High, m.LowLabel, m.HighLabel, m.RetiredAt != null, m.TemplateId, m.Version))
            .ToListAsync(ct);
        var readings = await db.MeasureReadings.AsNoTracking().Where(r => r.CaseFileId == scope.CaseId)
            .OrderBy(r => r.On).ThenBy(r => r.RecordedAt)
            .Select(r => new ReadingView(r.Id, r.MeasureId, r.On, r.Value, r.RatedBy, r.PractitionerValue, r.Note, r.RecordedByName))
            .ToListAsync(ct);
        var templates = scope.CanAddOwnWords ? await TemplateListAsync(scope.NetworkId, ct) : [];
        return new MeasureBoard(scope.CaseId, scope.Reference, scope.Relation, scope.CanAddOwnWords, dimensions, readings, templates);
    }

    public async Task<Outcome<DimensionView>> AddDimensionAsync(Guid caseId, DimensionInput input, CancellationToken ct = default)
    {
        var (scope, denied) = await access.WriteAsync(caseId, CaseWrite.PersonsOwn, ct);
        if (scope is null)
        {
            return denied!;
        }
        MeasureTemplate? template = null;
        if (input.TemplateId is { } templateId)
        {
            template = await db.MeasureTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == templateId && t.NetworkId == scope.NetworkId, ct);
            if (template is null)
            {
                return Failure.Invalid("templateId", "That template is not in this network's library.");
            }
            input.Name = Clean(input.Name) ?? template.Name;
            input.Low ??= template.Low;
            input.High ??= template.High;
            input.LowLabel = Clean(input.LowLabel) ?? template.LowLabel;
            input.HighLabel = Clean(input.HighLabel) ?? template.HighLabel;
        }
        if (Check(input, null) is { } invalid)
        {
            return invalid;
        }
        var name = input.Name!.Trim();
        var lower = name.ToLowerInvariant();
#pragma warning disable CA1862 // translated to SQL: lower() on both providers
        if (await db.PersonMeasures.AnyAsync(m => m.CaseFileId == caseId && m.RetiredAt == null && m.Name.ToLower() == lower, ct))
#pragma warning restore CA1862
        {
            return Failure.Invalid("name", $"This person already has a dimension called \"{name}\".");
        }
        var position = await db.PersonMeasures.Where(m => m.CaseFileId == caseId).MaxAsync(m => (int?)m.Position, ct) ?? -1;
        var measure = new PersonMeasure
        {
            NetworkId = scope.NetworkId,
            CaseFileId = caseId,
            TemplateId = template?.Id,
            Name = name,
            Low = input.Low ?? 1,
            High = input.High ?? 10,
            LowLabel = input.LowLabel!.Trim(),
            HighLabel = input.HighLabel!.Trim(),
            Position = position + 1,
            CreatedAt = clock.GetUtcNow(),
        };
        db.PersonMeasures.Add(measure);
        await db.SaveChangesAsync(ct);
        return DimensionOf(measure);
    }

    public async Task<Outcome<DimensionView>> UpdateDimensionAsync(Guid measureId, DimensionInput input, CancellationToken ct = default)
    {
        var measure = await db.PersonMeasures.FirstOrDefaultAsync(m => m.Id == measureId, ct);
        if (measure is null)
        {
            return Failure.NotFound;
        }
        var (scope, denied) = await access.WriteAsync(measure.CaseFileId, CaseWrite.PersonsOwn, ct);
        if (scope is null)
        {
            return denied!;
        }
        input.Name ??= measure.Name;
        input.LowLabel ??= measure.LowLabel;
        input.HighLabel ??= measure.HighLabel;
        input.Low ??= measure.Low;
        input.High ??= measure.High;
        if (Check(input, measure) is { } invalid)
        {
            return invalid;
        }
        if (Concurrency.Check(db, measure, input.Version) is { } stale)
        {
            return stale;
        }
        var readings = await db.MeasureReadings.Where(r => r.MeasureId == measureId).Select(r => new { r.Value, r.PractitionerValue }).ToListAsync(ct);
        if (readings.Any(r => r.Value < input.Low || r.Value > input.High || r.PractitionerValue < input.Low || r.PractitionerValue > input.High))
        {
            return Failure.Invalid("low", "Some readings fall outside the new scale. Keep the scale wide enough for the readings already taken.");
        }
        measure.Name = input.Name.Trim();
        measure.LowLabel = input.LowLabel.Trim();
        measure.HighLabel = input.HighLabel.Trim();
        measure.Low = input.Low.Value;
        measure.High = input.High.Value;
        if (input.Retired is { } retired)
        {
            measure.RetiredAt = retired ? measure.RetiredAt ?? clock.GetUtcNow() : null;
        }
        if (await Concurrency.TrySaveAsync(db, ct) is { } conflict)
        {
            return conflict;
        }
        return DimensionOf(measure);
    }

    /// <summary>Records readings of one day. Values must lie on each dimension's scale; a practitioner's different view needs a note.</summary>
    public async Task<Outcome<MeasureBoard>> RateAsync(Guid caseId, ReadingsInput input, CancellationToken ct = default)
    {
        var (scope, denied) = await access.WriteAsync(caseId, CaseWrite.PersonsOwn, ct);
        if (scope is null)
        {
            return denied!;
        }
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var on = input.On ?? today;
        var ratedBy = scope.Relation == CaseRelation.Person ? Rater.Person : input.RatedBy ?? Rater.Together;
        var dimensions = await db.PersonMeasures.AsNoTracking().Where(m => m.CaseFileId == caseId).ToDictionaryAsync(m => m.Id, ct);
        var errors = new Dictionary<string, string[]>();
        if (on > today)
        {
            errors["on"] = ["Readings cannot be dated in the future."];
        }
        var given = input.Readings!.Where(r => r.Value is not null || r.PractitionerValue is not null || !string.IsNullOrWhiteSpace(r.Note)).ToList();
        if (given.Count == 0)
        {
            errors["readings"] = ["Give a reading for at least one dimension."];
        }
        foreach (var (reading, i) in input.Readings!.Select((r, i) => (r, i)))
        {
            if (!given.Contains(reading))
            {
                continue;
            }
            if (!dimensions.TryGetValue(reading.MeasureId, out var d))
            {
                errors[$"readings[{i}].measureId"] = ["That dimension is not one of this person's."];
                continue;
            }
            if (reading.Value is not { } value || value < d.Low || value > d.High)
            {
                errors[$"readings[{i}].value"] = [$"Give \"{d.Name}\" a value from {d.Low} ({d.LowLabel}) to {d.High} ({d.HighLabel})."];
            }
            if (reading.PractitionerValue is { } pv)
            {
                if (ratedBy != Rater.Together)
                {
                    errors[$"readings[{i}].practitionerValue"] = ["A second view is only recorded when rating together."];
                }
                else if (pv < d.Low || pv > d.High)
                {
                    errors[$"readings[{i}].practitionerValue"] = [$"The practitioner's view of \"{d.Name}\" must also lie from {d.Low} to {d.High}."];
                }
                else if (pv != reading.Value && string.IsNullOrWhiteSpace(reading.Note))
                {
                    errors[$"readings[{i}].note"] = [$"You see \"{d.Name}\" differently: add a note on why, so the difference is understood later."];
                }
            }
            if (reading.Note?.Length > CaseLimits.Statement)
            {
                errors[$"readings[{i}].note"] = ["A note can be at most 4,000 characters."];
            }
        }
        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }
        var now = clock.GetUtcNow();
        foreach (var reading in given)
        {
            db.MeasureReadings.Add(new MeasureReading
            {
                NetworkId = scope.NetworkId,
                CaseFileId = caseId,
                MeasureId = reading.MeasureId,
                On = on,
                Value = reading.Value!.Value,
                RatedBy = ratedBy,
                PractitionerValue = reading.PractitionerValue == reading.Value ? null : reading.PractitionerValue,
                Note = Clean(reading.Note),
                RecordedByUserId = access.UserId,
                RecordedByName = access.UserName,
                RecordedAt = now,
            });
        }
        await db.SaveChangesAsync(ct);
        return await BoardOfAsync(scope, ct);
    }

    // ----- CSV -----

    /// <summary>Every reading as CSV with the documented columns (logged as an export of the file).</summary>
    public async Task<Outcome<(byte[] Content, string FileName)>> ExportAsync(Guid caseId, CancellationToken ct = default)
    {
        var (scope, denied) = await access.ReadAsync(caseId, "Export: measures (CSV)", ct);
        if (scope is null)
        {
            return denied!;
        }
        var board = await BoardOfAsync(scope, ct);
        var dimensions = board.Dimensions.ToDictionary(d => d.Id);
        var rows = board.Readings.Select(r =>
        {
            var d = dimensions[r.MeasureId];
            return new string?[]
            {
                r.On.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.Name, r.Value.ToString(CultureInfo.InvariantCulture),
                r.RatedBy.ToString().ToLowerInvariant(), r.PractitionerValue?.ToString(CultureInfo.InvariantCulture), r.Note,
                d.Low.ToString(CultureInfo.InvariantCulture), d.High.ToString(CultureInfo.InvariantCulture), d.LowLabel, d.HighLabel,
            };
        });
        return (IssueSheet.WriteCsv(Columns, rows), $"measures-{scope.Reference}.csv");
    }

    /// <summary>Imports readings from CSV, all or nothing. A dimension named in the file that the person does not have yet is added
    /// (with the file's scale and words, or 1–10 "low"/"high"). Problems are reported by row and column.</summary>
    public async Task<Outcome<ReadingImportResult>> ImportAsync(Guid caseId, byte[] bytes, CancellationToken ct = default)
    {
        var (scope, denied) = await access.WriteAsync(caseId, CaseWrite.PersonsOwn, ct);
        if (scope is null)
        {
            return denied!;
        }
        if (bytes.Length == 0)
        {
            return Failure.Invalid("file", "Choose a CSV file of readings to import.");
        }
        SheetTable table;
        try
        {
            table = IssueSheet.ReadCsv(bytes);
        }
        catch (InvalidDataException e)
        {
            return Failure.Invalid("file", $"The file is not a readable CSV file: {e.Message}.");
        }
        var index = Columns.ToDictionary(c => c, c => table.Header.ToList().FindIndex(h => string.Equals(h, c, StringComparison.OrdinalIgnoreCase)));
        var missing = new[] { "date", "dimension", "value" }.Where(c => index[c] < 0).ToList();
        if (missing.Count > 0)
        {
            return Failure.Invalid("file", $"The header row needs the columns {string.Join(", ", missing)} (see the documented columns: {string.Join(", ", Columns)}).");
        }
        if (table.Rows.Count > MaxImportRows)
        {
            return Failure.Invalid("file", $"Import at most {MaxImportRows:N0} readings at a time.");
        }
        var existing = await db.PersonMeasures.Where(m => m.CaseFileId == caseId).ToListAsync(ct);
        var byName = existing.GroupBy(m => m.Name.ToUpperInvariant()).ToDictionary(g => g.Key, g => g.OrderBy(m => m.RetiredAt != null).First());
        var problems = new List<string>();
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var added = new List<PersonMeasure>();
        var readings = new List<MeasureReading>();
        var position = existing.Select(m => m.Position).DefaultIfEmpty(-1).Max();
        foreach (var row in table.Rows)
        {
            string? Cell(string column) => index[column] is var i and >= 0 && i < row.Cells.Count ? row.Cells[i]?.Trim() is { Length: > 0 } v ? v : null : null;
            void Problem(string column, string message) => problems.Add($"Row {row.Number}, column {column}: {message}");
            int? Number(string column)
            {
                var text = Cell(column);
                if (text is null)
                {
                    return null;
                }
                if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
                {
                    return n;
                }
                Problem(column, $"\"{text}\" is not a whole number.");
                return null;
            }
            var before = problems.Count;
            var dateText = Cell("date");
            DateOnly on = default;
            if (dateText is null || !DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out on))
            {
                Problem("date", "give the day as YYYY-MM-DD, for example 2026-03-14.");
            }
            else if (on > today)
            {
                Problem("date", "readings cannot be dated in the future.");
            }
            var name = Cell("dimension");
            if (name is null)
            {
                Problem("dimension", "name the dimension.");
            }
            else if (name.Length > Limits.Name)
            {
                Problem("dimension", "the name can be at most 200 characters.");
            }
            var value = Number("value");
            var practitionerValue = Number("practitioner_value");
            var low = Number("scale_low");
            var high = Number("scale_high");
            Rater ratedBy = Rater.Together;
            if (Cell("rated_by") is { } rater && !Enum.TryParse(rater, ignoreCase: true, out ratedBy))
            {
                Problem("rated_by", "use person, practitioner or together.");
            }
            var note = Cell("note");
            if (note?.Length > CaseLimits.Statement)
            {
                Problem("note", "a note can be at most 4,000 characters.");
            }
            if (problems.Count > before || name is null)
            {
                continue;
            }
            if (!byName.TryGetValue(name.ToUpperInvariant(), out var measure))
            {
                var (l, h) = (low ?? 1, high ?? 10);
                if (l >= h || l < 0 || h > MaxScale)
                {
                    Problem("scale_low", $"the scale of a new dimension must run from a low number up to at most {MaxScale}.");
                    continue;
                }
                measure = new PersonMeasure
                {
                    NetworkId = scope.NetworkId, CaseFileId = caseId, Name = name, Low = l, High = h,
                    LowLabel = Cell("low_label") ?? "low", HighLabel = Cell("high_label") ?? "high", Position = ++position, CreatedAt = now,
                };
                byName[name.ToUpperInvariant()] = measure;
                added.Add(measure);
            }
            if (value is not { } v || v < measure.Low || v > measure.High)
            {
                Problem("value", $"give a value from {measure.Low} to {measure.High} for \"{measure.Name}\".");
                continue;
            }
            if (practitionerValue is { } pv && (pv < measure.Low || pv > measure.High))
            {
                Problem("practitioner_value", $"give a value from {measure.Low} to {measure.High}, or leave it empty.");
                continue;
            }
            readings.Add(new MeasureReading
            {
                NetworkId = scope.NetworkId, CaseFileId = caseId, MeasureId = measure.Id, On = on, Value = v, RatedBy = ratedBy,
                PractitionerValue = practitionerValue == v ? null : practitionerValue, Note = note,
                RecordedByUserId = access.UserId, RecordedByName = access.UserName, RecordedAt = now,
            });
        }
        if (problems.Count > 0)
        {
            return new Failure(OutcomeStatus.Invalid, new Dictionary<string, string[]> { ["file"] = [.. problems.Take(50)] },
                $"Nothing was imported: {problems.Count} problem{(problems.Count == 1 ? "" : "s")} to fix first. {string.Join(" ", problems.Take(3))}");
        }
        if (readings.Count == 0)
        {
            return Failure.Invalid("file", "The file has a header but no readings.");
        }
        db.PersonMeasures.AddRange(added);
        db.MeasureReadings.AddRange(readings);
        await db.SaveChangesAsync(ct);
        return new ReadingImportResult(readings.Count, added.Count);
    }

    private static Failure? Check(DimensionInput input, PersonMeasure? _)
    {
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            errors["name"] = ["Name what is being measured, in words that make sense to the person (for example \"feeling safe at home\")."];
        }
        if (string.IsNullOrWhiteSpace(input.LowLabel))
        {
            errors["lowLabel"] = ["Give words for the low end of the scale, for example \"stuck\"."];
        }
        if (string.IsNullOrWhiteSpace(input.HighLabel))
        {
            errors["highLabel"] = ["Give words for the high end of the scale, for example \"self-reliant\"."];
        }
        var (low, high) = (input.Low ?? 1, input.High ?? 10);
        if (low < 0 || high > MaxScale || high - low < 2)
        {
            errors["high"] = [$"The scale needs at least three points, from 0 or more up to at most {MaxScale} (1 to 10 is usual)."];
        }
        return errors.Count > 0 ? Failure.Invalid(errors) : null;
    }

    private static DimensionView DimensionOf(PersonMeasure m) =>
        new(m.Id, m.Name, m.Low, m.High, m.LowLabel, m.HighLabel, m.RetiredAt != null, m.TemplateId, m.Version);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

public static class MeasureEndpoints
{
    public static RouteGroupBuilder MapMeasures(this RouteGroupBuilder api)
    {
        var library = api.MapGroup("/networks/{networkId:guid}/measure-templates").WithTags("Person-shaped measures");
        library.MapGet("/", async (Guid networkId, MeasureCommands c, CancellationToken ct) => (await c.TemplatesAsync(networkId, ct)).ToHttpResult())
            .WithSummary("The network's library of dimensions to start from.");
        library.MapPost("/", async (Guid networkId, DimensionInput input, MeasureCommands c, CancellationToken ct) =>
                (await c.AddTemplateAsync(networkId, input, ct)).ToHttpResult(t => TypedResults.Created($"/api/networks/{networkId}/measure-templates/{t.Id}", t)))
            .WithSummary("Adds a dimension to the library (stewards): name, low and high (default 1 and 10), lowLabel and highLabel.");

        var file = api.MapGroup("/cases/{caseId:guid}").WithTags("Person-shaped measures");
        file.MapGet("/measures", async (Guid caseId, MeasureCommands c, CancellationToken ct) => (await c.BoardAsync(caseId, "API: measures", ct)).ToHttpResult())
            .WithSummary("The person's dimensions and every reading, oldest first. Logged in the access log.");
        file.MapPost("/measures", async (Guid caseId, DimensionInput input, MeasureCommands c, CancellationToken ct) =>
                (await c.AddDimensionAsync(caseId, input, ct)).ToHttpResult(d => TypedResults.Created($"/api/person-measures/{d.Id}", d)))
            .WithSummary("Adds a dimension that matters to this person: from a template (templateId) or their own (name, lowLabel, highLabel, low, high).");
        file.MapPost("/readings", async (Guid caseId, ReadingsInput input, MeasureCommands c, CancellationToken ct) => (await c.RateAsync(caseId, input, ct)).ToHttpResult())
            .WithSummary("Records readings of one day (on), ratedBy Person, Practitioner or Together; practitionerValue with a note where they see it differently.");
        file.MapGet("/readings/export", async (Guid caseId, MeasureCommands c, CancellationToken ct) =>
                (await c.ExportAsync(caseId, ct)).ToHttpResult(f => TypedResults.File(f.Content, "text/csv; charset=utf-8", f.FileName)))
            .WithSummary("Every reading as CSV with the columns date, dimension, value, rated_by, practitioner_value, note, scale_low, scale_high, low_label, high_label. Logged.");
        file.MapPost("/readings/import", async (Guid caseId, HttpRequest request, MeasureCommands c, CancellationToken ct) =>
            {
                var form = request.HasFormContentType ? await request.ReadFormAsync(ct) : null;
                var upload = form?.Files.GetFile("file");
                byte[] bytes = [];
                if (upload is not null && upload.Length <= 5 * 1024 * 1024)
                {
                    using var buffer = new MemoryStream();
                    await upload.CopyToAsync(buffer, ct);
                    bytes = buffer.ToArray();
                }
                else if (upload is not null)
                {
                    return TypedResults.Problem(statusCode: 413, title: "File too large", detail: "Import files can be at most 5 MB.");
                }
                return (await c.ImportAsync(caseId, bytes, ct)).ToHttpResult();
            })
            .DisableAntiforgery()
            .WithSummary("Imports readings from a CSV file (multipart field file, up to 5 MB and 5,000 rows) with the export's columns, all or nothing.");
        api.MapPut("/person-measures/{measureId:guid}", async (Guid measureId, DimensionInput input, MeasureCommands c, CancellationToken ct) =>
                (await c.UpdateDimensionAsync(measureId, input, ct)).ToHttpResult())
            .WithTags("Person-shaped measures").WithSummary("Renames a dimension, changes its words or scale, or retires it (retired true); send the version.");
        return api;
    }
}
