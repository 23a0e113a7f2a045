using LearningStack.Web.Data;

namespace LearningStack.Web.Features.People;

/// <summary>The Gateshead person-scale cycle's case files: Pat, who has accepted the invitation to her own file (the demo
/// resident account), with her measures and her life as a system, and D. M., whose file only the caseworker sees. Plus the network's
/// library of dimensions, in our words. The grocery probe is linked to Pat's file, with one note about her kept in it.</summary>
public static class PeopleDemo
{
    public static void Gateshead(AppDbContext db, Guid networkId, Guid personCycleId, DateTimeOffset now, (string Id, string Name) caseworker, string residentUserId)
    {
        var library = new (string Name, string Low, string High)[]
        {
            ("Money day to day", "can't cover the basics", "on top of it"),
            ("A home that feels safe", "not safe at all", "safe and settled"),
            ("People I can call on", "on my own", "plenty of people"),
            ("Getting out and about", "stuck indoors", "out most days"),
            ("Feeling well in myself", "very low", "well"),
            ("Doing things I enjoy", "nothing", "often"),
        };
        var templates = library.Select(t => new MeasureTemplate { NetworkId = networkId, Name = t.Name, LowLabel = t.Low, HighLabel = t.High, CreatedAt = now.AddDays(-80) }).ToList();
        db.MeasureTemplates.AddRange(templates);

        var pat = File(db, networkId, personCycleId, now.AddDays(-45), "Pat", "Flat 3, 12 Elm Street · 07700 900123", caseworker);
        pat.PersonUserId = residentUserId;
        Say(db, pat, StatementKind.WhatMatters, -45, "Seeing my grandchildren on Sundays without worrying about the bus fare.", StatementAuthor.Practitioner, caseworker.Name, now);
        Say(db, pat, StatementKind.WhatMatters, -12, "Keeping the flat warm this winter without dreading the bill.", StatementAuthor.Person, "Pat", now);
        Say(db, pat, StatementKind.Strength, -45, "Knows everyone on the street; neighbours look out for her.", StatementAuthor.Practitioner, caseworker.Name, now);
        Say(db, pat, StatementKind.Strength, -30, "Good with numbers once the letters stop piling up.", StatementAuthor.Practitioner, caseworker.Name, now);
        Note(db, pat, NoteKind.Visit, -45, "Sam and Pat at home", "First visit. The fridge was empty; we went grocery shopping together before talking about anything else. On the way back Pat mentioned a benefit letter she had not opened.", "Open the letters together next week.", false, caseworker, now);
        Note(db, pat, NoteKind.Call, -30, "Sam and the benefits agency, Pat on speaker", "Her claim had been closed by mistake. Reopened on the call; back payment due in two weeks.", "Check the payment arrived.", false, caseworker, now);
        Note(db, pat, NoteKind.Note, -29, null, "Pat's son sometimes takes her bank card. She does not want anything done about it now; she asked me to keep it in mind.", "Ask again gently at the next visit.", true, caseworker, now);
        Note(db, pat, NoteKind.Visit, -12, "Sam and Pat at home", "Bought a second-hand heater on the team card. Pat wrote what matters to her this winter in her own file.", null, false, caseworker, now);
        var dimensions = new[] { templates[0], templates[1], templates[2], templates[3] }
            .Select((t, i) => new PersonMeasure
            {
                NetworkId = networkId, CaseFileId = pat.Id, TemplateId = t.Id, Name = t.Name, LowLabel = t.LowLabel, HighLabel = t.HighLabel,
                Position = i, CreatedAt = now.AddDays(-45),
            }).ToList();
        db.PersonMeasures.AddRange(dimensions);
        var readings = new (int Days, int[] Values, Rater By)[] { (-45, [2, 4, 5, 3], Rater.Together), (-30, [4, 4, 6, 4], Rater.Together), (-12, [6, 7, 6, 6], Rater.Person) };
        foreach (var (days, values, by) in readings)
        {
            for (var i = 0; i < dimensions.Count; i++)
            {
                db.MeasureReadings.Add(new MeasureReading
                {
                    NetworkId = networkId, CaseFileId = pat.Id, MeasureId = dimensions[i].Id, On = DateOnly.FromDateTime(now.AddDays(days).UtcDateTime),
                    Value = values[i], RatedBy = by, RecordedByUserId = by == Rater.Person ? residentUserId : caseworker.Id,
                    RecordedByName = by == Rater.Person ? "Pat" : caseworker.Name, RecordedAt = now.AddDays(days),
                    PractitionerValue = days == -30 && i == 1 ? 3 : null,
                    Note = days == -30 && i == 1 ? "Pat says the flat feels safe; I worry about the damp in the bedroom." : null,
                });
            }
        }
        pat.Counted = true;
        pat.AgeBand = AgeBand.From35To49;
        pat.Gender = GenderGroup.Woman;
        foreach (var purpose in new[] { ConsentPurpose.Aggregates, ConsentPurpose.Stories })
        {
            db.CaseConsents.Add(new CaseConsent
            {
                NetworkId = networkId, CaseFileId = pat.Id, Purpose = purpose, Given = true, How = "In person at the first visit",
                RecordedAt = now.AddDays(-45), RecordedByUserId = caseworker.Id, RecordedByName = caseworker.Name,
            });
        }

        LifeMap(db, pat, now.AddDays(-40));
        Experiments.ExperimentsDemo.TriedWithPat(db, pat, caseworker.Name, now);

        var dm = File(db, networkId, personCycleId, now.AddDays(-20), "D. M.", null, caseworker);
        Say(db, dm, StatementKind.WhatMatters, -20, "Getting back to work at the garage, even part time.", StatementAuthor.Practitioner, caseworker.Name, now);
        Note(db, dm, NoteKind.Visit, -20, "Sam and D. M. at the library", "Talked about the garage job and the letters from the council about arrears.", "Sort the council tax arrears together.", false, caseworker, now);
    }

