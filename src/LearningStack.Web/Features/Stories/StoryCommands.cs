using LearningStack.Web.Data;
using LearningStack.Web.Features.Networks;
using LearningStack.Web.Features.People;
using LearningStack.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace LearningStack.Web.Features.Stories;

/// <summary>Story collections (stewards), the anonymous link, and telling stories (members, or anyone with an open link).</summary>
public sealed class StoryCommands(AppDbContext db, NetworkAccess network, CaseAccess cases, CurrentUser currentUser, TimeProvider clock)
{
    public static Failure NoSuchLink { get; } = new(OutcomeStatus.NotFound, Message: "We do not recognise this link. Check you have the whole address.");

    public static Failure ClosedLink { get; } = new(OutcomeStatus.Conflict, Message: "This link is closed: the collection is no longer taking stories this way. Thank you for wanting to share yours.");

    // ----- collections -----

    public async Task<Outcome<IReadOnlyList<StoryCollectionSummary>>> ListAsync(Guid networkId, CancellationToken ct = default)
    {
        if (await network.RequireAsync(networkId, NetworkRole.Observer, ct) is { } denied)
        {
            return denied;
        }
        var list = await db.StoryCollections.AsNoTracking().Where(c => c.NetworkId == networkId)
            .OrderBy(c => c.CreatedAt)
            .Select(c => new StoryCollectionSummary(c.Id, c.Title, c.Prompt,
                db.StoryLinks.Any(l => l.CollectionId == c.Id && l.ClosedAt == null),
                db.Stories.Count(s => s.CollectionId == c.Id)))
            .ToListAsync(ct);
        return list;
    }

    public async Task<Outcome<StoryCollectionView>> GetAsync(Guid collectionId, CancellationToken ct = default)
    {
        var networkId = await NetworkOfAsync(collectionId, ct);
        if (networkId is null || await network.RequireAsync(networkId.Value, NetworkRole.Observer, ct) is not null)
        {
            return Failure.NotFound;
        }
        return (await ViewAsync(collectionId, ct))!;
    }

    /// <summary>The caller's role in the collection's network, or null when it does not exist or they are not a member.</summary>
    public async Task<(StoryCollectionView? Collection, NetworkRole? Role, string? NetworkName)> ScopeAsync(Guid collectionId, CancellationToken ct = default)
    {
        var networkId = await NetworkOfAsync(collectionId, ct);
        if (networkId is null || await network.RoleAsync(networkId.Value, ct) is not { } role)
        {
            return (null, null, null);
        }
        var name = await db.Networks.AsNoTracking().Where(n => n.Id == networkId).Select(n => n.Name).FirstAsync(ct);
        return (await ViewAsync(collectionId, ct), role, name);
    }

    private Task<Guid?> NetworkOfAsync(Guid collectionId, CancellationToken ct) =>
        db.StoryCollections.AsNoTracking().Where(c => c.Id == collectionId).Select(c => (Guid?)c.NetworkId).FirstOrDefaultAsync(ct);

    private async Task<StoryCollectionView?> ViewAsync(Guid collectionId, CancellationToken ct)
    {
        var found = await db.StoryCollections.AsNoTracking().Where(c => c.Id == collectionId)
            .Select(c => new
            {
                Collection = c,
                Open = db.StoryLinks.Where(l => l.CollectionId == c.Id && l.ClosedAt == null).Select(l => (DateTimeOffset?)l.OpenedAt).FirstOrDefault(),
                Count = db.Stories.Count(s => s.CollectionId == c.Id),
            })
            .FirstOrDefaultAsync(ct);
        return found is null ? null : ViewOf(found.Collection, found.Open, found.Count);
    }

    private static StoryCollectionView ViewOf(StoryCollection c, DateTimeOffset? openedAt, int count) =>
        new(c.Id, c.NetworkId, c.Title, c.Prompt, [.. c.Signifiers.Select(ViewOf)], openedAt is not null, openedAt, count, c.CreatedAt, c.Version);

    public static SignifierView ViewOf(Signifier s) => new(s.Id, s.Kind, s.Question, s.Labels, s.Options);

