using System.Security.Cryptography;
using System.Text;

namespace R2P.Classify.Training;

/// <summary>
/// Assigns paragraphs to cross-validation folds by document, so that paragraphs of one document
/// never sit on both sides. Documents are shuffled by a seeded hash of their id, then dealt out so
/// that folds hold similar numbers of paragraphs.
/// </summary>
internal static class GroupedFolds
{
    public static int[] Assign(IReadOnlyList<LabeledParagraph> paragraphs, int folds, int seed)
    {
        var documents = paragraphs
            .GroupBy(p => p.Document, StringComparer.Ordinal)
            .Select(g => (Id: g.Key, Size: g.Count(), Key: SeededKey(g.Key, seed)))
            .OrderBy(d => d.Key, StringComparer.Ordinal)
            .ToArray();

        var sizes = new int[folds];
        var foldOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            int smallest = 0;
            for (int f = 1; f < folds; f++)
            {
                if (sizes[f] < sizes[smallest])
                {
                    smallest = f;
                }
            }

            foldOf[document.Id] = smallest;
            sizes[smallest] += document.Size;
        }

        return paragraphs.Select(p => foldOf[p.Document]).ToArray();
    }

    private static string SeededKey(string document, int seed) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}:{document}")));
}
