using LearningStack.Web.Platform;

namespace LearningStack.Tests.Platform;

public sealed class MarkdownTests
{
    [Theory]
    [InlineData("<script>alert('x')</script>")]
    [InlineData("Before <SCRIPT src=\"https://evil.example/x.js\"></SCRIPT> after")]
    [InlineData("Text\n\n<script>\nalert(1)\n</script>")]
    public void ToHtml_ScriptTag_IsEscapedAsText(string text)
    {
        var html = Markdown.ToHtml(text);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("[click me](javascript:alert(1))")]
    [InlineData("[click me](JavaScript:alert(1))")]
    [InlineData("[click me](java&#9;script:alert(1))")]
    [InlineData("[click me](  javascript:alert(1)  )")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("[click me][ref]\n\n[ref]: javascript:alert(1)")]
    [InlineData("![picture](javascript:alert(1))")]
    [InlineData("[click me](vbscript:msgbox(1))")]
    [InlineData("[click me](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    public void ToHtml_ScriptLink_LosesItsAddress(string text)
    {
        var html = Markdown.ToHtml(text);

        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("vbscript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Matches("(href|src)=\"#\"", html);
    }

    [Theory]
    [InlineData("<img src=x onerror=alert(1)>", "&lt;img")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>", "&lt;a")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>", "&lt;iframe")]
    [InlineData("Hello <b onmouseover=\"alert(1)\">world</b>", "&lt;b")]
    [InlineData("<div>\n<style>body{display:none}</style>\n</div>", "&lt;div")]
    public void ToHtml_RawHtml_IsEscapedNotRendered(string text, string escaped)
    {
        var html = Markdown.ToHtml(text);

        Assert.Contains(escaped, html, StringComparison.Ordinal);
        Assert.DoesNotMatch("<(img|a|iframe|b|div|style)[\\s>]", html);
    }

    [Theory]
    [InlineData("[guide](https://example.org/guide?a=1)", "href=\"https://example.org/guide?a=1\"")]
    [InlineData("[stack](/networks/abc)", "href=\"/networks/abc\"")]
    [InlineData("[mail](mailto:team@example.org)", "href=\"mailto:team@example.org\"")]
    [InlineData("see https://example.org", "href=\"https://example.org\"")]
    public void ToHtml_SafeLink_KeepsItsAddress(string text, string expected)
    {
        Assert.Contains(expected, Markdown.ToHtml(text), StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_EmphasisAndLineBreaks_Rendered()
    {
        var html = Markdown.ToHtml("**Lesson:** help with the *immediate* need first\nthen listen");

        Assert.Contains("<strong>Lesson:</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<em>immediate</em>", html, StringComparison.Ordinal);
        Assert.Contains("<br", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n ")]
    public void ToHtml_NoText_ReturnsEmpty(string? text)
    {
        Assert.Equal(string.Empty, Markdown.ToHtml(text));
    }
}
