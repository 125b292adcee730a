namespace Sitrep.Merge.Tests;

/// <summary>Attack ids survive re-merges: the cluster holding most of an old attack's members keeps its id.</summary>
public sealed class IdentityTests
{
    private static EventKey K(long report, int ordinal = 0) => new(report, ordinal);

    private static PreviousAttack Old(string id, params EventKey[] members) => new(id, [.. members]);

    [Fact]
    public void Unchanged_and_grown_clusters_keep_their_ids_and_new_ones_are_new()
    {
        var r = AttackIdentity.Assign(
            [Old("A1", K(1), K(2)), Old("A2", K(3))],
            [new[] { K(3) }, new[] { K(1), K(2), K(4) }, new[] { K(5) }]);
        Assert.Equal(new string?[] { "A2", "A1", null }, r.Ids.ToArray());
        Assert.Equal([2], r.NewClusters.ToArray());
        Assert.Empty(r.Gone);
    }

    [Fact]
    public void When_two_attacks_merge_the_one_with_more_members_in_it_keeps_its_id_and_the_other_points_there()
    {
        var r = AttackIdentity.Assign([Old("A9", K(1)), Old("A12", K(2), K(3))], [new[] { K(1), K(2), K(3) }]);
        Assert.Equal(new string?[] { "A12" }, r.Ids.ToArray());
        Assert.Equal([new GoneAttack("A9", 0)], r.Gone.ToArray());
    }

    [Fact]
    public void When_an_attack_splits_the_larger_part_keeps_the_id_and_a_removed_attack_is_gone()
    {
        var r = AttackIdentity.Assign([Old("A1", K(1), K(2), K(3)), Old("A2", K(9))], [new[] { K(3) }, new[] { K(1), K(2) }]);
        Assert.Equal(new string?[] { null, "A1" }, r.Ids.ToArray());
        Assert.Equal([new GoneAttack("A2", null)], r.Gone.ToArray());
    }

    [Fact]
    public void Ties_are_broken_the_same_way_whatever_the_order()
    {
        var previous = new[] { Old("A7", K(1)), Old("A8", K(2)) };
        var clusters = new[] { new[] { K(1), K(2) } };
        var a = AttackIdentity.Assign(previous, clusters);
        var b = AttackIdentity.Assign([.. previous.Reverse()], clusters);
        Assert.Equal(a.Ids.ToArray(), b.Ids.ToArray());
        Assert.Equal(a.Gone.ToArray(), b.Gone.ToArray());
        Assert.Equal(new string?[] { "A7" }, a.Ids.ToArray());
    }
}
