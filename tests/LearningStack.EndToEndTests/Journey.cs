using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace LearningStack.EndToEndTests;

/// <summary>Steps shared by the journeys: sign in, check accessibility, take a screenshot.</summary>
public static class Journey
{
    public const string DemoPassword = "Learning-demo-2026";

    public static readonly int[] Widths = [1280, 360];

    public static async Task<IPage> NewPageAsync(BrowserApp app, int width)
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        return page;
    }

    /// <summary>Signs in with a demo account and waits for the home page's heading (the resident lands on "Your own file").</summary>
    public static async Task SignInAsync(IPage page, string email, string landingHeading = "Your networks")
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = landingHeading })).ToBeVisibleAsync();
    }

    /// <summary>Runs axe-core with the WCAG 2.2 A/AA rules and fails on any violation, naming each.</summary>
    public static async Task AssertAccessibleAsync(IPage page, string what)
    {
        // Measure the page at rest, not a frame halfway between two states: a button just clicked fades to its hover
        // colours over 0.15 s, and axe scrolls elements into view to check contrast, which moves the page under the
        // pointer and starts new hover fades. So take the pointer to the empty top-left corner and let finite CSS
        // transitions end first.
        await page.Mouse.MoveAsync(0, 0);
        // An animation that is paused, or never ticks in a background tab, would never finish: wait at most two seconds.
        await page.EvaluateAsync("""
            () => Promise.race([
                Promise.all(document.getAnimations()
                    .filter(a => a.playState === 'running' && a.effect?.getComputedTiming().endTime !== Infinity)
                    .map(a => a.finished.catch(() => null))),
                new Promise(resolve => setTimeout(resolve, 2000)),
            ])
            """);
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        });
        var problems = result.Violations
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(Describe))}")
            .ToList();
        Assert.True(problems.Count == 0, $"Accessibility violations on {what}:\n" + string.Join("\n", problems));
    }

    /// <summary>Where a violation is and what the check found there, e.g. the two colours and their contrast.</summary>
    private static string Describe(AxeResultNode node)
    {
        var found = (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []).Select(check => check.Message).Where(m => !string.IsNullOrEmpty(m)).FirstOrDefault();
        return string.Join(" ", node.Target) + (found is null ? "" : $" ({found})");
    }

    /// <summary>The page fits the screen's width: wide tables scroll inside their own box, the page does not scroll sideways.
    /// On failure, names what reaches past the right edge outside any scroller, and the scrollers' sizes, so the cause is in the message.</summary>
    public static async Task AssertNoSidewaysScrollAsync(IPage page, string what)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        if (widths[0] <= widths[1])
        {
            return;
        }
        var culprits = await page.EvaluateAsync<string[]>("""
            () => {
                const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\s+/).join('.') : '');
                const edge = document.documentElement.clientWidth + 1;
                const unclipped = e => { for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) { if (getComputedStyle(a).overflowX !== 'visible') return false; } return true; };
                return [...document.body.querySelectorAll('*')]
                    .filter(e => e.getBoundingClientRect().right > edge && (unclipped(e) || getComputedStyle(e).position === 'absolute'))
                    .slice(0, 8)
                    .map(e => name(e) + ' (' + getComputedStyle(e).position + ', right edge ' + Math.round(e.getBoundingClientRect().right) + ' px)');
            }
            """);
        Assert.Fail($"{what} is {widths[0]} px wide on a {widths[1]} px screen, so it scrolls sideways. Reaching past the edge: {string.Join(", ", culprits)}");
    }

    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserApp.ScreenshotFolder, name + ".png"), FullPage = true });
}
