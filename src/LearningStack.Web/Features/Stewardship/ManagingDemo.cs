using LearningStack.Web.Data;
using LearningStack.Web.Features.Cycles;
using LearningStack.Web.Features.Issues;

namespace LearningStack.Web.Features.Stewardship;

/// <summary>Managing the Gateshead team's cycle: plans for three stages, caseworkers' time and an experiment fund with what was used,
/// the petty-cash barrier (already an issue routed to finance and audit, so it is linked, not repeated), one barrier still open,
/// an enabler, and the people the credit-card experiment should talk to.</summary>
public static class ManagingDemo
{
    public static void Gateshead(AppDbContext db, Guid networkId, Guid teamCycleId, Guid housingCycleId, Guid orgCycleId, DateTimeOffset now, Issue pettyCash,
        (string Id, string Name) steward, (string Id, string Name) caseworker)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        StagePlan Plan(Stage stage, string what, string who, string when, int? fromDays, int? toDays) => new()
        {
            NetworkId = networkId, CycleId = teamCycleId, Stage = stage, WhatWillHappen = what, WhoWillBeConvened = who, When = when,
            StartsOn = fromDays is { } f ? today.AddDays(f) : null, EndsOn = toDays is { } t ? today.AddDays(t) : null,
            UpdatedByName = steward.Name, UpdatedAt = now.AddDays(-20),
        };
        db.StagePlans.AddRange(
            Plan(Stage.UnderstandTheSystem, "Keep reading residents' 'what matters' conversations back at team meetings; map where money gets stuck.",
                "Caseworkers, the team leader, two members of the residents' panel.", "Every other Tuesday morning", -60, null),
            Plan(Stage.Experiment, "Run the credit-card trial for three months; log every spend with its need; review at each team meeting.",
                "The two caseworkers holding cards, the team leader, internal audit at review points.", "Three months from the first card", -35, 55),
            Plan(Stage.Stewardship, "Look at what we have used against what we were given each month; take barriers we cannot remove to finance and audit.",
                "Alex as steward, with the team leader.", "First Monday of the month", null, null));

        var startsOn = new DateOnly(today.Year, today.Month, 1).AddMonths(-2);
        var time = new CycleResource
        {
            NetworkId = networkId, CycleId = teamCycleId, Kind = ResourceKind.Time, Name = "Caseworkers' time for learning (two, part-time)", HoursPerMonth = 20m,
            Details = "Agreed with the service manager: time for sense-making, experiment reviews and writing things down.", StartsOn = startsOn,
            CreatedAt = now.AddDays(-62), UpdatedAt = now.AddDays(-62),
        };
        var fund = new CycleResource
        {
            NetworkId = networkId, CycleId = teamCycleId, Kind = ResourceKind.Money, Name = "Experiment fund for on-the-spot spending", Amount = 3000m, Currency = "GBP",
            Details = "From council finance for the three-month card trial.", StartsOn = startsOn, CountsSpendLog = true, CreatedAt = now.AddDays(-62), UpdatedAt = now.AddDays(-62),
        };
        var room = new CycleResource
        {
            NetworkId = networkId, CycleId = teamCycleId, Kind = ResourceKind.Other, Name = "Community centre meeting room",
            Details = "Tuesday mornings, free of charge, for team meetings with residents.", StartsOn = startsOn, CreatedAt = now.AddDays(-62), UpdatedAt = now.AddDays(-62),
        };
        db.CycleResources.AddRange(time, fund, room);
        ResourceUse Use(CycleResource r, DateOnly on, decimal? amount, string note, (string Id, string Name) who) => new()
        {
            NetworkId = networkId, CycleId = teamCycleId, ResourceId = r.Id, UsedOn = on, Amount = amount, Note = note, RecordedById = who.Id, RecordedByName = who.Name,
            CreatedAt = now.AddDays(on.DayNumber - today.DayNumber),
        };
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        db.ResourceUses.AddRange(
            Use(time, startsOn.AddDays(3), 8m, "Sense-making session on the first card spends", caseworker),
            Use(time, startsOn.AddDays(17), 10m, "Writing up spends and needs", caseworker),
            Use(time, startsOn.AddMonths(1).AddDays(5), 14m, "Experiment review with internal audit", steward),
            Use(time, thisMonth, 18m, "Preparing the furniture pattern for housing", caseworker),
            Use(time, today, 14m, "Team meeting with two residents", caseworker),
            Use(fund, thisMonth.AddDays(-3), 120m, "Printing the trial's leaflets for residents (paid by invoice, not the card)", steward),
            Use(room, today.AddDays(-7), null, "Team meeting with residents", caseworker));

        var route = db.IssueRoutes.Local.FirstOrDefault(r => r.IssueId == pettyCash.Id);
        db.EnablersBarriers.AddRange(
            new EnablerBarrier
            {
                NetworkId = networkId, CycleId = teamCycleId, Kind = EnablerKind.Barrier, Text = "Petty cash takes three days to reach a caseworker, and the need is today.",
                NoticedOn = today.AddDays(-45), NoticedById = caseworker.Id, NoticedByName = caseworker.Name, Status = EnablerStatus.Open,
                IssueId = pettyCash.Id, RouteId = route?.Id, CreatedAt = now.AddDays(-45), UpdatedAt = now.AddDays(-6),
            },
            new EnablerBarrier
            {
                NetworkId = networkId, CycleId = teamCycleId, Kind = EnablerKind.Barrier,
                Text = "The case system logs us out during home visits, so notes are written up later from memory.",
                NoticedOn = today.AddDays(-10), NoticedById = caseworker.Id, NoticedByName = caseworker.Name, Status = EnablerStatus.Open,
                CreatedAt = now.AddDays(-10), UpdatedAt = now.AddDays(-10),
            },
            new EnablerBarrier
            {
                NetworkId = networkId, CycleId = teamCycleId, Kind = EnablerKind.Enabler,
                Text = "The team leader says yes on the day, so a card can be used while the resident is still with us.",
                NoticedOn = today.AddDays(-30), NoticedById = steward.Id, NoticedByName = steward.Name, Status = EnablerStatus.Open,
                CreatedAt = now.AddDays(-30), UpdatedAt = now.AddDays(-30),
            });

        var cards = db.Experiments.Local.FirstOrDefault(e => e.CycleId == teamCycleId && e.Title.StartsWith("Team credit cards", StringComparison.Ordinal));
        if (cards is null)
        {
            return;
        }
        ConnectionToMake Connection(string name, string why, Guid? cycleId, int? talkedDaysAgo, string? note) => new()
        {
            NetworkId = networkId, CycleId = teamCycleId, ExperimentId = cards.Id, Name = name, Why = why, LinkedCycleId = cycleId,
            TalkedOn = talkedDaysAgo is { } d ? today.AddDays(-d) : null, ConversationNote = note, CreatedAt = now.AddDays(-34), UpdatedAt = now.AddDays(-(talkedDaysAgo ?? 34)),
        };
        db.ConnectionsToMake.AddRange(
            Connection("Internal audit", "They check every council card and could stop the trial.", orgCycleId, 20, "They care about the trail, not the amounts: a simple log with the need would do."),
            Connection("Housing support team", "Much of what we buy is furniture for new tenancies.", housingCycleId, null, null),
            Connection("Furniture-recycling charity", "Could supply beds and cookers instead of us buying them new.", null, null, null));
    }
}
