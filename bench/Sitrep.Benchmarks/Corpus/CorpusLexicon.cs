namespace Sitrep.Benchmarks.Corpus;

/// <summary>A place the generator can hit: how it is written in running text, and its kind.</summary>
/// <param name="Text">As written, e.g. "Kharkiv" or "Odesa region".</param>
/// <param name="Region">For a town, the region it lies in, written as a region ("Kharkiv region"); null for a region.</param>
internal sealed record CorpusPlace(string Text, string? Region, string Country)
{
    public bool IsRegion => Region is null;
}

/// <summary>
/// A way of naming a weapon in text and what it is in the contract.
/// <paramref name="Plural"/> and <paramref name="Singular"/> are the full noun phrases ("Kh-101 cruise missiles");
/// <paramref name="Short"/> is how the text refers back to them ("drones", "missiles").
/// </summary>
internal sealed record WeaponForm(string Plural, string Singular, string Short, string Category, string? Model, int Min, int Max)
{
    public string Family => Category switch
    {
        "drone" => "drone",
        "cruise_missile" or "ballistic_missile" or "missile" => "missile",
        "guided_bomb" => "bomb",
        "artillery" or "rocket" => "artillery",
        _ => "other",
    };
}

/// <summary>
/// The word lists the corpus generator draws from. Written for this project: places are real, every person
/// named here is fictional, and no sentence comes from a real report.
/// </summary>
internal static class CorpusLexicon
{
    public static readonly string[] UaRegionNames =
    [
        "Kharkiv", "Odesa", "Dnipropetrovsk", "Zaporizhzhia", "Kyiv", "Lviv", "Sumy", "Chernihiv", "Poltava",
        "Kherson", "Mykolaiv", "Vinnytsia", "Khmelnytskyi", "Rivne", "Zhytomyr", "Cherkasy", "Kirovohrad",
        "Donetsk", "Ivano-Frankivsk", "Volyn", "Ternopil",
    ];

    /// <summary>Ukrainian cities and towns with the region they lie in (region name without "region").</summary>
    public static readonly (string Town, string Region)[] UaTowns =
    [
        ("Kharkiv", "Kharkiv"), ("Odesa", "Odesa"), ("Dnipro", "Dnipropetrovsk"), ("Zaporizhzhia", "Zaporizhzhia"),
        ("Kyiv", "Kyiv"), ("Lviv", "Lviv"), ("Sumy", "Sumy"), ("Chernihiv", "Chernihiv"), ("Poltava", "Poltava"),
        ("Kherson", "Kherson"), ("Mykolaiv", "Mykolaiv"), ("Kryvyi Rih", "Dnipropetrovsk"), ("Vinnytsia", "Vinnytsia"),
        ("Khmelnytskyi", "Khmelnytskyi"), ("Rivne", "Rivne"), ("Zhytomyr", "Zhytomyr"), ("Cherkasy", "Cherkasy"),
        ("Kropyvnytskyi", "Kirovohrad"), ("Bila Tserkva", "Kyiv"), ("Pavlohrad", "Dnipropetrovsk"),
        ("Izmail", "Odesa"), ("Kremenchuk", "Poltava"), ("Uman", "Cherkasy"), ("Brovary", "Kyiv"),
        ("Konotop", "Sumy"), ("Shostka", "Sumy"), ("Okhtyrka", "Sumy"), ("Lutsk", "Volyn"), ("Ternopil", "Ternopil"),
        ("Ivano-Frankivsk", "Ivano-Frankivsk"), ("Burshtyn", "Ivano-Frankivsk"), ("Starokostiantyniv", "Khmelnytskyi"),
        ("Lozova", "Kharkiv"), ("Chuhuiv", "Kharkiv"), ("Bilhorod-Dnistrovskyi", "Odesa"), ("Nizhyn", "Chernihiv"),
    ];

