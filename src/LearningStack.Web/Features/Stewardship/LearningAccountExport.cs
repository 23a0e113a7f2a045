using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using LearningStack.Web.Features.SenseMaking;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace LearningStack.Web.Features.Stewardship;

/// <summary>An account as Markdown, as a standalone printable HTML page (print stylesheet: each section on a new page, link addresses
/// printed) and as a Word document (DOCX, written with the Open XML SDK). A draft says DRAFT at the top of every format. Section text is
/// the stewards' Markdown, rendered without raw HTML; questions and answers are people's words, escaped.</summary>
public static partial class LearningAccountExport
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks().UseEmphasisExtras().Build();

    public const string DraftLabel = "DRAFT — not yet published. The text may still change.";

    /// <summary>"learning-account-3-debt-and-welfare-support-team" or "learning-account-draft-…" (no extension).</summary>
    public static string FileName(AccountView a)
    {
        var slug = new StringBuilder();
        foreach (var ch in a.CycleName.ToLowerInvariant())
        {
            if (ch is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                slug.Append(ch);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }
        var text = slug.ToString().Trim('-');
        text = text.Length > 50 ? text[..50].Trim('-') : text;
        return "learning-account-" + (a.Number is { } n ? n.ToString(CultureInfo.InvariantCulture) : "draft") + (text.Length > 0 ? "-" + text : "");
    }

    /// <summary>Version, dates and period in one line.</summary>
    public static string Standing(AccountView a) => a.Number is { } n && a.PublishedAt is { } at
        ? $"Version {n.ToString(CultureInfo.InvariantCulture)}, published {LearningAccountRules.Date(at)}{(a.PublishedByName is null ? "" : " by " + a.PublishedByName)}."
        : DraftLabel;

    public static string Subtitle(AccountView a) =>
        $"A learning account of {a.CycleName} ({a.NetworkName}) for {LearningAccountRules.Period(a.PeriodFrom, a.PeriodTo)} — written to help us account for our learning.";

    /// <summary>Makes app-relative links ("/experiments/…") absolute, so they work outside the app.</summary>
    public static string Absolute(string markdown, string baseUrl) =>
        RelativeLink().Replace(markdown, m => "](" + baseUrl.TrimEnd('/') + m.Groups[1].Value + ")");

    [GeneratedRegex(@"\]\((/[^)\s]*)\)")]
    private static partial Regex RelativeLink();

    public static string Markdown(AccountView a, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(a);
        var md = new StringBuilder();
        md.Append("# ").AppendLine((a.IsDraft ? "DRAFT: " : "") + SessionRecordExport.EscapeMarkdown(a.Title)).AppendLine();
        md.AppendLine(a.IsDraft ? "**" + DraftLabel + "**" : SessionRecordExport.EscapeMarkdown(Standing(a))).AppendLine();
        md.AppendLine(SessionRecordExport.EscapeMarkdown(Subtitle(a))).AppendLine();
        foreach (var s in a.Sections)
        {
            md.Append("## ").AppendLine(SessionRecordExport.EscapeMarkdown(s.Title)).AppendLine();
            md.AppendLine(Absolute(s.Markdown, baseUrl).TrimEnd()).AppendLine();
        }
        if (a.Questions.Count > 0)
        {
            md.AppendLine("## Questions and answers").AppendLine();
            foreach (var q in a.Questions)
            {
                md.Append("- ").Append(SessionRecordExport.EscapeMarkdown(Asked(q))).Append(": ").AppendLine(SessionRecordExport.EscapeMarkdown(q.Text));
                foreach (var answer in q.Answers)
                {
                    md.Append("  - ").Append(SessionRecordExport.EscapeMarkdown(Answered(answer))).Append(": ").AppendLine(SessionRecordExport.EscapeMarkdown(answer.Text));
                }
            }
        }
        return md.ToString();
    }

    public static string Asked(AccountQuestionView q) =>
        $"{q.AskedByName} asked on {LearningAccountRules.Date(q.AskedAt)}{(q.SectionTitle is null ? "" : $", about “{q.SectionTitle}”")}";

    public static string Answered(AccountAnswerView a) => $"{a.AnsweredByName} answered on {LearningAccountRules.Date(a.AnsweredAt)}";

    public static string Html(AccountView a, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(a);
        static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        var h = new StringBuilder();
        h.AppendLine("<!DOCTYPE html>").AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .AppendLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(a.IsDraft ? "DRAFT: " : "").Append(E(a.Title)).AppendLine("</title>")
            .AppendLine("<style>")
            .AppendLine("body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f;line-height:1.5}")
            .AppendLine("h1{font-size:1.7rem;margin-bottom:.25rem}h2{font-size:1.3rem;margin-top:2rem;border-bottom:1px solid #bbb;padding-bottom:.2rem}h3{font-size:1.05rem}")
            .AppendLine("ul{padding-left:1.3rem}.meta{color:#444}.draft{border:2px dashed #333;padding:.5rem .8rem;font-weight:700;letter-spacing:.02em}")
            .AppendLine(".qa li{margin-bottom:.5rem}.qa .who{color:#444;font-size:.92em}a{color:#0b57a4}")
            .AppendLine("@page{margin:2cm}")
            .AppendLine("@media print{body{margin:0;max-width:none;font-size:11pt;color:#000}a{color:#000;text-decoration:underline}" +
                "a[href]::after{content:\" (\" attr(href) \")\";font-size:90%;word-break:break-all}" +
                "section.account-section{break-before:page}section.account-section.first{break-before:auto}" +
                "h2,h3{break-after:avoid}li{break-inside:avoid}.draft{border-color:#000}}")
            .AppendLine("</style>").AppendLine("</head><body>");
        h.Append("<header><h1>").Append(a.IsDraft ? "DRAFT: " : "").Append(E(a.Title)).AppendLine("</h1>");
        h.AppendLine(a.IsDraft ? $"<p class=\"draft\">{E(DraftLabel)}</p>" : $"<p class=\"meta\">{E(Standing(a))}</p>");
        h.Append("<p class=\"meta\">").Append(E(Subtitle(a))).AppendLine("</p></header>");
        var first = true;
        foreach (var s in a.Sections)
        {
            h.Append("<section class=\"account-section").Append(first ? " first" : "").Append("\" aria-labelledby=\"s-").Append(E(s.Key)).AppendLine("\">");
            h.Append("<h2 id=\"s-").Append(E(s.Key)).Append("\">").Append(E(s.Title)).AppendLine("</h2>");
            h.AppendLine(Platform.Markdown.ToHtml(Absolute(s.Markdown, baseUrl)));
            h.AppendLine("</section>");
            first = false;
        }
        if (a.Questions.Count > 0)
        {
            h.AppendLine("<section class=\"account-section qa\" aria-labelledby=\"s-questions\"><h2 id=\"s-questions\">Questions and answers</h2><ul>");
            foreach (var q in a.Questions)
            {
                h.Append("<li><span class=\"who\">").Append(E(Asked(q))).Append(":</span> ").Append(E(q.Text));
                if (q.Answers.Count > 0)
                {
                    h.Append("<ul>");
                    foreach (var answer in q.Answers)
                    {
                        h.Append("<li><span class=\"who\">").Append(E(Answered(answer))).Append(":</span> ").Append(E(answer.Text)).Append("</li>");
                    }
                    h.Append("</ul>");
                }
                h.AppendLine("</li>");
            }
            h.AppendLine("</ul></section>");
        }
        h.AppendLine("</body></html>");
        return h.ToString();
    }

    /// <summary>A Word document: title, standing (or DRAFT), then each section under a Heading 1 starting on a new page, then the
    /// questions and answers. Links are real hyperlinks to absolute addresses.</summary>
    public static byte[] Docx(AccountView a, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(a);
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = Styles();
            var body = new Body();
            main.Document = new Document(body);
            var writer = new DocxWriter(main, body, baseUrl);
            writer.Paragraph("Title", (a.IsDraft ? "DRAFT: " : "") + a.Title);
            if (a.IsDraft)
            {
                writer.Paragraph("Draft", DraftLabel);
            }
            else
            {
                writer.Paragraph(null, Standing(a));
            }
            writer.Paragraph(null, Subtitle(a));
            var first = true;
            foreach (var s in a.Sections)
            {
                writer.Heading(1, s.Title, pageBreakBefore: !first);
                writer.Markdown(Markdig.Markdown.Parse(Absolute(s.Markdown, baseUrl), Pipeline));
                first = false;
            }
            if (a.Questions.Count > 0)
            {
                writer.Heading(1, "Questions and answers", pageBreakBefore: true);
                foreach (var q in a.Questions)
                {
                    writer.Paragraph(null, Asked(q) + ": " + q.Text, indentLevel: 0, bulleted: true);
                    foreach (var answer in q.Answers)
                    {
                        writer.Paragraph(null, Answered(answer) + ": " + answer.Text, indentLevel: 1, bulleted: true);
                    }
                }
            }
            body.Append(new SectionProperties(new PageMargin { Top = 1134, Bottom = 1134, Left = 1134, Right = 1134, Header = 567, Footer = 567, Gutter = 0 }));
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static Styles Styles()
    {
        static Style Para(string id, string name, int halfPoints, bool bold, string? color = null)
        {
            var run = new StyleRunProperties(new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) });
            if (bold)
            {
                run.Append(new Bold());
            }
            if (color is not null)
            {
                run.Append(new W.Color { Val = color });
            }
            return new Style(new StyleName { Val = name }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" },
                new StyleParagraphProperties(new SpacingBetweenLines { Before = "240", After = "120" }, new KeepNext()), run)
            { Type = StyleValues.Paragraph, StyleId = id };
        }
        return new Styles(
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle(),
                new StyleParagraphProperties(new SpacingBetweenLines { After = "120", Line = "276", LineRule = LineSpacingRuleValues.Auto }),
                new StyleRunProperties(new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri" }, new FontSize { Val = "22" }))
            { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            Para("Title", "Title", 40, true),
            Para("Heading1", "heading 1", 32, true),
            Para("Heading2", "heading 2", 26, true),
            Para("Heading3", "heading 3", 23, true),
            Para("Draft", "Draft notice", 24, true, "7A1F1F"),
            new Style(new StyleName { Val = "Hyperlink" }, new StyleRunProperties(new W.Color { Val = "0B57A4" }, new Underline { Val = UnderlineValues.Single }))
            { Type = StyleValues.Character, StyleId = "Hyperlink" });
    }

    /// <summary>Writes Markdig blocks and inlines as Word paragraphs, runs and hyperlinks.</summary>
    private sealed class DocxWriter(MainDocumentPart main, Body body, string baseUrl)
    {
        public void Heading(int level, string text, bool pageBreakBefore)
        {
            var p = new W.Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = $"Heading{Math.Clamp(level, 1, 3)}" }));
            if (pageBreakBefore)
            {
                p.ParagraphProperties!.Append(new PageBreakBefore());
            }
            p.Append(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
            body.Append(p);
        }

        public void Paragraph(string? style, string text, int indentLevel = 0, bool bulleted = false)
        {
            var p = NewParagraph(style, indentLevel, bulleted);
            p.Append(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
            body.Append(p);
        }

        public void Markdown(MarkdownDocument document)
        {
            foreach (var block in document)
            {
                Block(block, 0, bulleted: false);
            }
        }

        private void Block(Block block, int level, bool bulleted)
        {
            switch (block)
            {
                case HeadingBlock heading:
                    // Sections are Heading 1 in the document; the "###" inside a section become Heading 2.
                    var h = new W.Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = $"Heading{Math.Clamp(heading.Level - 1, 2, 3)}" }));
                    Inlines(h, heading.Inline, bold: false, italic: false);
                    body.Append(h);
                    break;
                case ParagraphBlock paragraph:
                    var p = NewParagraph(null, level, bulleted);
                    Inlines(p, paragraph.Inline, bold: false, italic: false);
                    body.Append(p);
                    break;
                case ListBlock list:
                    foreach (var item in list.OfType<ListItemBlock>())
                    {
                        var firstChild = true;
                        foreach (var child in item)
                        {
                            Block(child, child is ListBlock ? level + 1 : level, bulleted: firstChild && child is not ListBlock);
                            firstChild = false;
                        }
                    }
                    break;
                case QuoteBlock quote:
                    foreach (var child in quote)
                    {
                        Block(child, level + 1, bulleted: false);
                    }
                    break;
                case LeafBlock leaf when leaf.Lines.Count > 0:
                    Paragraph(null, leaf.Lines.ToString(), level);
                    break;
                case ContainerBlock container:
                    foreach (var child in container)
                    {
                        Block(child, level, bulleted);
                    }
                    break;
                default:
                    break;
            }
        }

        private static W.Paragraph NewParagraph(string? style, int level, bool bulleted)
        {
            var properties = new ParagraphProperties();
            if (style is not null)
            {
                properties.Append(new ParagraphStyleId { Val = style });
            }
            if (level > 0 || bulleted)
            {
                var left = 360 * (level + (bulleted ? 1 : 0)) + (bulleted ? 0 : 360);
                properties.Append(new Indentation { Left = left.ToString(CultureInfo.InvariantCulture), Hanging = bulleted ? "240" : "0" });
            }
            var p = new W.Paragraph(properties);
            if (bulleted)
            {
                p.Append(new Run(new Text("• ") { Space = SpaceProcessingModeValues.Preserve }));
            }
            return p;
        }

        private void Inlines(OpenXmlElement parent, ContainerInline? container, bool bold, bool italic)
        {
            if (container is null)
            {
                return;
            }
            foreach (var inline in container)
            {
                switch (inline)
                {
                    case LiteralInline literal:
                        parent.Append(TextRun(literal.Content.ToString(), bold, italic));
                        break;
                    case CodeInline code:
                        parent.Append(TextRun(code.Content, bold, italic));
                        break;
                    case LineBreakInline:
                        parent.Append(new Run(new Break()));
                        break;
                    case EmphasisInline emphasis:
                        Inlines(parent, emphasis, bold || emphasis.DelimiterCount >= 2, italic || emphasis.DelimiterCount == 1);
                        break;
                    case LinkInline link when !link.IsImage:
                        Link(parent, link.Url, link, bold, italic);
                        break;
                    case AutolinkInline auto:
                        Link(parent, auto.Url, null, bold, italic, auto.Url);
                        break;
                    case ContainerInline inner:
                        Inlines(parent, inner, bold, italic);
                        break;
                    default:
                        break;
                }
            }
        }

        private void Link(OpenXmlElement parent, string? url, ContainerInline? label, bool bold, bool italic, string? text = null)
        {
            var address = url is not null && url.StartsWith('/') ? baseUrl.TrimEnd('/') + url : url;
            if (address is null || !Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https" or "mailto"))
            {
                if (label is not null)
                {
                    Inlines(parent, label, bold, italic);
                }
                else
                {
                    parent.Append(TextRun(text ?? "", bold, italic));
                }
                return;
            }
            var relationship = main.AddHyperlinkRelationship(uri, true);
            var hyperlink = new Hyperlink { Id = relationship.Id, History = true };
            if (label is not null)
            {
                Inlines(hyperlink, label, bold, italic);
            }
            else
            {
                hyperlink.Append(TextRun(text ?? address, bold, italic));
            }
            foreach (var run in hyperlink.Descendants<Run>())
            {
                run.RunProperties ??= new RunProperties();
                run.RunProperties.PrependChild(new RunStyle { Val = "Hyperlink" });
            }
            parent.Append(hyperlink);
        }

        private static Run TextRun(string text, bool bold, bool italic)
        {
            var run = new Run();
            if (bold || italic)
            {
                var properties = new RunProperties();
                if (bold)
                {
                    properties.Append(new Bold());
                }
                if (italic)
                {
                    properties.Append(new Italic());
                }
                run.Append(properties);
            }
            run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
            return run;
        }
    }
}
