namespace LearningStack.Cli.Generate;

/// <summary>Words the generator draws from. Tags follow a long tail: a few are common, many are rare, as in real case work.</summary>
internal static class Vocabulary
{
    /// <summary>Problems and aspirations, most common first. The generator picks with a power law so the tail stays long.</summary>
    public static readonly string[] Tags =
    [
        "housing", "debt", "benefits", "food", "loneliness", "mental health", "work", "transport", "damp homes", "furniture",
        "childcare", "digital access", "family", "physical health", "caring for someone", "rent arrears", "energy bills", "learning",
        "confidence", "neighbours", "safety", "alcohol", "drugs", "bereavement", "disability", "immigration status", "pet care",
        "hoarding", "gambling", "legal advice", "school", "volunteering", "faith", "sport", "music", "gardening", "fishing",
        "driving licence", "dentist", "glasses", "hearing", "sleep", "cooking", "bike repair", "phone credit", "bank account",
        "id documents", "court", "probation", "veterans",
    ];

    public static readonly string[] Places =
    [
        "Northgate", "Riverside", "Eastfield", "Westmoor", "Southbank", "Highcross", "Lowfell", "Bridgend", "Marshside", "Oakwood",
        "Ashby", "Kingsmead", "Millbrook", "Stonebridge", "Greenhill", "Harbour", "Newtown", "Old Quay", "Fellside", "Castleton",
        "Brookvale", "Redhill", "Seaton", "Thornley", "Wolds", "Dunmore", "Elmstead", "Foxton", "Glenholm", "Hollins",
    ];

    public static readonly string[] OrganisationKinds =
        ["council", "housing association", "health trust", "advice service", "community charity", "police area", "jobcentre district", "food network", "youth service", "carers' centre"];

    public static readonly string[] TeamKinds =
        ["neighbourhood team", "early help team", "housing support team", "welfare rights team", "community nursing team", "recovery team", "family support team", "outreach team", "tenancy team", "befriending team"];

    public static readonly string[] IssueStarts =
    [
        "Waiting for {0} takes weeks and people give up",
        "Forms about {0} ask the same questions three times",
        "No one can spend small sums on {0} without sign-off",
        "Referral rules about {0} send people back and forth",
        "People are told to phone about {0} but have no credit",
        "Appointments about {0} are only in office hours",
        "Nobody owns the problem of {0} between services",
        "Data about {0} cannot be shared between teams",
    ];

    public static readonly string[] ExperimentIdeas =
    [
        "Spend small sums on the spot for {0}",
        "One practitioner follows {0} through to the end",
        "Drop the referral form for {0}",
        "Meet people about {0} where they already are",
        "Ask what matters first, before any {0} assessment",
    ];

    public static readonly string[] Needs = ["Food", "Furniture", "Energy", "Travel", "Phone and internet", "Clothing", "Household goods", "Activities"];

    public static readonly string[] WhatMatters =
    [
        "Keeping my home and feeling safe in it",
        "Getting back to work when I am ready",
        "Seeing my grandchildren more often",
        "Not being on my own all the time",
        "Sorting the money out so I can sleep",
        "Being well enough to walk the dog",
        "Somewhere warm and dry for the children",
        "Learning to read letters myself",
    ];

    public static readonly string[] LifePeople = ["daughter", "son", "neighbour", "friend from church", "sister", "GP", "caseworker", "landlord"];

    public static readonly string[] LifeOrganisations = ["housing office", "jobcentre", "food bank", "surgery", "school", "advice centre", "bus company", "energy supplier"];
}
