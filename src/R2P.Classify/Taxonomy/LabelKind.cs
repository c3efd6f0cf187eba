namespace R2P.Classify;

/// <summary>Whether a label is one of the three R2P pillars or one of the twelve themes.</summary>
public enum LabelKind
{
    /// <summary>A pillar of the responsibility to protect (A/63/677): state responsibility, international assistance, timely response.</summary>
    Pillar,

    /// <summary>A theme such as veto restraint, counter-terrorism or the protection of civilians.</summary>
    Theme,
}
