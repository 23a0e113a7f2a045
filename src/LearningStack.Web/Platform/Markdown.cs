using Markdig;
using Microsoft.AspNetCore.Components;

namespace LearningStack.Web.Platform;

/// <summary>Renders user-written Markdown safely: raw HTML is disabled, so script cannot be injected.</summary>
public static class Markdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UseSoftlineBreakAsHardlineBreak()
        .Build();

    public static string ToHtml(string? text) =>
        string.IsNullOrWhiteSpace(text) ? string.Empty : Markdig.Markdown.ToHtml(text, Pipeline);

    public static MarkupString Render(string? text) => new(ToHtml(text));
}
