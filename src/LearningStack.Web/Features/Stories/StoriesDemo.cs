using LearningStack.Web.Data;

namespace LearningStack.Web.Features.Stories;

/// <summary>A demo collection in Gateshead ("Experience of a service") with thirty short stories, signified in varied ways, so the
/// patterns view has something to show. The words are invented for the demo.</summary>
public static class StoriesDemo
{
    private static readonly string[] Texts =
    [
        "I rang about my council tax and the person on the phone sorted it while I waited.",
        "I was sent between three offices and told my story each time.",
        "My caseworker came to the house and we went through the letters together at the kitchen table.",
        "Nobody called back for two weeks. When they did, they were kind, but the bill had already gone to the bailiffs.",
        "The woman at the foodbank noticed I was worried about the gas and made a call for me there and then.",
        "I filled in the same form twice because the first one got lost.",
        "The advice worker explained my options without rushing me. I chose the one that suited my family.",
        "I felt judged when I said I was behind on rent.",
        "They bought a cooker on the day we moved in. I could make my children a hot meal that night.",
        "I was told to apply online but I do not have the internet at home.",
        "A letter came that I did not understand. My support worker read it with me and it was good news.",
        "The waiting room was cold and I waited two hours, but the person I saw in the end really helped.",
        "They asked me what mattered to me before they asked about money. Nobody had done that before.",
        "I was passed to another team and had to start again.",
        "My neighbour told me about the drop-in. I went, and they helped me claim what I was owed.",
        "I asked for help with debt and got a leaflet.",
        "The same worker stayed with me for a year. She knew my story so I did not have to repeat it.",
        "The appointment was in the middle of my shift, so I missed it and was marked as not engaging.",
        "They let me bring my sister, and that made it easier to talk.",
        "I did not feel safe in the office with people shouting, so we met in the library instead.",
        "The benefits stopped by mistake. My caseworker sat with me on the phone until it was put right.",
        "I got a text reminder in plain words. It sounds small but it helped.",
        "I was told I was not eligible, and nobody told me where else to go.",
        "The team found a bed and a washing machine from the recycling charity within a week.",
        "I explained I have anxiety and they let me do the next meeting by phone.",
        "I felt listened to, but nothing changed in the end.",
        "They fixed the immediate problem, then helped me plan so it would not happen again.",
        "I did not know the service existed until I was in crisis.",
        "My worker helped me write to the landlord. He agreed to a payment plan.",
        "I was asked to prove things I had already proved last month.",
    ];

    public static void Gateshead(AppDbContext db, Guid networkId, DateTimeOffset now)
    {
        var template = StoryTemplates.Find("service-experience")!.ToInput();
        var signifiers = template.Signifiers!.Select(s => new Signifier(Guid.CreateVersion7(), s.Kind!.Value, s.Question!, s.Labels!)).ToList();
        var collection = new StoryCollection
        {
            NetworkId = networkId,
            Title = "Experience of the debt and welfare service",
            Prompt = template.Prompt!,
            Signifiers = signifiers,
            CreatedAt = now.AddDays(-35),
            UpdatedAt = now.AddDays(-35),
        };
        db.StoryCollections.Add(collection);
        var (triad, fitted, easy, tags, age) = (signifiers[0], signifiers[1], signifiers[2], signifiers[3], signifiers[4]);
        // Pat's file (seeded just before) holds the story she told with her caseworker about the landlord.
        var pat = db.CaseFiles.Local.FirstOrDefault(c => c.NetworkId == networkId && c.PersonUserId != null);
        for (var i = 0; i < Texts.Length; i++)
        {
            var story = new Story
            {
                NetworkId = networkId,
                CollectionId = collection.Id,
                Text = Texts[i],
                Source = i % 3 == 0 ? StorySource.AnonymousLink : StorySource.Member,
                CreatedAt = now.AddDays(-30 + i).AddHours(i % 7),
            };
            if (i % 3 != 0 && Texts[i].Contains("landlord", StringComparison.Ordinal))
            {
                story.CaseFileId = pat?.Id;
            }
            // Varied but repeatable placements: stories that went well lean to "listened to" and "in control".
            var good = i % 5 is 0 or 2 or 4 || Texts[i].Contains("helped", StringComparison.Ordinal);
            double a = good ? 0.5 + (i % 4) * 0.1 : 0.1 + (i % 3) * 0.05, b = good ? 0.1 + (i % 3) * 0.1 : 0.15 + (i % 4) * 0.05;
            var c = Math.Max(0, 1 - a - b);
            StoryAnswer Row(Signifier s) => new() { StoryId = story.Id, CollectionId = collection.Id, SignifierId = s.Id };
            if (i % 11 == 10)
            {
                var na = Row(triad);
                na.NotApplicable = true;
                story.Answers.Add(na);
            }
            else
            {
                var t = Row(triad);
                (t.A, t.B, t.C) = (a / (a + b + c), b / (a + b + c), c / (a + b + c));
                story.Answers.Add(t);
            }
            var f = Row(fitted);
            f.X = good ? 0.65 + (i % 4) * 0.1 : 0.05 + (i % 5) * 0.08;
            story.Answers.Add(f);
            var e = Row(easy);
            e.X = Math.Clamp((i * 37 % 100) / 100.0, 0, 1);
            story.Answers.Add(e);
            foreach (var option in new[] { tags.Labels[i % tags.Labels.Count], tags.Labels[(i * 3 + 1) % tags.Labels.Count] }.Distinct())
            {
                var o = Row(tags);
                o.Option = option;
                story.Answers.Add(o);
            }
            var d = Row(age);
            d.Option = age.Options[i % age.Options.Count];
            story.Answers.Add(d);
            db.Stories.Add(story);
        }
    }
}