    /// <summary>Front-line towns shelled almost daily, with their region.</summary>
    public static readonly (string Town, string Region)[] UaFrontTowns =
    [
        ("Kherson", "Kherson"), ("Kostiantynivka", "Donetsk"), ("Pokrovsk", "Donetsk"), ("Kramatorsk", "Donetsk"),
        ("Sloviansk", "Donetsk"), ("Druzhkivka", "Donetsk"), ("Toretsk", "Donetsk"), ("Kupiansk", "Kharkiv"),
        ("Vovchansk", "Kharkiv"), ("Huliaipole", "Zaporizhzhia"), ("Orikhiv", "Zaporizhzhia"), ("Nikopol", "Dnipropetrovsk"),
        ("Marhanets", "Dnipropetrovsk"), ("Beryslav", "Kherson"), ("Bilopillia", "Sumy"), ("Krasnopillia", "Sumy"),
        ("Stepnohirsk", "Zaporizhzhia"), ("Myrnohrad", "Donetsk"), ("Siversk", "Donetsk"), ("Izium", "Kharkiv"),
    ];

    public static readonly string[] RuRegionNames =
    [
        "Belgorod", "Kursk", "Bryansk", "Voronezh", "Oryol", "Lipetsk", "Tula", "Kaluga", "Ryazan", "Moscow",
        "Smolensk", "Rostov", "Tambov", "Saratov", "Nizhny Novgorod", "Tver", "Pskov", "Volgograd", "Leningrad", "Astrakhan",
    ];

    public static readonly (string Town, string Region)[] RuTowns =
    [
        ("Belgorod", "Belgorod"), ("Kursk", "Kursk"), ("Bryansk", "Bryansk"), ("Voronezh", "Voronezh"), ("Shebekino", "Belgorod"),
        ("Grayvoron", "Belgorod"), ("Valuyki", "Belgorod"), ("Rylsk", "Kursk"), ("Lgov", "Kursk"), ("Kurchatov", "Kursk"),
        ("Klintsy", "Bryansk"), ("Novozybkov", "Bryansk"), ("Yelets", "Lipetsk"), ("Taganrog", "Rostov"), ("Millerovo", "Rostov"),
        ("Engels", "Saratov"), ("Ryazan", "Ryazan"), ("Oryol", "Oryol"), ("Lipetsk", "Lipetsk"), ("Tambov", "Tambov"),
        ("Klimovo", "Bryansk"), ("Glushkovo", "Kursk"), ("Krasnaya Yaruga", "Belgorod"), ("Novaya Tavolzhanka", "Belgorod"),
    ];

    /// <summary>Border towns of Russia within shelling range.</summary>
    public static readonly (string Town, string Region)[] RuBorderTowns =
    [
        ("Shebekino", "Belgorod"), ("Grayvoron", "Belgorod"), ("Valuyki", "Belgorod"), ("Belgorod", "Belgorod"),
        ("Krasnaya Yaruga", "Belgorod"), ("Novaya Tavolzhanka", "Belgorod"), ("Rylsk", "Kursk"), ("Glushkovo", "Kursk"),
        ("Tyotkino", "Kursk"), ("Klimovo", "Bryansk"), ("Sevsk", "Bryansk"), ("Suzemka", "Bryansk"),
    ];

    /// <summary>Places in Crimea: Ukrainian under UN GA resolution 68/262, held by Russia.</summary>
    public static readonly string[] CrimeaPlaces = ["Sevastopol", "Saky", "Dzhankoi", "Feodosia", "Kerch", "Yevpatoria"];

    // ---- weapons (Min/Max are plausible counts for one attack) ----
    public static readonly WeaponForm[] RuDrones =
    [
        new("Shahed drones", "Shahed drone", "drones", "drone", "Shahed-136", 8, 180),
        new("Shahed-136 drones", "Shahed-136 drone", "drones", "drone", "Shahed-136", 8, 150),
        new("Iranian-designed Shahed attack drones", "Iranian-designed Shahed attack drone", "drones", "drone", "Shahed-136", 8, 120),
        new("Shahed-type attack drones", "Shahed-type attack drone", "drones", "drone", "Shahed-136", 8, 140),
        new("attack drones", "attack drone", "drones", "drone", null, 5, 160),
        new("drones", "drone", "drones", "drone", null, 5, 200),
        new("kamikaze drones", "kamikaze drone", "drones", "drone", null, 5, 60),
        new("strike drones", "strike drone", "drones", "drone", null, 5, 120),
        new("unmanned aerial vehicles", "unmanned aerial vehicle", "UAVs", "drone", null, 5, 90),
    ];