    /// <summary>How far from the person each ring of the demo life map is (about where the map editor draws its rings).</summary>
    private static readonly double[] Radii = [170, 285, 400];

    /// <summary>Pat's life as a system, drawn with her at the second visit: who and what is around her, placed on the rings.</summary>
    private static void LifeMap(AppDbContext db, CaseFile pat, DateTimeOffset at)
    {
        var drawn = new (string Name, LifeMapElementKind Kind, string? Theme, LifeEffect Effect, int Ring, string? Note)[]
        {
            ("My grandchildren", LifeMapElementKind.Person, "family", LifeEffect.Helping, 1, "Sundays with them are the best part of the week."),
            ("My son", LifeMapElementKind.Person, "family", LifeEffect.Both, 1, null),
            ("Neighbours on Elm Street", LifeMapElementKind.Person, "friends", LifeEffect.Helping, 1, "They look out for me."),
            ("Heating bills in winter", LifeMapElementKind.Factor, "income", LifeEffect.GettingInTheWay, 1, "I dread the bill, so I keep the heating off."),
            ("Damp in the bedroom", LifeMapElementKind.Factor, "housing", LifeEffect.GettingInTheWay, 1, null),
            ("Neighbourhood team", LifeMapElementKind.Organisation, null, LifeEffect.Helping, 2, "Sam comes round and we sort things together."),
            ("Benefits agency", LifeMapElementKind.Organisation, "benefits", LifeEffect.Both, 2, "Closed my claim by mistake; it is back now."),
            ("Housing association", LifeMapElementKind.Organisation, "housing", LifeEffect.GettingInTheWay, 2, null),
            ("Bus fare", LifeMapElementKind.Factor, "mobility", LifeEffect.GettingInTheWay, 2, null),
            ("GP surgery", LifeMapElementKind.Organisation, "health", LifeEffect.NotSure, 3, null),
        };
        var elements = new Dictionary<string, LifeMapElement>();
        foreach (var ring in drawn.GroupBy(d => d.Ring))
        {
            var onRing = ring.ToList();
            for (var i = 0; i < onRing.Count; i++)
            {
                var (name, kind, theme, effect, closeness, note) = onRing[i];
                var angle = -Math.PI / 2 + Math.PI / onRing.Count + 2 * Math.PI * i / onRing.Count;
                var element = new LifeMapElement
                {
                    NetworkId = pat.NetworkId, CaseFileId = pat.Id, Kind = kind, Name = name, Theme = theme, Effect = effect, Closeness = closeness,
                    Note = note, X = Math.Round(Radii[closeness - 1] * Math.Cos(angle), 1), Y = Math.Round(Radii[closeness - 1] * Math.Sin(angle), 1),
                    CreatedAt = at.AddMinutes(elements.Count),
                };
                elements[name] = element;
                db.LifeMapElements.Add(element);
            }
        }
        var links = new (string From, string To, Understanding.LinkPolarity? Polarity, string? Note)[]
        {
            ("Bus fare", "My grandchildren", Understanding.LinkPolarity.Opposite, "The dearer the fare, the fewer Sundays."),
            ("Housing association", "Damp in the bedroom", null, "Asked for the repair in March; still waiting."),
            ("Benefits agency", "Heating bills in winter", null, "The back payment helps with the winter bills."),
            ("Neighbourhood team", "Benefits agency", null, "Sam rang them with me to reopen the claim."),
            ("My son", "My grandchildren", null, null),
        };
        foreach (var (from, to, polarity, note) in links)
        {
            db.LifeMapLinks.Add(new LifeMapLink
            {
                NetworkId = pat.NetworkId, CaseFileId = pat.Id, FromId = elements[from].Id, ToId = elements[to].Id, Polarity = polarity, Note = note,
                CreatedAt = at.AddMinutes(30),
            });
        }
    }

