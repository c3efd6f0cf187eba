using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace R2P.Classify.Documents;

/// <summary>
/// Reads the paragraphs of a web page: the text of its block elements (paragraphs, headings, list
/// items, cells...), after removing what is not the page's text: scripts and styles, navigation,
/// the site's header and footer, sidebars, forms, and cookie or consent banners.
/// </summary>
internal static class HtmlTextReader
{
    private const string NotText = "script, style, noscript, template, iframe, object, svg, canvas, nav, aside, form, button, select, dialog, "
        + "[role=navigation], [role=banner], [role=contentinfo], [role=search], [role=dialog], [role=alertdialog], [aria-hidden=true], [hidden]";

    /// <summary>Words in an id or class that mark page furniture rather than content.</summary>
    private static readonly string[] FurnitureWords =
        ["cookie", "consent", "gdpr", "banner", "navbar", "navigation", "menu", "breadcrumb", "sidebar", "footer", "share", "social", "skip-link", "newsletter", "subscribe", "popup", "modal"];

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "section", "article", "main",
        "header", "footer", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "pre", "figure", "figcaption", "address", "hr", "body",
    };

    public static List<TextBlock> Read(Stream stream)
    {
        var parser = new HtmlParser();
        using IHtmlDocument document = parser.ParseDocument(stream);
        foreach (IElement element in document.QuerySelectorAll(NotText).ToArray())
        {
            element.Remove();
        }

        foreach (IElement element in document.All.Where(IsFurniture).ToArray())
        {
            element.Remove();
        }

        var blocks = new List<TextBlock>();
        if (document.Body is { } root)
        {
            var text = new StringBuilder();
            Visit(root, text, blocks, heading: false);
            Flush(text, blocks, heading: false);
        }

        return blocks;
    }

    private static bool IsFurniture(IElement element)
    {
        if (element.LocalName is "html" or "body" or "main" or "article")
        {
            return false;
        }

        bool inContent = element.Closest("article, main") is not null;

        // The site's own header and footer; an article's header (its title) is text.
        if (element.LocalName is "header" or "footer")
        {
            return !inContent;
        }

        string marks = $"{element.Id} {element.ClassName}".ToLowerInvariant();
        if (marks.Contains("cookie", StringComparison.Ordinal) || marks.Contains("consent", StringComparison.Ordinal))
        {
            return true;
        }

        return !inContent && FurnitureWords.Any(w => marks.Contains(w, StringComparison.Ordinal));
    }

    private static void Visit(INode node, StringBuilder text, List<TextBlock> blocks, bool heading)
    {
        foreach (INode child in node.ChildNodes)
        {
            if (child is IText t)
            {
                text.Append(t.Data);
            }
            else if (child is IElement element)
            {
                if (element.LocalName == "br")
                {
                    text.Append('\n');
                    continue;
                }

                bool isBlock = Blocks.Contains(element.LocalName);
                bool isHeading = heading || element.LocalName is "h1" or "h2" or "h3" or "h4" or "h5" or "h6";
                if (isBlock)
                {
                    Flush(text, blocks, heading);
                }

                Visit(element, text, blocks, isHeading);
                if (isBlock)
                {
                    Flush(text, blocks, isHeading);
                }
            }
        }
    }

    /// <summary>Ends the current block: white space collapsed as a browser does, line breaks from &lt;br&gt; kept.</summary>
    private static void Flush(StringBuilder text, List<TextBlock> blocks, bool heading)
    {
        if (text.Length == 0)
        {
            return;
        }

        string[] lines = text.ToString().Split('\n').Select(ParagraphRepair.NormalizeSpace).Where(l => l.Length > 0).ToArray();
        text.Clear();
        if (lines.Length > 0)
        {
            blocks.Add(new TextBlock(string.Join('\n', lines), Heading: heading));
        }
    }
}
