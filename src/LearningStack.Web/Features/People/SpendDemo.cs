using LearningStack.Web.Data;

namespace LearningStack.Web.Features.People;

/// <summary>The Gateshead team's spend log: two months of on-the-spot spending on the team's credit cards, with a lot of furniture
/// (the pattern that led to the furniture-recycling partnership), most of it signed off by the team leader. No entry is linked to a
/// case, so the demo shows no person's spending.</summary>
public static class SpendDemo
{
    public static void Gateshead(AppDbContext db, Guid networkId, Guid teamCycleId, DateTimeOffset now, (string Id, string Name) steward, (string Id, string Name) caseworker)
    {
        var needs = new Dictionary<string, NeedCategory>();
        NeedCategory Need(string name) => needs.TryGetValue(name, out var found) ? found : needs[name] = new NeedCategory
        {
            NetworkId = networkId, Name = name, NormalisedName = NeedCategory.Normalise(name), CreatedByName = caseworker.Name, CreatedAt = now.AddDays(-60),
        };
        (int DaysAgo, decimal Amount, string What, string Need, bool SignedOff)[] rows =
        [
            (-58, 38.40m, "Groceries for the week with a resident who had no food", "Food", true),
            (-55, 185.00m, "A single bed and mattress for a new tenancy", "Furniture", true),
            (-51, 12.60m, "Bus fares to the job centre and back", "Travel", true),
            (-47, 229.99m, "A second-hand cooker, delivered", "Furniture", true),
            (-40, 20.00m, "Electricity top-up while a benefit claim was put right", "Energy", true),
            (-33, 160.00m, "A sofa and two chairs from a house clearance", "Furniture", true),
            (-26, 24.75m, "School shoes for two children", "Clothing", true),
            (-19, 249.00m, "A washing machine for a family of five", "Furniture", true),
            (-12, 31.20m, "Groceries and nappies", "Food", true),
            (-5, 95.00m, "A table and four chairs", "Furniture", false),
        ];
        foreach (var (daysAgo, amount, what, need, signedOff) in rows)
        {
            var at = now.AddDays(daysAgo);
            db.SpendEntries.Add(new SpendEntry
            {
                NetworkId = networkId, CycleId = teamCycleId, SpentOn = DateOnly.FromDateTime(at.UtcDateTime), Amount = amount, Currency = "GBP",
                WhatWasBought = what, NeedCategory = Need(need), SpentById = caseworker.Id, SpentByName = caseworker.Name,
                ApprovedById = signedOff ? steward.Id : null, ApprovedByName = signedOff ? steward.Name : null, ApprovedAt = signedOff ? at.AddHours(3) : null,
                CreatedAt = at, UpdatedAt = signedOff ? at.AddHours(3) : at,
            });
        }
    }
}
