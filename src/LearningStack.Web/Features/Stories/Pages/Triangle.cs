using System.Globalization;

namespace LearningStack.Web.Features.Stories.Pages;

/// <summary>The geometry of the triangles drawn for triads (viewBox 0 0 300 258): corner a at the top, b bottom left, c bottom right.</summary>
public static class Triangle
{
    public const string ViewBox = "0 0 300 258";
    public static readonly (double X, double Y) A = (150, 12), B = (15, 246), C = (285, 246);

    public static (double X, double Y) At(double a, double b, double c) => (a * A.X + b * B.X + c * C.X, a * A.Y + b * B.Y + c * C.Y);

    public static string N(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Points(params (double A, double B, double C)[] corners) =>
        string.Join(" ", corners.Select(w => At(w.A, w.B, w.C)).Select(p => $"{N(p.X)},{N(p.Y)}"));

    public static string Outline => Points((1, 0, 0), (0, 1, 0), (0, 0, 1));

    /// <summary>The four region triangles: near each corner, and the middle.</summary>
    public static string Region(string region) => region switch
    {
        "a" => Points((1, 0, 0), (0.5, 0.5, 0), (0.5, 0, 0.5)),
        "b" => Points((0, 1, 0), (0, 0.5, 0.5), (0.5, 0.5, 0)),
        "c" => Points((0, 0, 1), (0.5, 0, 0.5), (0, 0.5, 0.5)),
        _ => Points((0.5, 0.5, 0), (0, 0.5, 0.5), (0.5, 0, 0.5)),
    };
}
