using LearningStack.Web.Data;
using LearningStack.Web.Features.People;
using LearningStack.Web.Features.Understanding;

namespace LearningStack.Web.Features.Patterns;

/// <summary>Enough of the Gateshead caseload for the place partnership's Patterns page to show something real: the network's
/// task list, tags on what matters and tasks on the caseworker's visits (Pat's included), and five more people (initials only,
/// no accounts) who agreed to be counted, each with a small life map — so groups reach five and are not suppressed.</summary>
public static class PatternsDemo
{
    public static void Gateshead(AppDbContext db, Guid networkId, Guid personCycleId, DateTimeOffset now, (string Id, string Name) caseworker)
    {
        var tasks = TaskComplexity.Suggested.ToDictionary(s => s.Name, s => new CaseTaskType
        {
            NetworkId = networkId, Name = s.Name, NormalisedName = LifeThemes.Normalise(s.Name)!, Complexity = s.Complexity, CreatedAt = now.AddDays(-80),
            ComplexityNote = s.Complexity >= 4 ? "Needs training few of us have" : null,
        });
        db.CaseTaskTypes.AddRange(tasks.Values);

        // Pat's and D. M.'s entries, added by the people demo in the same save.
        foreach (var statement in db.ChangeTracker.Entries<CaseStatement>().Select(e => e.Entity).Where(s => s.Kind == StatementKind.WhatMatters))
        {
            statement.Tags = statement.Text.Contains("bus", StringComparison.OrdinalIgnoreCase) ? ["family", "money"]
                : statement.Text.Contains("warm", StringComparison.OrdinalIgnoreCase) ? ["warm home", "money"]
                : ["work"];
        }
        foreach (var note in db.ChangeTracker.Entries<CaseNote>().Select(e => e.Entity).Where(n => n.Kind is NoteKind.Visit or NoteKind.Call).ToList())
        {
            var done = note.WhatHappened.Contains("grocery", StringComparison.OrdinalIgnoreCase) ? new[] { "Go shopping together", "Open and sort letters together" }
                : note.WhatHappened.Contains("claim", StringComparison.OrdinalIgnoreCase) ? ["Sort a benefits claim"]
                : note.WhatHappened.Contains("heater", StringComparison.OrdinalIgnoreCase) ? ["Drive a van (move furniture, a food parcel)"]
                : ["Open and sort letters together"];
            db.CaseNoteTasks.AddRange(done.Select(d => new CaseNoteTask { NetworkId = networkId, CaseFileId = note.CaseFileId, CaseNoteId = note.Id, TaskTypeId = tasks[d].Id }));
        }

        var people = new (string Initials, AgeBand Age, GenderGroup Gender, string[] Tags, string[] Tasks)[]
        {
            ("A. B.", AgeBand.From25To34, GenderGroup.Woman, ["money", "warm home"], ["Sort a benefits claim", "Drive a van (move furniture, a food parcel)", "Open and sort letters together"]),
            ("C. K.", AgeBand.From35To49, GenderGroup.Woman, ["money", "family"], ["Sort a benefits claim", "Negotiate with a creditor", "Go shopping together"]),
            ("J. R.", AgeBand.From50To64, GenderGroup.Man, ["money", "warm home", "getting out"], ["Arrange a repair with the landlord", "Open and sort letters together", "Go shopping together"]),
            ("L. T.", AgeBand.From25To34, GenderGroup.Woman, ["money", "family", "work"], ["Sort a benefits claim", "Open and sort letters together", "Support at a tribunal or appeal"]),
            ("M. O.", AgeBand.From65, GenderGroup.Woman, ["money", "warm home"], ["Drive a van (move furniture, a food parcel)", "Open and sort letters together", "Go shopping together", "Sort a benefits claim"]),
        };
        for (var i = 0; i < people.Length; i++)
        {
            var (initials, age, gender, tags, done) = people[i];
            var at = now.AddDays(-18 + i);
            var file = new CaseFile { NetworkId = networkId, CycleId = personCycleId, Reference = CaseFile.NewReference(), DisplayName = initials, CreatedAt = at, UpdatedAt = at, Counted = true, AgeBand = age, Gender = gender };
            file.Practitioners.Add(new CasePractitioner { NetworkId = networkId, CaseFileId = file.Id, UserId = caseworker.Id, AddedAt = at });
            db.CaseFiles.Add(file);
            db.CaseConsents.Add(new CaseConsent
            {
                NetworkId = networkId, CaseFileId = file.Id, Purpose = ConsentPurpose.Aggregates, Given = true, How = "In person at the first visit",
                RecordedAt = at, RecordedByUserId = caseworker.Id, RecordedByName = caseworker.Name,
            });
            db.CaseStatements.Add(new CaseStatement
            {
                NetworkId = networkId, CaseFileId = file.Id, Kind = StatementKind.WhatMatters, Text = "Written with the person at the first visit.", Tags = [.. tags],
                SaidOn = DateOnly.FromDateTime(at.UtcDateTime), WrittenBy = StatementAuthor.Practitioner, AuthorName = caseworker.Name, CreatedAt = at, UpdatedAt = at,
            });
            var visit = new CaseNote
            {
                NetworkId = networkId, CaseFileId = file.Id, Kind = NoteKind.Visit, OccurredOn = DateOnly.FromDateTime(at.UtcDateTime), Who = $"{caseworker.Name} and {initials}",
                WhatHappened = "First visit at home.", AuthorUserId = caseworker.Id, AuthorName = caseworker.Name, CreatedAt = at, UpdatedAt = at,
            };
            db.CaseNotes.Add(visit);
            db.CaseNoteTasks.AddRange(done.Select(d => new CaseNoteTask { NetworkId = networkId, CaseFileId = file.Id, CaseNoteId = visit.Id, TaskTypeId = tasks[d].Id }));
            var income = new LifeMapElement { NetworkId = networkId, CaseFileId = file.Id, Kind = LifeMapElementKind.Factor, Name = "Money coming in", Theme = "income", Effect = LifeEffect.GettingInTheWay, Closeness = 1, CreatedAt = at };
            var housing = new LifeMapElement { NetworkId = networkId, CaseFileId = file.Id, Kind = LifeMapElementKind.Factor, Name = "The flat", Theme = "housing", Effect = LifeEffect.Both, Closeness = 1, CreatedAt = at };
            var health = new LifeMapElement { NetworkId = networkId, CaseFileId = file.Id, Kind = LifeMapElementKind.Factor, Name = "How I feel", Theme = "health", Effect = LifeEffect.NotSure, Closeness = 2, CreatedAt = at };
            var benefits = new LifeMapElement { NetworkId = networkId, CaseFileId = file.Id, Kind = LifeMapElementKind.Organisation, Name = "Benefits agency", Theme = "benefits", Effect = LifeEffect.Both, Closeness = 2, CreatedAt = at };
            db.LifeMapElements.AddRange(income, housing, health, benefits);
            db.LifeMapLinks.AddRange(
                new LifeMapLink { NetworkId = networkId, CaseFileId = file.Id, FromId = benefits.Id, ToId = income.Id, Polarity = LinkPolarity.Same, CreatedAt = at },
                new LifeMapLink { NetworkId = networkId, CaseFileId = file.Id, FromId = income.Id, ToId = housing.Id, Polarity = LinkPolarity.Same, CreatedAt = at },
                new LifeMapLink { NetworkId = networkId, CaseFileId = file.Id, FromId = housing.Id, ToId = health.Id, Polarity = LinkPolarity.Same, CreatedAt = at },
                new LifeMapLink { NetworkId = networkId, CaseFileId = file.Id, FromId = health.Id, ToId = income.Id, Polarity = LinkPolarity.Same, CreatedAt = at });
        }
    }
}