    public static readonly WeaponForm[] RuMissiles =
    [
        new("Kh-101 cruise missiles", "Kh-101 cruise missile", "Kh-101 missiles", "cruise_missile", "Kh-101", 2, 40),
        new("Kalibr cruise missiles", "Kalibr cruise missile", "Kalibr missiles", "cruise_missile", "Kalibr", 2, 20),
        new("Kh-59 guided missiles", "Kh-59 guided missile", "Kh-59 missiles", "cruise_missile", "Kh-59", 1, 8),
        new("Kh-22 cruise missiles", "Kh-22 cruise missile", "Kh-22 missiles", "cruise_missile", "Kh-22", 1, 12),
        new("cruise missiles", "cruise missile", "cruise missiles", "cruise_missile", null, 2, 40),
        new("Iskander-M ballistic missiles", "Iskander-M ballistic missile", "Iskander-M missiles", "ballistic_missile", "Iskander-M", 1, 12),
        new("Kinzhal hypersonic missiles", "Kinzhal hypersonic missile", "Kinzhal missiles", "ballistic_missile", "Kinzhal", 1, 8),
        new("Kinzhal aeroballistic missiles", "Kinzhal aeroballistic missile", "Kinzhals", "ballistic_missile", "Kinzhal", 1, 6),
        new("KN-23 ballistic missiles", "KN-23 ballistic missile", "KN-23 missiles", "ballistic_missile", "KN-23", 1, 6),
        new("ballistic missiles", "ballistic missile", "ballistic missiles", "ballistic_missile", null, 1, 12),
        new("S-300 missiles", "S-300 missile", "S-300 missiles", "missile", "S-300", 1, 10),
        new("missiles", "missile", "missiles", "missile", null, 2, 40),
    ];

    public static readonly WeaponForm[] RuFrontWeapons =
    [
        new("guided aerial bombs", "guided aerial bomb", "bombs", "guided_bomb", null, 1, 12),
        new("KAB guided bombs", "KAB guided bomb", "bombs", "guided_bomb", "KAB", 1, 10),
        new("glide bombs", "glide bomb", "bombs", "guided_bomb", null, 1, 8),
        new("Grad rockets", "Grad rocket", "rockets", "rocket", "Grad", 4, 40),
        new("Uragan rockets", "Uragan rocket", "rockets", "rocket", "Uragan", 2, 16),
        new("artillery shells", "artillery shell", "shells", "artillery", null, 5, 120),
        new("FPV drones", "FPV drone", "drones", "drone", null, 2, 20),
        new("Lancet drones", "Lancet drone", "drones", "drone", "Lancet", 1, 6),
    ];

    public static readonly WeaponForm[] UaDrones =
    [
        new("Ukrainian drones", "Ukrainian drone", "drones", "drone", null, 3, 160),
        new("Ukrainian unmanned aerial vehicles", "Ukrainian unmanned aerial vehicle", "drones", "drone", null, 3, 120),
        new("fixed-wing drones", "fixed-wing drone", "drones", "drone", null, 3, 80),
        new("aircraft-type drones", "aircraft-type drone", "drones", "drone", null, 3, 90),
        new("Ukrainian UAVs", "Ukrainian UAV", "UAVs", "drone", null, 3, 100),
    ];

    public static readonly WeaponForm[] UaMissiles =
    [
        new("ATACMS missiles", "ATACMS missile", "ATACMS", "ballistic_missile", "ATACMS", 2, 10),
        new("Storm Shadow cruise missiles", "Storm Shadow cruise missile", "Storm Shadows", "cruise_missile", "Storm Shadow", 2, 12),
        new("Neptune missiles", "Neptune missile", "Neptunes", "cruise_missile", "Neptune", 1, 6),
        new("HIMARS rockets", "HIMARS rocket", "rockets", "rocket", "HIMARS", 2, 12),
        new("Vampire rockets", "Vampire rocket", "rockets", "rocket", "Vampire", 2, 18),
    ];

