using Sitrep.Core;
using Sitrep.Core.Claimants;

namespace Sitrep.Storage;

/// <summary>How the store's merge looks up a canonical claimant id: the embedded claimant registry.</summary>
internal static class ClaimantDirectory
{
    /// <summary>The registry entry for a canonical id ("ua.air_force"), or null when the registry has no such id.</summary>
    public static ClaimantEntry? Lookup(string id) => ClaimantRegistry.Default.TryGet(id, out var entry) ? entry : null;
}
