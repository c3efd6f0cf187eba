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

    /// <summary>
    /// Real pages nest a few dozen elements deep. AngleSharp caps its tree at 512 levels and then
    /// parses in quadratic time, so a page nested deeper (an HTML bomb) is refused before parsing.
    /// </summary>
    private const int MaxDepth = 512;

    /// <summary>Void elements, and elements whose end tag may be left out: they do not deepen a real page.</summary>
    private static readonly HashSet<string> NoEndTag = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param", "keygen",
        "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup", "rb", "rt", "rp", "colgroup",
        "caption", "html", "head", "body",
    };

    public static List<TextBlock> Read(Stream stream)
    {
        string html;
        using (var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true))
        {
            html = reader.ReadToEnd();
        }

        CheckDepth(html);
        var parser = new HtmlParser();
        using IHtmlDocument document = parser.ParseDocument(html);
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

    /// <summary>A linear scan of the tags, counting how deep start tags without their end tags go.</summary>
    private static void CheckDepth(string html)
    {
        int depth = 0;
        int i = 0;
        while ((i = html.IndexOf('<', i)) >= 0)
        {
            int end = html.IndexOf('>', i + 1);
            if (end < 0)
            {
                return;
            }

            ReadOnlySpan<char> tag = html.AsSpan(i + 1, end - i - 1);
            i = end + 1;
            if (tag.IsEmpty || tag[0] is '!' or '?')
            {
                continue;
            }

            bool closing = tag[0] == '/';
            ReadOnlySpan<char> name = closing ? tag[1..] : tag;
            int stop = name.IndexOfAny(" \t\r\n/");
            string element = (stop < 0 ? name : name[..stop]).ToString();
            if (NoEndTag.Contains(element) || (!closing && tag[^1] == '/'))
            {
                continue;
            }

            if (!closing && (element.Equals("script", StringComparison.OrdinalIgnoreCase) || element.Equals("style", StringComparison.OrdinalIgnoreCase)))
            {
                // Their content is text, not markup: skip to the end tag.
                int close = html.IndexOf("</" + element, i, StringComparison.OrdinalIgnoreCase);
                i = close < 0 ? html.Length : close;
                continue;
            }

            depth = closing ? Math.Max(0, depth - 1) : depth + 1;
            if (depth > MaxDepth)
            {
                throw new InvalidDataException($"elements are nested more than {MaxDepth:N0} deep (an HTML bomb?)");
            }
        }
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
