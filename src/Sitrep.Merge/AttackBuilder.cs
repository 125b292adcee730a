using System.Collections.Immutable;
using Sitrep.Core;

namespace Sitrep.Merge;

/// <summary>Builds an <see cref="Attack"/> from a group of members: date, sides, location, partial members, counts and figures.</summary>
internal static class AttackBuilder
{
    /// <summary>Builds the attack from all its members, with the state an extension by more members starts from.</summary>
    public static (Attack Attack, AttackState State) Build(Group group, Reconciler reconciler)
    {
        var members = group.Members;
        members.Sort(static (a, b) => a.Profile.Key.CompareTo(b.Profile.Key));
        var state = new AttackState(group.Home);
        foreach (var m in members)
        {
            state.AddShape(m.Profile);
        }

        var (target, attacker) = state.Sides();
        state.AddWide(members.Select(m => m.Profile));
        foreach (var m in members)
        {
            state.Classify(m.Profile, reconciler);
        }

        var built = new AttackMember[members.Count];
        var ordered = new List<MemberState>(members.Count); // the members are in key order already
        for (var i = 0; i < members.Count; i++)
        {
            var p = members[i].Profile;
            var isPartial = state.IsPartial(p.Key);
            built[i] = Member(members[i], isPartial);
            ordered.Add(new(p, built[i], reconciler.Collect(p, isPartial, target, attacker, state.Regions)));
            state.Members.Add(p.Key, ordered[i]);
        }

        var figures = reconciler.Figures(ordered, target, attacker, state.Regions, null, []);
        return Finish(state, members[0].Profile.Key, target, attacker, built, figures);
    }

    /// <summary>
    /// The attack of <paramref name="group"/> built from <paramref name="previous"/> (the same attack before it gained
    /// members) and the new members' claims: null when anything that can change what the old members give is not
    /// provably the same (the home; a member gone or changed; a decision; the target, attacker or regions, which rank
    /// claimants; an old member's partial flag or membership). The result is what <see cref="Build"/> gives.
    /// </summary>
    public static (Attack Attack, AttackState State)? Extend(Group group, AttackState previous, Reconciler reconciler)
    {
        if (group.Home != previous.Home)
        {
            return null;
        }

        var members = group.Members;
        members.Sort(static (a, b) => a.Profile.Key.CompareTo(b.Profile.Key));
        var fresh = new List<Membership>();
        var kept = 0;
        foreach (var m in members)
        {
            if (m.Decision is not null)
            {
                return null;
            }

            if (!previous.Members.TryGetValue(m.Profile.Key, out var old))
            {
                fresh.Add(m);
                continue;
            }

            // The same event of the same report (a profile is a function of them), joined the same way.
            var om = old.Member;
            if (!ReferenceEquals(old.Profile.Source.Event, m.Profile.Source.Event) || old.Profile.Source.Report != m.Profile.Source.Report
                || om.Kind != m.Kind || om.DecisionSequence is not null || om.Score != (m.Why is { } w ? Math.Round(w.Score, 4) : 0)
                || !om.Features.AsSpan().SequenceEqual((m.Why?.Features ?? []).AsSpan()))
            {
                return null;
            }

            kept++;
        }

        if (kept != previous.Members.Count || fresh.Count == 0)
        {
            return null;
        }

        var state = previous.Copy();
        var regions = state.Regions.Count;
        foreach (var m in fresh)
        {
            state.AddShape(m.Profile);
        }

        var (target, attacker) = state.Sides();
        if (state.Regions.Count != regions || target != previous.Attack.TargetCountry || attacker != previous.Attack.Attacker)
        {
            return null;
        }

        if (state.AddWide(fresh.Select(m => m.Profile)))
        {
            // A wider figure can make an old local member partial: classify them all again.
            state.RawPartial.Clear();
            foreach (var m in members)
            {
                state.Classify(m.Profile, reconciler);
            }
        }
        else
        {
            foreach (var m in fresh)
            {
                state.Classify(m.Profile, reconciler);
            }
        }

        foreach (var (key, old) in previous.Members)
        {
            if (state.IsPartial(key) != old.Member.IsPartial)
            {
                return null;
            }
        }

        var touched = new HashSet<FigureKey>();
        foreach (var m in fresh)
        {
            var p = m.Profile;
            var isPartial = state.IsPartial(p.Key);
            var claims = reconciler.Collect(p, isPartial, target, attacker, state.Regions);
            foreach (var c in claims)
            {
                touched.Add(c.Key);
            }

            state.Members.Add(p.Key, new(p, Member(m, isPartial), claims));
        }

        var built = new AttackMember[members.Count];
        for (var i = 0; i < members.Count; i++)
        {
            built[i] = state.Members[members[i].Profile.Key].Member;
        }

        var figures = reconciler.Figures(state.Ordered(), target, attacker, state.Regions, touched, previous.Attack.Figures);
        return Finish(state, members[0].Profile.Key, target, attacker, built, figures);
    }

    private static (Attack, AttackState) Finish(AttackState state, EventKey key, Country target, Side attacker, AttackMember[] members, ImmutableArray<AttackFigure> figures)
    {
        var (date, precision) = state.Date();
        var location = state.Location();
        var attack = new Attack
        {
            Key = key,
            Home = state.Home,
            Date = date,
            Precision = precision,
            Attacker = attacker,
            TargetCountry = target,
            Location = location?.Place,
            LocationEvent = location?.Event,
            Members = System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(members),
            ReportCount = state.Reports.Count,
            SourceCount = state.Sources.Count,
            Figures = figures,
        };
        state.Attack = attack;
        return (attack, state);
    }

    private static AttackMember Member(Membership m, bool partial) =>
        new(m.Profile.Key, m.Kind, m.Why is { } w ? Math.Round(w.Score, 4) : 0, m.Why?.Features ?? [])
        {
            IsPartial = partial,
            DecisionSequence = m.Decision,
        };
}
