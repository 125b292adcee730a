using System.Collections.Immutable;

namespace Sitrep.Core;

/// <summary>What kind of body a claimant is: what its figures are worth depends on it (the air force for a wave's count, a governor for a toll).</summary>
public enum ClaimantKind
{
    /// <summary>An air force or air-defence command: its tallies of launched and destroyed.</summary>
    AirForce,
    /// <summary>A general staff or army command.</summary>
    GeneralStaff,
    /// <summary>A defence ministry.</summary>
    DefenceMinistry,
    /// <summary>A head of state or government.</summary>
    HeadOfState,
    /// <summary>A ministry or national agency other than defence (health, interior, energy).</summary>
    Ministry,
    /// <summary>A regional (oblast, krai, republic) administration, its head or governor.</summary>
    RegionalAuthority,
    /// <summary>A city or district administration, its mayor or head.</summary>
    CityAuthority,
    /// <summary>An emergency service (Ukraine's State Emergency Service, Russia's emergencies ministry).</summary>
    EmergencyService,
    /// <summary>Prosecutors and police.</summary>
    LawEnforcement,
    /// <summary>Another military unit or spokesman.</summary>
    Military,
    /// <summary>A news outlet speaking for itself.</summary>
    Outlet,
    /// <summary>Anyone else: a company, a witness, an analyst.</summary>
    Other,
    /// <summary>A state's government speaking as a whole ("Ukraine said", "Russian authorities", "Ukrainian officials").</summary>
    Government,
}

/// <summary>
/// One canonical claimant of the registry: an id that never changes ("ua.air_force"), its name in English, whose
/// side it speaks for, what kind of body it is, and the region it speaks for when it is a regional or city authority.
/// A body or office, not a person: people are aliases of the office they speak for. Immutable; the registry
/// (<see cref="Claimants.ClaimantRegistry"/>) makes them from its data files.
/// </summary>
public sealed record ClaimantEntry(string Id, string Name, Side Side, ClaimantKind Kind)
{
    /// <summary>The region a regional or city authority speaks for, as the gazetteer names it ("Kharkiv Oblast").</summary>
    public string? Admin1 { get; init; }

    /// <summary>The names and titles the registry knows it by, in every language, as written in the registry.</summary>
    public ImmutableArray<string> Aliases { get; init; } = [];
}