    // ---- claimants ----
    public static readonly string[] UaGovernorNames =
    [
        "Oleh Marchenko", "Serhiy Bondar", "Vitalii Kravets", "Ivan Shevchuk", "Andriy Lysenko", "Yuliia Savchenko",
        "Roman Hnatiuk", "Mykola Tkachuk", "Taras Derkach", "Olena Moroz", "Volodymyr Kuzmenko", "Petro Hrytsenko",
    ];

    public static readonly string[] RuGovernorNames =
    [
        "Andrei Kuznetsov", "Pavel Orlov", "Mikhail Belov", "Dmitry Zaitsev", "Alexei Gromov", "Yevgeny Markov",
        "Igor Sedov", "Nikolai Frolov", "Viktor Lapin", "Sergei Rudakov",
    ];

    public static readonly string[] AirForceClaims =
    [
        "the air force said", "Ukraine's air force said", "the Ukrainian air force said on Telegram",
        "the air force said in a statement", "Ukraine's air force said on Telegram", "the air force reported",
    ];

    public static readonly string[] RuMinistryClaims =
    [
        "the Russian defence ministry said", "Russia's defence ministry said", "Russia's defence ministry said on Telegram",
        "the defence ministry in Moscow said", "the Russian defence ministry said in its daily briefing",
    ];

    // ---- casualties ----
    public static readonly string[] OneKilled =
    [
        "a woman was killed", "a man was killed", "a 64-year-old woman was killed", "a 38-year-old man was killed",
        "an elderly man was killed", "a teenager was killed", "a rescue worker was killed", "a 71-year-old pensioner was killed",
        "one person was killed", "a civilian was killed",
    ];

    public static readonly string[] People = ["people", "civilians", "residents"];

    public static readonly string[] Damage =
    [
        "damaging a five-storey apartment block and several private houses",
        "setting fire to a warehouse", "damaging power lines and a substation",
        "shattering windows in a school and a kindergarten", "damaging an industrial facility",
        "hitting a residential building", "damaging a petrol station and several cars",
        "destroying a two-storey house", "damaging energy infrastructure", "hitting a grain terminal",
    ];

    public static readonly string[] RuDamage =
    [
        "damaging several houses and a gas pipeline", "setting a car on fire", "shattering windows in an apartment block",
        "damaging a power line", "starting a fire at a fuel depot", "damaging the roof of a school",
    ];

    /// <summary>Colour for an attack on Ukraine: no figures that count.</summary>
    public static readonly string[] UaColor =
    [
        "Rescuers worked through the night to pull people from the rubble.",
        "Photographs published by the emergency service showed firefighters tackling a blaze in an apartment block.",
        "Air raid alerts lasted for more than four hours.",
        "Residents spent the night in metro stations and basements.",
        "Power was cut in several districts while engineers repaired the damage.",
        "The regional administration declared a day of mourning.",
        "Windows were blown out in nearby buildings, and cars in a courtyard burned.",
    ];

    /// <summary>Colour for an attack on Russia: no figures that count.</summary>
    public static readonly string[] RuColor =
    [
        "Emergency services were working at the scene, the governor said.",
        "Flights at several airports in southern Russia were briefly suspended.",
        "Residents posted videos on social media showing a large fire.",
        "Schools in the border district switched to remote learning.",
        "Local authorities opened temporary shelters for residents of damaged homes.",
    ];

    // ---- filler: politics and background; some carry numbers and places that are not strike facts ----
    public static readonly string[] Leaders =
    [
        "President Volodymyr Zelensky", "Ukraine's foreign minister", "the Kremlin's spokesman", "NATO's secretary-general",
        "the European Commission president", "Britain's prime minister", "the U.S. secretary of state",
        "Germany's chancellor", "Poland's president", "the head of the International Atomic Energy Agency",
    ];

    public static readonly string[] Cities = ["Brussels", "Washington", "Berlin", "Warsaw", "London", "Paris", "Geneva", "Istanbul", "Riyadh", "Rome"];