    public async Task<Outcome<StoryCollectionView>> CreateAsync(Guid networkId, StoryCollectionInput input, CancellationToken ct = default)
    {
        if (await network.RequireAsync(networkId, NetworkRole.Steward, ct) is { } denied)
        {
            return denied;
        }
        if (input.Template is { Length: > 0 } key)
        {
            if (StoryTemplates.Find(key) is not { } template)
            {
                return Failure.Invalid("template", "Choose one of the templates offered, or start from a blank collection.");
            }
            var from = template.ToInput();
            input.Title = string.IsNullOrWhiteSpace(input.Title) ? from.Title : input.Title;
            input.Prompt = string.IsNullOrWhiteSpace(input.Prompt) ? from.Prompt : input.Prompt;
            input.Signifiers = input.Signifiers is { Count: > 0 } ? input.Signifiers : from.Signifiers;
        }
        if (Check(input) is { } invalid)
        {
            return invalid;
        }
        var now = clock.GetUtcNow();
        var collection = new StoryCollection
        {
            NetworkId = networkId,
            Title = input.Title!.Trim(),
            Prompt = input.Prompt!.Trim(),
            Signifiers = Signifiers(input, []),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.StoryCollections.Add(collection);
        await db.SaveChangesAsync(ct);
        return ViewOf(collection, null, 0);
    }

    public async Task<Outcome<StoryCollectionView>> UpdateAsync(Guid collectionId, StoryCollectionInput input, CancellationToken ct = default)
    {
        var collection = await db.StoryCollections.FirstOrDefaultAsync(c => c.Id == collectionId, ct);
        if (collection is null)
        {
            return Failure.NotFound;
        }
        if (await network.RequireAsync(collection.NetworkId, NetworkRole.Steward, ct) is { } denied)
        {
            return denied;
        }
        if (Check(input) is { } invalid)
        {
            return invalid;
        }
        if (Concurrency.Check(db, collection, input.Version) is { } stale)
        {
            return stale;
        }
        collection.Title = input.Title!.Trim();
        collection.Prompt = input.Prompt!.Trim();
        collection.Signifiers = Signifiers(input, collection.Signifiers);
        collection.UpdatedAt = clock.GetUtcNow();
        if (await Concurrency.TrySaveAsync(db, ct) is { } conflict)
        {
            return conflict;
        }
        return (await ViewAsync(collectionId, ct))!;
    }

    public async Task<Outcome<bool>> DeleteAsync(Guid collectionId, CancellationToken ct = default)
    {
        var collection = await db.StoryCollections.FirstOrDefaultAsync(c => c.Id == collectionId, ct);
        if (collection is null)
        {
            return Failure.NotFound;
        }
        if (await network.RequireAsync(collection.NetworkId, NetworkRole.Steward, ct) is { } denied)
        {
            return denied;
        }
        db.StoryCollections.Remove(collection);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static Failure? Check(StoryCollectionInput input)
    {
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        var errors = StoryRules.CheckCollection(input);
        return errors.Count > 0 ? Failure.Invalid(errors) : null;
    }

    /// <summary>The signifiers as entered; one that keeps its id and kind keeps its answers.</summary>
    private static List<Signifier> Signifiers(StoryCollectionInput input, List<Signifier> existing) =>
        [.. (input.Signifiers ?? []).Select(s => new Signifier(
            s.Id is { } id && existing.Any(e => e.Id == id && e.Kind == s.Kind) ? id : Guid.CreateVersion7(),
            s.Kind!.Value, s.Question!.Trim(), StoryRules.Clean(s.Labels)))];

    // ----- the anonymous link -----

    public async Task<Outcome<StoryLinkView>> OpenLinkAsync(Guid collectionId, CancellationToken ct = default)
    {
        var networkId = await NetworkOfAsync(collectionId, ct);
        if (networkId is null)
        {
            return Failure.NotFound;
        }
        if (await network.RequireAsync(networkId.Value, NetworkRole.Steward, ct) is { } denied)
        {
            return denied;
        }
        var now = clock.GetUtcNow();
        await CloseOpenLinksAsync(collectionId, now, ct);
        var token = LinkTokens.New();
        db.StoryLinks.Add(new StoryLink
        {
            NetworkId = networkId.Value, CollectionId = collectionId, TokenHash = LinkTokens.Hash(token), OpenedAt = now, OpenedBy = currentUser.DisplayName,
        });
        await db.SaveChangesAsync(ct);
        return new StoryLinkView($"/tell/{token}", now);
    }

    public async Task<Outcome<bool>> CloseLinkAsync(Guid collectionId, CancellationToken ct = default)
    {
        var networkId = await NetworkOfAsync(collectionId, ct);
        if (networkId is null)
        {
            return Failure.NotFound;
        }
        if (await network.RequireAsync(networkId.Value, NetworkRole.Steward, ct) is { } denied)
        {
            return denied;
        }
        await CloseOpenLinksAsync(collectionId, clock.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private async Task CloseOpenLinksAsync(Guid collectionId, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var open in await db.StoryLinks.Where(l => l.CollectionId == collectionId && l.ClosedAt == null).ToListAsync(ct))
        {
            open.ClosedAt = now;
        }
    }

    /// <summary>What an anonymous teller sees for a link: the collection's prompt and signifiers, or why they cannot tell.</summary>
    public async Task<Outcome<StoryCollectionView>> ForLinkAsync(string token, CancellationToken ct = default)
    {
        var hash = LinkTokens.Hash(token ?? "");
        var link = await db.StoryLinks.AsNoTracking().Where(l => l.TokenHash == hash).Select(l => new { l.CollectionId, l.ClosedAt }).FirstOrDefaultAsync(ct);
        if (link is null)
        {
            return NoSuchLink;
        }
        if (link.ClosedAt is not null)
        {
            return ClosedLink;
        }
        return (await ViewAsync(link.CollectionId, ct))!;
    }

    // ----- stories -----

    /// <summary>The case files in the network the caller works on as a practitioner (reference only), to tell a story with a person.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Reference)>> MyCasesAsync(Guid networkId, CancellationToken ct = default)
    {
        if (currentUser.UserId is not { } userId)
        {
            return [];
        }
        var list = await db.CaseFiles.AsNoTracking()
            .Where(c => c.NetworkId == networkId && c.ErasedAt == null && c.Practitioners.Any(p => p.UserId == userId))
            .OrderBy(c => c.Reference).Select(c => new { c.Id, c.Reference }).ToListAsync(ct);
        return [.. list.Select(c => (c.Id, c.Reference))];
    }

    /// <summary>A member enters a story, perhaps told with a person (then the caller must be able to add to the person's file). The
    /// person themselves, who is not a member of the network, may add a story to their own file: for a story with a case, being able
    /// to add to the file is what counts.</summary>
    public async Task<Outcome<StoryView>> TellAsync(Guid collectionId, StoryInput input, CancellationToken ct = default)
    {
        var collection = await db.StoryCollections.AsNoTracking().FirstOrDefaultAsync(c => c.Id == collectionId, ct);
        if (collection is null)
        {
            return Failure.NotFound;
        }
        string? reference = null;
        if (input.CaseId is { } caseId)
        {
            var (scope, refused) = await cases.WriteAsync(caseId, CaseWrite.PersonsOwn, ct);
            if (scope is null)
            {
                if (await network.RequireAsync(collection.NetworkId, NetworkRole.Member, ct) is { } notMember)
                {
                    return notMember;
                }
                return refused!.Status == OutcomeStatus.NotFound || refused.Status == OutcomeStatus.Forbidden
                    ? Failure.Invalid("caseId", "You can only link a story to the file of a person you work with.")
                    : refused;
            }
            if (scope.NetworkId != collection.NetworkId)
            {
                return Failure.Invalid("caseId", "That case file belongs to another network.");
            }
            reference = scope.Reference;
        }
        else if (await network.RequireAsync(collection.NetworkId, NetworkRole.Member, ct) is { } denied)
        {
            return denied;
        }
        if (CheckStory(input, collection) is { } invalid)
        {
            return invalid;
        }
        var story = NewStory(collection, input, StorySource.Member);
        story.CaseFileId = input.CaseId;
        story.EnteredByUserId = currentUser.UserId;
        db.Stories.Add(story);
        await db.SaveChangesAsync(ct);
        return ViewOf(story, reference);
    }

    /// <summary>The stories told with a person, for their file (a logged read), and the network's collections they can add one to.
    /// Pass <paramref name="what"/> null only when the caller has just logged the read of the file itself (the file's pages).</summary>
    public async Task<Outcome<CaseStories>> ForCaseAsync(Guid caseId, string? what = "API: stories told with the person", CancellationToken ct = default)
    {
        var (scope, denied) = what is null ? await cases.ResolveAsync(caseId, ct) : await cases.ReadAsync(caseId, what, ct);
        if (scope is null)
        {
            return denied!;
        }
        var stories = await db.Stories.AsNoTracking().Where(s => s.CaseFileId == caseId)
            .OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id)
            .Select(s => new CaseStoryView(s.Id, s.CollectionId,
                db.StoryCollections.Where(c => c.Id == s.CollectionId).Select(c => c.Title).First(),
                s.Title, s.Text, db.Users.Where(u => u.Id == s.EnteredByUserId).Select(u => u.DisplayName).FirstOrDefault(), s.CreatedAt))
            .ToListAsync(ct);
        var collections = await db.StoryCollections.AsNoTracking().Where(c => c.NetworkId == scope.NetworkId)
            .OrderBy(c => c.Title).Select(c => new CollectionChoice(c.Id, c.Title, c.Prompt)).ToListAsync(ct);
        var latest = await db.CaseConsents.AsNoTracking().Where(c => c.CaseFileId == caseId && c.Purpose == ConsentPurpose.Stories)
            .OrderByDescending(c => c.RecordedAt).ThenByDescending(c => c.Id).Select(c => (bool?)c.Given).FirstOrDefaultAsync(ct);
        return new CaseStories(caseId, scope.Reference, scope.CanAddOwnWords, latest != false, stories, collections);
    }

    /// <summary>A collection offered for telling a story with a person: null unless the caller may add to that person's file and the
    /// collection is in the file's network. Reads nothing personal, so nothing is logged.</summary>
    public async Task<(StoryCollectionView Collection, CaseScope File)?> ForTellingWithAsync(Guid collectionId, Guid caseId, CancellationToken ct = default)
    {
        var (scope, _) = await cases.WriteAsync(caseId, CaseWrite.PersonsOwn, ct);
        if (scope is null || await NetworkOfAsync(collectionId, ct) != scope.NetworkId)
        {
            return null;
        }
        var view = await ViewAsync(collectionId, ct);
        return view is null ? null : (view, scope);
    }

    /// <summary>Someone without an account tells a story through an open link. A filled honeypot means a robot: nothing is
    /// saved, but the answer looks the same as a success.</summary>
    public async Task<Outcome<bool>> TellAnonymouslyAsync(string token, StoryInput input, bool honeypotFilled, CancellationToken ct = default)
    {
        var hash = LinkTokens.Hash(token ?? "");
        var link = await db.StoryLinks.AsNoTracking().FirstOrDefaultAsync(l => l.TokenHash == hash, ct);
        if (link is null)
        {
            return NoSuchLink;
        }
        if (link.ClosedAt is not null)
        {
            return ClosedLink;
        }
        var collection = await db.StoryCollections.AsNoTracking().FirstAsync(c => c.Id == link.CollectionId, ct);
        input.CaseId = null;
        if (CheckStory(input, collection) is { } invalid)
        {
            return invalid;
        }
        if (honeypotFilled)
        {
            return true;
        }
        db.Stories.Add(NewStory(collection, input, StorySource.AnonymousLink));
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static Failure? CheckStory(StoryInput input, StoryCollection collection)
    {
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }
        var errors = StoryRules.CheckStory(input, collection.Signifiers);
        return errors.Count > 0 ? Failure.Invalid(errors) : null;
    }

    private Story NewStory(StoryCollection collection, StoryInput input, StorySource source)
    {
        var story = new Story
        {
            NetworkId = collection.NetworkId,
            CollectionId = collection.Id,
            Title = string.IsNullOrWhiteSpace(input.Title) ? null : input.Title.Trim(),
            Text = input.Text!.Trim(),
            Source = source,
            CreatedAt = clock.GetUtcNow(),
        };
        var kinds = collection.Signifiers.ToDictionary(s => s.Id);
        foreach (var answer in input.Answers ?? [])
        {
            var signifier = kinds[answer.SignifierId];
            StoryAnswer Row() => new() { StoryId = story.Id, CollectionId = collection.Id, SignifierId = signifier.Id };
            if (answer.NotApplicable)
            {
                var row = Row();
                row.NotApplicable = true;
                story.Answers.Add(row);
                continue;
            }
            switch (signifier.Kind)
            {
                case SignifierKind.Triad:
                    var sum = answer.A!.Value + answer.B!.Value + answer.C!.Value;
                    var triad = Row();
                    (triad.A, triad.B, triad.C) = (answer.A.Value / sum, answer.B.Value / sum, answer.C.Value / sum);
                    story.Answers.Add(triad);
                    break;
                case SignifierKind.Dyad:
                    var dyad = Row();
                    dyad.X = answer.X;
                    story.Answers.Add(dyad);
                    break;
                case SignifierKind.Tags:
                case SignifierKind.Demographic:
                    foreach (var option in StoryRules.Clean(answer.Options).Distinct(StringComparer.OrdinalIgnoreCase))
                    {
                        var chosen = Row();
                        chosen.Option = signifier.Options.First(o => string.Equals(o, option, StringComparison.OrdinalIgnoreCase));
                        story.Answers.Add(chosen);
                    }
                    break;
                default:
                    throw new InvalidOperationException($"Unknown signifier kind {signifier.Kind}");
            }
        }
        return story;
    }

    public static StoryView ViewOf(Story story, string? caseReference) =>
        new(story.Id, story.Title, story.Text, story.Source, caseReference, story.CreatedAt, AnswersOf(story.Answers));

    public static IReadOnlyList<StoryAnswerView> AnswersOf(IEnumerable<StoryAnswer> answers) =>
        [.. answers.GroupBy(a => a.SignifierId).Select(g =>
        {
            var first = g.First();
            return new StoryAnswerView(g.Key, first.NotApplicable, first.A, first.B, first.C, first.X, [.. g.Where(a => a.Option != null).Select(a => a.Option!)]);
        })];
}
