using Sitrep.Core;

namespace Sitrep.Storage;

/// <summary>How the store's merge looks up a canonical claimant id.</summary>
internal static class ClaimantDirectory
{
    /// <summary>The registry entry for a canonical id, or null.</summary>
    public static ClaimantEntry? Lookup(string id) => null;
}