    public static readonly string[] Topics =
    [
        "air defence deliveries", "a possible ceasefire", "sanctions on Russian oil", "reconstruction funding",
        "the safety of Black Sea shipping", "long-range weapons", "Ukraine's bid to join the European Union",
        "frozen Russian assets", "the exchange of prisoners of war", "energy security before winter",
    ];

    public static readonly string[] FillerTemplates =
    [
        "{Leader} called on Western partners to speed up deliveries of air defence systems.",
        "{Leader} is due to meet officials in {City} next week to discuss {Topic}.",
        "Talks in {City} on {Topic} ended without agreement, diplomats said.",
        "The war, which began with Russia's full-scale invasion in February 2022, has killed tens of thousands of people and displaced millions.",
        "Moscow says it does not target civilians, though thousands have died in its strikes on Ukrainian cities.",
        "{Leader} said the attacks showed that Russia was not interested in peace.",
        "The front line stretches for more than 1,000 kilometres through the east and south of the country.",
        "Parliament in Kyiv approved additional defence spending for next year on Thursday.",
        "Ukraine's energy operator said it had restored power to {Big} households by the morning.",
        "Scheduled power cuts will remain in place in {Small} regions, the grid operator said.",
        "Officials have urged residents to stay in shelters when the air raid alert sounds.",
        "The Kremlin did not immediately comment on the reports.",
        "Reuters could not independently verify the battlefield accounts of either side.",
        "Neither side discloses its full military losses.",
        "A {Age}-year-old teacher said the windows of her flat had been blown out for the third time this year.",
        "Residents swept broken glass from the streets as municipal workers boarded up shop fronts.",
        "The European Union has adopted {Small} packages of sanctions against Russia since the invasion began.",
        "{Leader} said in {City} that support for Ukraine would continue \"for as long as it takes\".",
        "Russia has repeatedly targeted Ukraine's energy system, forcing rolling blackouts across the country.",
        "Ukraine has stepped up its own long-range attacks on refineries and airfields deep inside Russia.",
        "Analysts said the pattern of the strikes suggested Russia was testing Ukraine's air defences.",
        "Rail operator Ukrzaliznytsia said several trains were delayed by up to two hours because of the alert.",
        "Schools in the city switched to remote lessons for the rest of the week.",
        "The United Nations' human rights mission has recorded rising civilian casualties in recent months.",
        "The International Atomic Energy Agency said its team at the Zaporizhzhia nuclear plant reported no damage.",
        "Ukrainian officials say Russia now produces thousands of attack drones a month.",
        "Kyiv has asked its allies for at least {Small} more Patriot systems to protect its cities.",
        "{Leader} spoke by phone with {Leader2} about {Topic}, according to a readout of the call.",
        "Prices for basic goods have risen sharply in front-line areas, aid groups said.",
        "The Russian foreign ministry accused Western countries of prolonging the war by supplying weapons.",
        "Ukraine's general staff said its forces had repelled {Small} Russian assaults in the east over the past day.",
        "Humanitarian groups said they had delivered water and generators to the worst-hit districts.",
        "The city's mayor said heating would be restored within {Small} days if there were no new attacks.",
        "A spokesperson for the regional administration asked residents not to publish photos of the impact sites.",
        "Insurance brokers said war-risk premiums for ships calling at Ukrainian ports had risen again.",
    ];

    public static readonly string[] Months =
    [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ];

    public static readonly string[] Ones =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];

    public static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    /// <summary>English words for 0–999: 28 → "twenty-eight", 140 → "one hundred and forty".</summary>
    public static string NumberWords(int n)
    {
        if (n < 20)
        {
            return Ones[n];
        }

        if (n < 100)
        {
            return n % 10 == 0 ? Tens[n / 10] : $"{Tens[n / 10]}-{Ones[n % 10]}";
        }

        var rest = n % 100;
        return rest == 0 ? $"{Ones[n / 100]} hundred" : $"{Ones[n / 100]} hundred and {NumberWords(rest)}";
    }
}
