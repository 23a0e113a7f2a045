using System.Globalization;
using System.Net;
using System.Text;

namespace LearningStack.Web.Features.SenseMaking;

/// <summary>A session record as Markdown and as a standalone printable HTML page. People's text is escaped in both.</summary>
public static class SessionRecordExport
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>"session-2026-03-12-team-sense-making" (no extension).</summary>
    public static string FileName(SessionRecord r)
    {
        var slug = new StringBuilder();
        foreach (var ch in r.Title.ToLowerInvariant())
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
        if (text.Length > 50)
        {
            text = text[..50].Trim('-');
        }
        return $"session-{r.StartsAt:yyyy-MM-dd}" + (text.Length > 0 ? "-" + text : "");
    }

    /// <summary>Escapes characters Markdown would read as formatting, and keeps the text on one line.</summary>
    public static string EscapeMarkdown(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var sb = new StringBuilder(text.Length + 8);
        foreach (var ch in text.ReplaceLineEndings(" "))
        {
            if (ch is '\\' or '`' or '*' or '_' or '{' or '}' or '[' or ']' or '<' or '>' or '(' or ')' or '#' or '+' or '-' or '!' or '|' or '~')
            {
                sb.Append('\\');
            }
            sb.Append(ch);
        }
        return sb.ToString();
    }

    private static string Kind(RecordCard c) => c.Kind switch
    {
        InsightKind.Eureka => " (eureka)",
        InsightKind.SlowReveal => " (slow reveal)",
        _ => "",
    };

    public static string Markdown(SessionRecord r)
    {
        var md = new StringBuilder();
        md.Append("# ").AppendLine(EscapeMarkdown(r.Title)).AppendLine();
        md.Append("Sense-making session of **").Append(EscapeMarkdown(r.CycleName)).Append("** (").Append(EscapeMarkdown(r.NetworkName)).AppendLine(")").AppendLine();
        md.Append("- When: ").AppendLine(SessionText.When(r.StartsAt));
        if (r.Place is not null)
        {
            md.Append("- Where: ").AppendLine(EscapeMarkdown(r.Place));
        }
        if (r.CallLink is not null)
        {
            md.Append("- Call: <").Append(r.CallLink.Replace(">", "%3E", StringComparison.Ordinal)).AppendLine(">");
        }
        if (r.FacilitatorName is not null)
        {
            md.Append("- Facilitated by: ").AppendLine(EscapeMarkdown(r.FacilitatorName));
        }
        md.Append("- State: ").AppendLine(SessionText.StateLabel(r.State));
        if (r.Purpose is not null)
        {
            md.AppendLine().Append("Purpose: ").AppendLine(EscapeMarkdown(r.Purpose));
        }

        md.AppendLine().AppendLine("## Participants and voices").AppendLine();
        if (r.Participants.Count == 0)
        {
            md.AppendLine("No participants were recorded.");
        }
        foreach (var p in r.Participants)
        {
            md.Append("- ").Append(EscapeMarkdown(p.Name));
            if (p.Role is not null && p.Role != p.Name)
            {
                md.Append(", ").Append(EscapeMarkdown(p.Role));
            }
            md.Append(" — ").AppendLine(p.VoiceLabel);
        }

        if (r.Materials.Count > 0)
        {
            md.AppendLine().AppendLine("## Reviewed").AppendLine();
            foreach (var m in r.Materials)
            {
                md.Append("- ").Append(m.KindLabel).Append(": ").AppendLine(EscapeMarkdown(m.Title));
            }
        }

        md.AppendLine().AppendLine("## Insights by theme").AppendLine();
        if (r.IsEmpty)
        {
            md.AppendLine("No insights were recorded.");
        }
        foreach (var theme in r.Themes.Where(t => t.Cards.Count > 0))
        {
            md.Append("### ").AppendLine(EscapeMarkdown(theme.Title)).AppendLine();
            foreach (var c in theme.Cards)
            {
                md.Append("- ").Append(EscapeMarkdown(c.Text)).Append(Kind(c)).Append(" — ").AppendLine(EscapeMarkdown(c.AuthorName));
            }
            md.AppendLine();
        }

        md.AppendLine("## Decisions").AppendLine();
        if (r.Decisions.Count == 0)
        {
            md.AppendLine("No decisions were recorded.");
        }
        foreach (var d in r.Decisions)
        {
            md.Append("- ").AppendLine(EscapeMarkdown(d.Text));
        }

        md.AppendLine().AppendLine("## Issues raised").AppendLine();
        if (r.Issues.Count == 0)
        {
            md.AppendLine("No issues were raised.");
        }
        foreach (var i in r.Issues)
        {
            md.Append("- #").Append(i.Number.ToString(CultureInfo.InvariantCulture)).Append(' ').AppendLine(EscapeMarkdown(i.Description));
        }
        return md.ToString();
    }

    public static string Html(SessionRecord r)
    {
        static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        var h = new StringBuilder();
        h.AppendLine("<!DOCTYPE html>").AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .AppendLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(E(r.Title)).AppendLine(" — session record</title>")
            .AppendLine("<style>body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f;line-height:1.5}" +
                "h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:1.8rem;border-bottom:1px solid #ccc}h3{font-size:1.05rem}" +
                "ul{padding-left:1.2rem}.meta{color:#444}.kind{font-style:italic}.by{color:#555}" +
                "@media print{body{margin:0;max-width:none}h2{break-after:avoid}li{break-inside:avoid}}</style>")
            .AppendLine("</head><body>");
        h.Append("<h1>").Append(E(r.Title)).AppendLine("</h1>");
        h.Append("<p class=\"meta\">Sense-making session of <strong>").Append(E(r.CycleName)).Append("</strong> (").Append(E(r.NetworkName)).AppendLine(")</p>");
        h.AppendLine("<ul class=\"meta\">");
        h.Append("<li>When: ").Append(E(SessionText.When(r.StartsAt))).AppendLine("</li>");
        if (r.Place is not null)
        {
            h.Append("<li>Where: ").Append(E(r.Place)).AppendLine("</li>");
        }
        if (r.CallLink is not null)
        {
            h.Append("<li>Call: ").Append(E(r.CallLink)).AppendLine("</li>");
        }
        if (r.FacilitatorName is not null)
        {
            h.Append("<li>Facilitated by: ").Append(E(r.FacilitatorName)).AppendLine("</li>");
        }
        h.Append("<li>State: ").Append(E(SessionText.StateLabel(r.State))).AppendLine("</li></ul>");
        if (r.Purpose is not null)
        {
            h.Append("<p>Purpose: ").Append(E(r.Purpose)).AppendLine("</p>");
        }
        h.AppendLine("<h2>Participants and voices</h2>");
        if (r.Participants.Count == 0)
        {
            h.AppendLine("<p>No participants were recorded.</p>");
        }
        else
        {
            h.AppendLine("<ul>");
            foreach (var p in r.Participants)
            {
                h.Append("<li>").Append(E(p.Name));
                if (p.Role is not null && p.Role != p.Name)
                {
                    h.Append(", ").Append(E(p.Role));
                }
                h.Append(" — ").Append(E(p.VoiceLabel)).AppendLine("</li>");
            }
            h.AppendLine("</ul>");
        }
        if (r.Materials.Count > 0)
        {
            h.AppendLine("<h2>Reviewed</h2><ul>");
            foreach (var m in r.Materials)
            {
                h.Append("<li>").Append(E(m.KindLabel)).Append(": ").Append(E(m.Title)).AppendLine("</li>");
            }
            h.AppendLine("</ul>");
        }
        h.AppendLine("<h2>Insights by theme</h2>");
        if (r.IsEmpty)
        {
            h.AppendLine("<p>No insights were recorded.</p>");
        }
        foreach (var theme in r.Themes.Where(t => t.Cards.Count > 0))
        {
            h.Append("<h3>").Append(E(theme.Title)).AppendLine("</h3><ul>");
            foreach (var c in theme.Cards)
            {
                h.Append("<li>").Append(E(c.Text));
                if (c.Kind != InsightKind.None)
                {
                    h.Append(" <span class=\"kind\">(").Append(E(SessionText.KindLabel(c.Kind).ToLower(English))).Append(")</span>");
                }
                h.Append(" <span class=\"by\">— ").Append(E(c.AuthorName)).AppendLine("</span></li>");
            }
            h.AppendLine("</ul>");
        }
        h.AppendLine("<h2>Decisions</h2>");
        h.AppendLine(r.Decisions.Count == 0 ? "<p>No decisions were recorded.</p>" : "<ul>" + string.Concat(r.Decisions.Select(d => $"<li>{E(d.Text)}</li>")) + "</ul>");
        h.AppendLine("<h2>Issues raised</h2>");
        h.AppendLine(r.Issues.Count == 0 ? "<p>No issues were raised.</p>"
            : "<ul>" + string.Concat(r.Issues.Select(i => $"<li>#{i.Number.ToString(CultureInfo.InvariantCulture)} {E(i.Description)}</li>")) + "</ul>");
        h.AppendLine("</body></html>");
        return h.ToString();
    }
}
