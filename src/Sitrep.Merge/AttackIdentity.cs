using System.Collections.Immutable;

namespace Sitrep.Merge;

/// <summary>An attack as stored before a recompute: its lasting id and its members.</summary>
public sealed record PreviousAttack(string Id, ImmutableArray<EventKey> Members);

/// <summary>What became of an old attack id that no new cluster keeps.</summary>
/// <param name="Id">The old id.</param>
/// <param name="MostMembersIn">The index of the new cluster holding most of its old members (where a link to it
/// should now lead), or null when none of its members is in any new cluster (they were removed).</param>
public sealed record GoneAttack(string Id, int? MostMembersIn);

/// <summary>
/// The ids of the new clusters of a window: <see cref="Ids"/>[i] is the old id cluster i keeps, or null when cluster i
/// is new (the store mints an id for it); <see cref="Gone"/> lists the old ids no cluster keeps.
/// </summary>
public sealed record IdentityAssignment(ImmutableArray<string?> Ids, ImmutableArray<GoneAttack> Gone)
{
    /// <summary>The indexes of the clusters that keep no old id.</summary>
    public ImmutableArray<int> NewClusters => [.. Enumerable.Range(0, Ids.Length).Where(i => Ids[i] is null)];
}

/// <summary>
/// Keeps attack ids stable across re-merges, so links to an attack survive. Pure: the same previous attacks and
/// clusters, in any order, give the same assignment.
/// <para>Rule: each old attack goes to the new cluster holding most of its members (ties: the cluster whose smallest
/// member key is smallest). A cluster that several old attacks go to keeps the id of the one with most members in it
/// (ties: the one with fewer members elsewhere, then the smaller id, shorter first: "A9" before "A12"); the others
/// are gone, pointing at that cluster. An old attack with no member in any cluster is gone with no cluster. A cluster
/// no old attack goes to is new.</para>
/// </summary>
public static class AttackIdentity
{
    public static IdentityAssignment Assign(IReadOnlyList<PreviousAttack> previous, IReadOnlyList<IReadOnlyCollection<EventKey>> clusters)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(clusters);
        var clusterOf = new Dictionary<EventKey, int>();
        var minKey = new EventKey[clusters.Count];
        for (var i = 0; i < clusters.Count; i++)
        {
            var first = true;
            foreach (var k in clusters[i])
            {
                clusterOf[k] = i;
                if (first || k < minKey[i])
                {
                    minKey[i] = k;
                    first = false;
                }
            }
        }

        // Each old attack's plurality cluster.
        var claims = new List<(PreviousAttack Old, int Cluster, int Shared, int Elsewhere)>();
        var gone = new List<GoneAttack>();
        foreach (var old in previous.OrderBy(p => p.Id, IdComparer.Instance))
        {
            var counts = new Dictionary<int, int>();
            foreach (var m in old.Members.Distinct())
            {
                if (clusterOf.TryGetValue(m, out var c))
                {
                    counts[c] = counts.GetValueOrDefault(c) + 1;
                }
            }

            if (counts.Count == 0)
            {
                gone.Add(new GoneAttack(old.Id, null));
                continue;
            }

            var best = counts.OrderByDescending(kv => kv.Value).ThenBy(kv => minKey[kv.Key]).First();
            claims.Add((old, best.Key, best.Value, old.Members.Distinct().Count() - best.Value));
        }

        var ids = new string?[clusters.Count];
        foreach (var group in claims.GroupBy(c => c.Cluster))
        {
            var ordered = group.OrderByDescending(c => c.Shared).ThenBy(c => c.Elsewhere).ThenBy(c => c.Old.Id, IdComparer.Instance).ToList();
            ids[group.Key] = ordered[0].Old.Id;
            foreach (var loser in ordered.Skip(1))
            {
                gone.Add(new GoneAttack(loser.Old.Id, group.Key));
            }
        }

        return new IdentityAssignment([.. ids], [.. gone.OrderBy(g => g.Id, IdComparer.Instance)]);
    }

    /// <summary>Orders ids shorter first, then ordinally, so "A9" comes before "A12".</summary>
    private sealed class IdComparer : IComparer<string>
    {
        public static readonly IdComparer Instance = new();

        public int Compare(string? x, string? y)
        {
            var lx = x?.Length ?? -1;
            var ly = y?.Length ?? -1;
            return lx != ly ? lx.CompareTo(ly) : string.CompareOrdinal(x, y);
        }
    }
}
