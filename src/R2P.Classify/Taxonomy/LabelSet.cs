using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace R2P.Classify;

/// <summary>
/// The ordered set of labels a model predicts, as defined by a version of the codebook
/// (<c>CODEBOOK.md</c>). The order is fixed: scores are always reported in this order.
/// </summary>
public sealed class LabelSet : IReadOnlyList<LabelDefinition>
{
    private readonly LabelDefinition[] _labels;
    private readonly Dictionary<string, int> _indexById;

    private LabelSet(string codebookVersion, LabelDefinition[] labels)
    {
        CodebookVersion = codebookVersion;
        _labels = labels;
        _indexById = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < labels.Length; i++)
        {
            _indexById.Add(labels[i].Id, i);
        }
    }

    /// <summary>The codebook's label set v1: three pillars, then twelve themes.</summary>
    public static LabelSet V1 { get; } = new("v1",
    [
        new("state-responsibility", "Pillar I: protection responsibilities of the State", LabelKind.Pillar),
        new("international-assistance", "Pillar II: international assistance and capacity-building", LabelKind.Pillar),
        new("timely-response", "Pillar III: timely and decisive response", LabelKind.Pillar),
        new("veto-restraint", "Veto restraint", LabelKind.Theme),
        new("counter-terrorism", "Counter-terrorism", LabelKind.Theme),
        new("protection-of-civilians", "Protection of civilians", LabelKind.Theme),
        new("atrocity-prevention", "Atrocity prevention", LabelKind.Theme),
        new("accountability", "Accountability", LabelKind.Theme),
        new("peacekeeping", "Peacekeeping", LabelKind.Theme),
        new("humanitarian-assistance", "Humanitarian assistance", LabelKind.Theme),
        new("displacement", "Displacement", LabelKind.Theme),
        new("sovereignty-concerns", "Sovereignty concerns", LabelKind.Theme),
        new("regional-organizations", "Regional organizations", LabelKind.Theme),
        new("women-peace-security", "Women, peace and security", LabelKind.Theme),
        new("use-of-force", "Use of force", LabelKind.Theme),
    ]);

    /// <summary>The codebook version that defines these labels, e.g. <c>v1</c>.</summary>
    public string CodebookVersion { get; }

    /// <summary>The number of labels.</summary>
    public int Count => _labels.Length;

    /// <summary>The label at <paramref name="index"/>, in the set's fixed order.</summary>
    /// <param name="index">A position from 0 to <see cref="Count"/> - 1.</param>
    public LabelDefinition this[int index] => _labels[index];

    /// <summary>The position of the label with id <paramref name="id"/>, or -1 when the set has no such label.</summary>
    /// <param name="id">A label id such as <c>timely-response</c>.</param>
    public int IndexOf(string id) => _indexById.TryGetValue(id, out int index) ? index : -1;

    /// <summary>Finds the label with id <paramref name="id"/>.</summary>
    /// <param name="id">A label id such as <c>timely-response</c>.</param>
    /// <param name="label">The label, when found.</param>
    /// <returns><see langword="true"/> when the set has the label.</returns>
    public bool TryGet(string id, [NotNullWhen(true)] out LabelDefinition? label)
    {
        int index = IndexOf(id);
        label = index >= 0 ? _labels[index] : null;
        return label is not null;
    }

    /// <summary>Returns an enumerator over the labels in the set's fixed order.</summary>
    public IEnumerator<LabelDefinition> GetEnumerator() => ((IEnumerable<LabelDefinition>)_labels).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
