using LearningStack.Web.Features.Understanding;

namespace LearningStack.Web.Features.People.Pages;

/// <summary>Words (and the picture's colours) the life map page uses for the model's values. The colours and line styles are the
/// map editor's (EFFECT_LOOK in wwwroot/js/map-editor.js), so the tables and the key match the picture.</summary>
public static class LifeMapText
{
    public static string Kind(LifeMapElementKind kind) => kind switch
    {
        LifeMapElementKind.Person => "Person",
        LifeMapElementKind.Organisation => "Organisation",
        _ => "Factor",
    };

    /// <summary>The kind as a choice in the form, spoken to the person on their own file ("your life").</summary>
    public static string KindChoice(LifeMapElementKind kind, bool person) => kind switch
    {
        LifeMapElementKind.Factor => $"Something else in {(person ? "your" : "their")} life (a factor: housing, money, health…)",
        _ => Kind(kind),
    };

    public static string Effect(LifeEffect effect) => effect switch
    {
        LifeEffect.Helping => "Helping",
        LifeEffect.GettingInTheWay => "Getting in the way",
        LifeEffect.Both => "Both",
        _ => "Not sure yet",
    };

    public static string Ring(int closeness) => closeness switch
    {
        1 => "Closest",
        3 => "Further out",
        _ => "Middle",
    };

    public static string RingPlace(int closeness) => closeness switch
    {
        1 => "inner ring",
        3 => "outer ring",
        _ => "middle ring",
    };

    public static string RingChoice(int closeness) => closeness switch
    {
        1 => "Closest (inner ring)",
        3 => "Further out (outer ring)",
        _ => "In between (middle ring)",
    };

    public static string Polarity(LinkPolarity? polarity) => polarity switch
    {
        LinkPolarity.Same => "More of one brings more of the other (+)",
        LinkPolarity.Opposite => "More of one brings less of the other (−)",
        _ => "Connected",
    };

    /// <summary>Colour, fill and SVG dash of the line drawn from the person to an item with this effect.</summary>
    public static (string Color, string Fill, string? Dash) Look(LifeEffect effect) => effect switch
    {
        LifeEffect.Helping => ("#1f5f99", "#e6f0fa", null),
        LifeEffect.GettingInTheWay => ("#9a4a12", "#fbeee4", "6 3"),
        LifeEffect.Both => ("#6a4c9c", "#f0ebf8", "8 3 2 3"),
        _ => ("#66727f", "#f3f5f7", "0.1 4"),
    };
}