    private static CaseFile File(AppDbContext db, Guid networkId, Guid cycleId, DateTimeOffset at, string name, string? contact, (string Id, string Name) caseworker)
    {
        var file = new CaseFile
        {
            NetworkId = networkId, CycleId = cycleId, Reference = CaseFile.NewReference(), DisplayName = name, Contact = contact, CreatedAt = at, UpdatedAt = at,
        };
        file.Practitioners.Add(new CasePractitioner { NetworkId = networkId, CaseFileId = file.Id, UserId = caseworker.Id, AddedAt = at });
        db.CaseFiles.Add(file);
        return file;
    }

    private static void Say(AppDbContext db, CaseFile file, StatementKind kind, int days, string text, StatementAuthor by, string author, DateTimeOffset now) =>
        db.CaseStatements.Add(new CaseStatement
        {
            NetworkId = file.NetworkId, CaseFileId = file.Id, Kind = kind, Text = text, SaidOn = DateOnly.FromDateTime(now.AddDays(days).UtcDateTime),
            WrittenBy = by, AuthorName = author, CreatedAt = now.AddDays(days), UpdatedAt = now.AddDays(days),
        });

    private static void Note(AppDbContext db, CaseFile file, NoteKind kind, int days, string? who, string what, string? next, bool practitionerOnly,
        (string Id, string Name) caseworker, DateTimeOffset now) =>
        db.CaseNotes.Add(new CaseNote
        {
            NetworkId = file.NetworkId, CaseFileId = file.Id, Kind = kind, OccurredOn = DateOnly.FromDateTime(now.AddDays(days).UtcDateTime), Who = who,
            WhatHappened = what, NextSteps = next, PractitionerOnly = practitionerOnly, AuthorUserId = caseworker.Id, AuthorName = caseworker.Name,
            CreatedAt = now.AddDays(days), UpdatedAt = now.AddDays(days),
        });
}
