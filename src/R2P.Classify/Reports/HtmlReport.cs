using System.Globalization;
using System.Text;

namespace R2P.Classify;

/// <summary>
/// Writes classified documents as one self-contained HTML page (no network: styles, script and charts
/// are inline): each document's paragraphs highlighted by pillar with a badge per theme and the label
/// scores on hover, a profile chart per document (inline SVG), and for several documents a comparison
/// table and chart. Right-to-left paragraphs render right to left.
/// </summary>
public static class HtmlReport
{
    private const string DefaultTitle = "R2P.Classify report";

    /// <summary>Colours of the three pillars, and of the themes in label-set order.</summary>
    private static readonly string[] PillarColours = ["#1f5fa8", "#2e8b57", "#c0392b"];
    private static readonly string[] ThemeColours =
        ["#7b3fa0", "#8c564b", "#d35400", "#16a085", "#b8860b", "#2980b9", "#c2185b", "#5d6d7e", "#6d4c41", "#00897b", "#ad1457", "#37474f"];

    /// <summary>Writes the report to a file atomically: readers see the old file or the whole new one.</summary>
    /// <param name="path">The file to write (created or replaced).</param>
    /// <param name="documents">The documents, in the order to show them.</param>
    /// <param name="title">The page's title.</param>
    public static void WriteFile(string path, IReadOnlyList<ClassifiedDocument> documents, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(documents);
        AtomicFile.Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true);
            Write(writer, documents, title);
        });
    }

    /// <summary>Writes the report to <paramref name="writer"/>.</summary>
    /// <param name="writer">Where to write the HTML.</param>
    /// <param name="documents">The documents, in the order to show them.</param>
    /// <param name="title">The page's title.</param>
    public static void Write(TextWriter writer, IReadOnlyList<ClassifiedDocument> documents, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(documents);
        LabelSet labels = documents.Count > 0 ? documents[0].Labels : LabelSet.V1;
        Dictionary<string, string> colours = Colours(labels);
        var html = new StringBuilder();
        title ??= DefaultTitle;
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Escape(title)).Append("</title>\n<style>").Append(Css).Append("</style>\n</head>\n<body>\n")
            .Append("<header><h1>").Append(Escape(title)).Append("</h1>\n<p class=\"meta\">")
            .Append(documents.Count.ToString(CultureInfo.InvariantCulture)).Append(" document(s), ")
            .Append(documents.Sum(d => d.Paragraphs.Count).ToString(CultureInfo.InvariantCulture))
            .Append(" paragraph(s). Paragraphs are coloured by their strongest pillar; themes are badges; hover a paragraph for its scores; click a label to show only its paragraphs.</p>\n");
        Legend(html, labels, colours);
        html.Append("</header>\n<main>\n");

        if (documents.Count > 1)
        {
            Comparison(html, documents, labels, colours);
        }

        for (int d = 0; d < documents.Count; d++)
        {
            Document(html, documents[d], d, colours);
        }

        html.Append("</main>\n<script>").Append(Script).Append("</script>\n</body>\n</html>\n");
        writer.Write(html.ToString());
    }

    private static Dictionary<string, string> Colours(LabelSet labels)
    {
        var colours = new Dictionary<string, string>(StringComparer.Ordinal);
        int pillar = 0, theme = 0;
        foreach (LabelDefinition label in labels)
        {
            colours[label.Id] = label.Kind == LabelKind.Pillar
                ? PillarColours[pillar++ % PillarColours.Length]
                : ThemeColours[theme++ % ThemeColours.Length];
        }

        return colours;
    }

    private static void Legend(StringBuilder html, LabelSet labels, Dictionary<string, string> colours)
    {
        html.Append("<nav class=\"legend\" aria-label=\"labels\">");
        foreach (LabelDefinition label in labels)
        {
            html.Append("<button type=\"button\" class=\"badge ").Append(label.Kind == LabelKind.Pillar ? "pillar" : "theme")
                .Append("\" data-label=\"").Append(Escape(label.Id)).Append("\" style=\"--c:").Append(colours[label.Id]).Append("\" title=\"")
                .Append(Escape(label.Name)).Append("\">").Append(Escape(label.Id)).Append("</button>");
        }

        html.Append("</nav>\n");
    }

    private static void Comparison(StringBuilder html, IReadOnlyList<ClassifiedDocument> documents, LabelSet labels, Dictionary<string, string> colours)
    {
        html.Append("<section class=\"comparison\"><h2>Comparison</h2>\n");
        HeatmapSvg(html, documents, labels, colours);
        html.Append("<table class=\"compare\"><caption>Share of paragraphs given each label (mean score in brackets)</caption>\n<thead><tr><th>label</th>");
        for (int d = 0; d < documents.Count; d++)
        {
            html.Append("<th><a href=\"#doc-").Append(d + 1).Append("\">").Append(Escape(ShortName(documents[d].Source))).Append("</a></th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        for (int l = 0; l < labels.Count; l++)
        {
            html.Append("<tr><th><span class=\"swatch\" style=\"background:").Append(colours[labels[l].Id]).Append("\"></span>").Append(Escape(labels[l].Id)).Append("</th>");
            foreach (ClassifiedDocument document in documents)
            {
                LabelShare share = document.Profile.Labels[l];
                html.Append("<td>").Append(Percent(share.Share)).Append(" <small>(").Append(Number(share.MeanScore)).Append(")</small></td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody></table></section>\n");
    }

    /// <summary>Labels down, documents across, each cell as dark as the share of the document's paragraphs given the label.</summary>
    private static void HeatmapSvg(StringBuilder html, IReadOnlyList<ClassifiedDocument> documents, LabelSet labels, Dictionary<string, string> colours)
    {
        const int LabelWidth = 190, Cell = 34, Row = 20, Top = 22;
        int width = LabelWidth + (documents.Count * Cell) + 10;
        int height = Top + (labels.Count * Row) + 10;
        html.Append("<svg class=\"chart heatmap\" role=\"img\" aria-label=\"Label share by document\" width=\"").Append(width).Append("\" height=\"").Append(height)
            .Append("\" viewBox=\"0 0 ").Append(width).Append(' ').Append(height).Append("\" xmlns=\"http://www.w3.org/2000/svg\">");
        for (int d = 0; d < documents.Count; d++)
        {
            html.Append("<text x=\"").Append(LabelWidth + (d * Cell) + (Cell / 2)).Append("\" y=\"15\" text-anchor=\"middle\" class=\"axis\">").Append(d + 1).Append("</text>");
        }

        for (int l = 0; l < labels.Count; l++)
        {
            int y = Top + (l * Row);
            html.Append("<text x=\"").Append(LabelWidth - 6).Append("\" y=\"").Append(y + 14).Append("\" text-anchor=\"end\" class=\"axis\">").Append(Escape(labels[l].Id)).Append("</text>");
            for (int d = 0; d < documents.Count; d++)
            {
                LabelShare share = documents[d].Profile.Labels[l];
                html.Append("<rect x=\"").Append(LabelWidth + (d * Cell) + 1).Append("\" y=\"").Append(y + 1).Append("\" width=\"").Append(Cell - 2).Append("\" height=\"").Append(Row - 2)
                    .Append("\" fill=\"").Append(colours[labels[l].Id]).Append("\" fill-opacity=\"").Append(Number(0.06f + (0.94f * share.Share)))
                    .Append("\"><title>").Append(Escape($"{ShortName(documents[d].Source)} · {labels[l].Id}: {Percent(share.Share)} of paragraphs, mean score {Number(share.MeanScore)}"))
                    .Append("</title></rect>");
            }
        }

        html.Append("</svg>\n");
    }

    private static void Document(StringBuilder html, ClassifiedDocument document, int index, Dictionary<string, string> colours)
    {
        DocumentProfile profile = document.Profile;
        html.Append("<section class=\"document\" id=\"doc-").Append(index + 1).Append("\">\n<h2><span class=\"n\">").Append(index + 1).Append("</span> ")
            .Append(Escape(document.Source)).Append("</h2>\n<p class=\"meta\">").Append(profile.ParagraphCount.ToString(CultureInfo.InvariantCulture))
            .Append(" paragraph(s); languages: ")
            .Append(Escape(string.Join(", ", profile.Languages.OrderByDescending(l => l.Value).Select(l => $"{l.Key} {l.Value}"))))
            .Append("</p>\n<div class=\"profile\">");
        ProfileSvg(html, profile, colours);
        html.Append("</div>\n<ol class=\"paragraphs\">\n");
        foreach (ClassifiedSourceParagraph item in document.Paragraphs)
        {
            Paragraph(html, item, colours);
        }

        html.Append("</ol>\n</section>\n");
    }

    /// <summary>One bar per label: its length the share of paragraphs given the label, a tick at the label's mean score.</summary>
    private static void ProfileSvg(StringBuilder html, DocumentProfile profile, Dictionary<string, string> colours)
    {
        const int LabelWidth = 190, BarWidth = 360, Row = 20, Top = 24;
        int width = LabelWidth + BarWidth + 110;
        int height = Top + (profile.Labels.Count * Row) + 8;
        html.Append("<svg class=\"chart profile-chart\" role=\"img\" aria-label=\"Document profile\" width=\"").Append(width).Append("\" height=\"").Append(height)
            .Append("\" viewBox=\"0 0 ").Append(width).Append(' ').Append(height).Append("\" xmlns=\"http://www.w3.org/2000/svg\">")
            .Append("<text x=\"").Append(LabelWidth).Append("\" y=\"14\" class=\"axis\">bar: share of paragraphs · tick: mean score</text>");
        for (int l = 0; l < profile.Labels.Count; l++)
        {
            LabelShare share = profile.Labels[l];
            int y = Top + (l * Row);
            double bar = Math.Round(BarWidth * share.Share, 1);
            double tick = Math.Round(LabelWidth + (BarWidth * share.MeanScore), 1);
            html.Append("<g class=\"").Append(share.Kind == LabelKind.Pillar ? "pillar" : "theme").Append("\">")
                .Append("<text x=\"").Append(LabelWidth - 6).Append("\" y=\"").Append(y + 13).Append("\" text-anchor=\"end\" class=\"axis\">").Append(Escape(share.Label)).Append("</text>")
                .Append("<rect x=\"").Append(LabelWidth).Append("\" y=\"").Append(y + 2).Append("\" width=\"").Append(BarWidth).Append("\" height=\"").Append(Row - 6).Append("\" class=\"track\"/>")
                .Append("<rect x=\"").Append(LabelWidth).Append("\" y=\"").Append(y + 2).Append("\" width=\"").Append(bar.ToString(CultureInfo.InvariantCulture)).Append("\" height=\"").Append(Row - 6)
                .Append("\" fill=\"").Append(colours[share.Label]).Append("\" class=\"bar\"><title>")
                .Append(Escape($"{share.Label}: {share.Paragraphs} paragraph(s), {Percent(share.Share)}; mean score {Number(share.MeanScore)}")).Append("</title></rect>")
                .Append("<line x1=\"").Append(tick.ToString(CultureInfo.InvariantCulture)).Append("\" x2=\"").Append(tick.ToString(CultureInfo.InvariantCulture))
                .Append("\" y1=\"").Append(y).Append("\" y2=\"").Append(y + Row - 2).Append("\" class=\"mean\"/>")
                .Append("<text x=\"").Append(LabelWidth + BarWidth + 8).Append("\" y=\"").Append(y + 13).Append("\" class=\"value\">")
                .Append(Percent(share.Share)).Append(" · ").Append(Number(share.MeanScore)).Append("</text></g>");
        }

        html.Append("</svg>");
    }

    private static void Paragraph(StringBuilder html, ClassifiedSourceParagraph item, Dictionary<string, string> colours)
    {
        SourceParagraph paragraph = item.Paragraph;
        ParagraphClassification classification = item.Classification;
        LabelScore? pillar = classification.Pillars.Cast<LabelScore?>().FirstOrDefault();
        string language = classification.Language;
        html.Append("<li class=\"paragraph").Append(pillar is null ? "" : " has-pillar").Append("\" value=\"").Append(paragraph.Number)
            .Append("\" data-labels=\"").Append(Escape(string.Join(' ', classification.Labels.Select(l => l.Label)))).Append('"');
        if (pillar is { } p)
        {
            html.Append(" style=\"--c:").Append(colours[p.Label]).Append('"');
        }

        html.Append(">\n<div class=\"badges\"><span class=\"where\">¶").Append(paragraph.Number);
        if (paragraph.Page is int page)
        {
            html.Append(" · p.").Append(page);
        }

        html.Append(" · ").Append(Escape(language)).Append("</span>");
        foreach (LabelScore label in classification.Labels)
        {
            html.Append("<span class=\"badge ").Append(label.Kind == LabelKind.Pillar ? "pillar" : "theme").Append("\" style=\"--c:").Append(colours[label.Label]).Append("\">")
                .Append(Escape(label.Label)).Append(' ').Append(Number(label.Score)).Append("</span>");
        }

        // Right-to-left languages are set right to left; anything else follows its own first strong character.
        string direction = language == "ar" ? "rtl" : "auto";
        string htmlLanguage = language == "other" ? "" : $" lang=\"{language}\"";
        html.Append("</div>\n<p dir=\"").Append(direction).Append('"').Append(htmlLanguage).Append('>').Append(Escape(paragraph.Text).ReplaceLineEndings("<br>")).Append("</p>\n");
        Why(html, classification);
        html.Append("</li>\n");
    }

    /// <summary>
    /// What shows on hover: for each label given, the spans of text that raised its score most (evidence);
    /// for a paragraph with no label, its best scores.
    /// </summary>
    private static void Why(StringBuilder html, ParagraphClassification classification)
    {
        if (classification.Evidence.Count > 0)
        {
            html.Append("<div class=\"why\" data-kind=\"evidence\">");
            foreach (LabelEvidence evidence in classification.Evidence)
            {
                html.Append("<div><b>").Append(Escape(evidence.Label)).Append("</b> ");
                foreach (Evidence span in evidence.Spans)
                {
                    html.Append("<span>«").Append(Escape(span.Text)).Append("» +").Append(Number(span.Weight)).Append("</span> ");
                }

                html.Append("</div>");
            }

            html.Append("</div>\n");
            return;
        }

        html.Append("<div class=\"why\" data-kind=\"scores\"><b>scores</b> ");
        foreach (LabelScore score in classification.Scores.OrderByDescending(s => s.Score).Take(6))
        {
            html.Append("<span>").Append(Escape(score.Label)).Append(' ').Append(Number(score.Score)).Append("</span> ");
        }

        html.Append("</div>\n");
    }

    private static string ShortName(string source)
    {
        string name = Path.GetFileName(source);
        return name.Length == 0 ? source : name;
    }

    private static string Percent(float share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    private static string Number(float value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            _ = c switch
            {
                '&' => escaped.Append("&amp;"),
                '<' => escaped.Append("&lt;"),
                '>' => escaped.Append("&gt;"),
                '"' => escaped.Append("&quot;"),
                '\'' => escaped.Append("&#39;"),
                _ => escaped.Append(c),
            };
        }

        return escaped.ToString();
    }

    private const string Css = """

        :root { font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Naskh Arabic", sans-serif; color: #1d2330; background: #f7f8fa; }
        body { margin: 0 auto; max-width: 1100px; padding: 1rem 1.5rem 3rem; line-height: 1.5; }
        h1 { font-size: 1.5rem; margin: .5rem 0; } h2 { font-size: 1.15rem; margin: 1.5rem 0 .3rem; word-break: break-all; }
        .meta { color: #5a6475; margin: .2rem 0 .6rem; font-size: .9rem; }
        .legend { display: flex; flex-wrap: wrap; gap: .3rem; margin-bottom: 1rem; }
        .badge { display: inline-block; border-radius: 999px; padding: 0 .55rem; font-size: .78rem; line-height: 1.5rem; white-space: nowrap; border: 1px solid var(--c); color: var(--c); background: #fff; font-family: inherit; }
        .badge.pillar { background: var(--c); color: #fff; font-weight: 600; }
        button.badge { cursor: pointer; } button.badge.active { outline: 3px solid #f1c40f; }
        section.document, section.comparison { background: #fff; border: 1px solid #dde1e7; border-radius: 8px; padding: .5rem 1.2rem 1rem; margin: 1rem 0; }
        .n { display: inline-block; min-width: 1.6rem; text-align: center; background: #1d2330; color: #fff; border-radius: 4px; margin-right: .3rem; }
        .chart { max-width: 100%; height: auto; font-size: 12px; } .axis { fill: #3b4352; } .value { fill: #5a6475; font-size: 11px; }
        .track { fill: #eef0f3; } .mean { stroke: #1d2330; stroke-width: 2; } .pillar .axis { font-weight: 600; }
        table.compare { border-collapse: collapse; margin-top: .8rem; font-size: .85rem; } .compare th, .compare td { border-bottom: 1px solid #eef0f3; padding: .15rem .6rem; text-align: left; white-space: nowrap; }
        .compare caption { text-align: left; color: #5a6475; padding-bottom: .3rem; } .swatch { display: inline-block; width: .7rem; height: .7rem; border-radius: 2px; margin-right: .35rem; }
        ol.paragraphs { list-style: none; padding: 0; margin: 1rem 0 0; }
        li.paragraph { position: relative; border-left: 5px solid #cfd5dd; padding: .3rem .8rem; margin: .45rem 0; border-radius: 3px; }
        li.paragraph.has-pillar { border-left-color: var(--c); background: color-mix(in srgb, var(--c) 7%, #fff); }
        li.paragraph p { margin: .2rem 0; unicode-bidi: plaintext; } li.paragraph p[dir=rtl] { text-align: right; font-size: 1.05rem; }
        .badges { display: flex; flex-wrap: wrap; gap: .25rem; align-items: center; } .where { color: #7a8494; font-size: .75rem; margin-right: .3rem; }
        .why { display: none; position: absolute; z-index: 2; right: .5rem; top: -.4rem; background: #1d2330; color: #fff; font-size: .75rem; padding: .3rem .6rem; border-radius: 4px; max-width: 60%; }
        .why span { white-space: nowrap; margin-right: .4rem; } li.paragraph:hover .why { display: block; }
        body.filtering li.paragraph { display: none; } body.filtering li.paragraph.match { display: block; }

        """;

    /// <summary>Filtering by label, and a marker that the script ran to its end (checked by the browser test).</summary>
    private const string Script = """

        (function () {
          "use strict";
          var active = null;
          var buttons = document.querySelectorAll("button.badge[data-label]");
          buttons.forEach(function (button) {
            button.addEventListener("click", function () {
              active = active === button.dataset.label ? null : button.dataset.label;
              buttons.forEach(function (b) { b.classList.toggle("active", b.dataset.label === active); });
              document.body.classList.toggle("filtering", active !== null);
              document.querySelectorAll("li.paragraph").forEach(function (p) {
                p.classList.toggle("match", active !== null && p.dataset.labels.split(" ").indexOf(active) >= 0);
              });
            });
          });
          document.body.setAttribute("data-report-ready", String(document.querySelectorAll("svg.chart").length));
        })();

        """;
}
