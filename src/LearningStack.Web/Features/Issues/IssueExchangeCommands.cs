using LearningStack.Web.Data;
using LearningStack.Web.Features.Networks;
using LearningStack.Web.Features.Understanding;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Web.Features.Issues;

public sealed record IssueExportFile(byte[] Content, string ContentType, string FileName);

/// <summary>What an import did: issues added and changed (by number), and how many rows matched an issue exactly.</summary>
public sealed record IssueImportReport(string Format, int Added, int Changed, int Unchanged, IReadOnlyList<int> AddedNumbers, IReadOnlyList<int> ChangedNumbers,
    IReadOnlyList<string> IgnoredColumns)
{
    public string Text => $"{Added} added, {Changed} changed, {Unchanged} unchanged";
}

/// <summary>The issue log out to CSV/XLSX and back in, all or nothing.</summary>
public sealed class IssueExchangeCommands(AppDbContext db, MapScope scope, IssueCommands issues, CurrentUser currentUser, TimeProvider clock)
{
    public const long MaxImportBytes = 5 * 1024 * 1024;
    public const string StatusReasonOfImport = "Changed by import";

    public async Task<Outcome<IssueExportFile>> ExportAsync(Guid cycleId, string? format, CancellationToken ct = default)
    {
        var kind = (format ?? "csv").Trim().ToLowerInvariant();
        if (kind is not ("csv" or "xlsx"))
        {
            return Failure.Invalid("format", "Choose format csv or xlsx.");
        }
        var (cycle, denied) = await scope.ForCycleAsync(cycleId, NetworkRole.Observer, ct);
        if (cycle is null)
        {
            return denied!;
        }
        var rows = await db.Issues.AsNoTracking().Where(i => i.CycleId == cycleId).OrderBy(i => i.Number).Select(IssueCommands.View).ToListAsync(ct);
        var name = $"issue-log-{IssueText.Slug(cycle.CycleName)}-{clock.GetLocalNow():yyyy-MM-dd}.{kind}";
        return kind == "csv"
            ? new IssueExportFile(IssueSheet.WriteCsv(rows), "text/csv; charset=utf-8", name)
            : new IssueExportFile(IssueSheet.WriteXlsx(rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }

    /// <summary>Reads a CSV or XLSX file with the template's columns and applies it to the cycle's log, all or nothing: a row whose "#"
    /// is an issue of this cycle updates it (a changed status closes or reopens it, with the reason "Changed by import"); a row without
    /// "#" adds an issue. Any problem in any row, and nothing is saved.</summary>
    public async Task<Outcome<IssueImportReport>> ImportAsync(Guid cycleId, Stream file, string fileName, CancellationToken ct = default)
    {
        var (cycle, denied) = await scope.ForCycleAsync(cycleId, NetworkRole.Member, ct);
        if (cycle is null)
        {
            return denied!;
        }
        using var buffer = new MemoryStream();
        if (!await CopyLimitedAsync(file, buffer, ct))
        {
            return Failure.Invalid("file", $"The file is larger than {MaxImportBytes / (1024 * 1024)} MB. Split it into smaller files.");
        }
        if (buffer.Length == 0)
        {
            return Failure.Invalid("file", "Choose a CSV or XLSX file to import (sent as multipart form data in a field named file).");
        }
        var bytes = buffer.ToArray();
        var isZip = bytes.Length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        string format;
        SheetTable table;
        try
        {
            if (isZip && extension is "" or ".xlsx" or ".xlsm")
            {
                format = "XLSX";
                table = IssueSheet.ReadXlsx(bytes);
            }
            else if (!isZip && extension is "" or ".csv" or ".txt" && !bytes.AsSpan(0, Math.Min(bytes.Length, 8192)).Contains((byte)0))
            {
                format = "CSV";
                table = IssueSheet.ReadCsv(bytes);
            }
            else
            {
                return Failure.Invalid("file", "This is not a CSV or XLSX file. Export the issue log (CSV or XLSX), change it, and import that file.");
            }
        }
        catch (Exception e) when (e is InvalidDataException or System.Xml.XmlException or IOException)
        {
            return Failure.Invalid("file", $"The file could not be read as {(isZip ? "an XLSX workbook" : "CSV")} ({e.Message}). Save it again as .xlsx or .csv and retry.");
        }

        var existing = await db.Issues.Where(i => i.CycleId == cycleId).ToDictionaryAsync(i => i.Number, ct);
        var (rows, problems, ignored) = IssueImportRules.Parse(table, existing.Keys.ToHashSet());
        if (problems.Count > 0)
        {
            var ordered = problems.OrderBy(p => p.Row ?? 0).ToList();
            var errors = ordered
                .GroupBy(p => p.Row is { } r ? $"rows[{r}]{(p.Column is { } c ? "." + c : "")}" : "file")
                .ToDictionary(g => g.Key, g => g.Select(p => p.ToString()).ToArray());
            return new Failure(OutcomeStatus.Invalid, errors,
                $"Nothing was imported: {ordered.Count} {(ordered.Count == 1 ? "problem" : "problems")} to fix in the file.");
        }

        var now = clock.GetUtcNow();
        var added = new List<Issue>();
        var changedNumbers = new List<int>();
        var unchanged = 0;
        foreach (var row in rows)
        {
            if (row.Number is { } number)
            {
                var issue = existing[number];
                if (Apply(issue, row, now))
                {
                    changedNumbers.Add(number);
                }
                else
                {
                    unchanged++;
                }
                continue;
            }
            var created = new Issue
            {
                Description = row.Description, NetworkId = cycle.NetworkId, CycleId = cycleId, Level = row.Level, Owner = row.Owner,
                Status = row.Status ?? IssueStatus.Open, CountermeasureNow = row.CountermeasureNow, SystemChange = row.SystemChange, Tags = [.. row.Tags],
                Source = IssueSource.Direct, SourceLabel = "Imported from a file", RaisedByUserId = currentUser.UserId, CreatedAt = now, UpdatedAt = now,
            };
            if (created.Status == IssueStatus.Closed)
            {
                (created.ClosedAt, created.StatusReason) = (now, StatusReasonOfImport);
            }
            db.Issues.Add(created);
            added.Add(created);
        }
        await issues.SaveNumberedAsync(cycleId, added, ct);
        return new IssueImportReport(format, added.Count, changedNumbers.Count, unchanged, added.Select(i => i.Number).ToList(), changedNumbers, ignored);
    }

    /// <summary>Copies a row onto an issue; true when anything changed.</summary>
    private static bool Apply(Issue issue, ImportedIssue row, DateTimeOffset now)
    {
        var changed = false;
        if (issue.Description != row.Description)
        {
            (issue.Description, changed) = (row.Description, true);
        }
        if (issue.Level != row.Level)
        {
            (issue.Level, changed) = (row.Level, true);
        }
        if (issue.Owner != row.Owner)
        {
            (issue.Owner, changed) = (row.Owner, true);
        }
        if (issue.CountermeasureNow != row.CountermeasureNow)
        {
            (issue.CountermeasureNow, changed) = (row.CountermeasureNow, true);
        }
        if (issue.SystemChange != row.SystemChange)
        {
            (issue.SystemChange, changed) = (row.SystemChange, true);
        }
        if (!issue.Tags.SequenceEqual(row.Tags, StringComparer.Ordinal))
        {
            (issue.Tags, changed) = ([.. row.Tags], true);
        }
        if (row.Status is { } status && status != issue.Status)
        {
            IssueCommands.SetStatus(issue, status, StatusReasonOfImport, now);
            changed = true;
        }
        if (changed)
        {
            issue.UpdatedAt = now;
        }
        return changed;
    }

    private static async Task<bool> CopyLimitedAsync(Stream input, MemoryStream output, CancellationToken ct)
    {
        var chunk = new byte[81920];
        int read;
        while ((read = await input.ReadAsync(chunk, ct)) > 0)
        {
            if (output.Length + read > MaxImportBytes)
            {
                return false;
            }
            output.Write(chunk, 0, read);
        }
        return true;
    }
}
