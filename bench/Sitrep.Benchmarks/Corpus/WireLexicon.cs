namespace Sitrep.Benchmarks.Corpus;

/// <summary>
/// What the wire shape adds around the attacks (<see cref="ReportComposer"/>'s wire mode): bylines, quotes, captions,
/// context and aid lists. Written for this project; every person is invented, no sentence comes from a real report, and
/// none states a figure or a date of an attack (the places in context paragraphs are named, not hit).
/// </summary>
internal static class WireLexicon
{
    public static readonly string[] Reporters =
    [
        "Olena Marchuk", "Pavel Ilyin", "Dara Kovalenko", "Tom Ashworth", "Marta Zielinska", "Yurii Hrab", "Anna Whitfield",
        "Bohdan Lutsyk", "Claire Dumont", "Nikita Sorin", "Iryna Vasylenko", "Max Hartley", "Sofia Melnyk", "Ruth Okafor",
    ];

    public static readonly string[] Credits =
    [
        "(Reporting by {Reporter}; Editing by {Editor})",
        "(Reporting by {Reporter} in Kyiv and {Editor} in London; writing by {Editor})",
        "Additional reporting by {Reporter}.",
        "Sitrep Wire",
        "© Sitrep Wire. Reporting by {Reporter}.",
    ];

    public static readonly string[] Residents =
    [
        "Halyna", "Oleksandr Petrenko", "Viktoriia", "Mykhailo", "Nadiia Koval", "a pensioner named Stepan", "Artem",
        "Liudmyla", "Serhii", "Tetiana Boiko", "Ivan", "Oksana",
    ];

    public static readonly string[] Jobs = ["teacher", "nurse", "driver", "engineer", "shop assistant", "student", "retired miner", "volunteer"];

    public static readonly string[] UaQuotes =
    [
        "We heard the drone for maybe a minute, and then the whole building shook.",
        "I was in the corridor with my daughter when the windows came in. There was glass everywhere.",
        "Nobody sleeps anymore. We just wait for the next alert.",
        "It was the loudest explosion I have ever heard, and I have heard a lot of them.",
        "My neighbours on the fifth floor lost everything. We are helping them with what we can.",
        "The sky lit up orange and then there was smoke over the whole district.",
        "We went down to the basement as soon as the alert sounded, and that is why we are alive.",
        "This is a residential street. There is nothing military here, only families.",
    ];

    public static readonly string[] RuQuotes =
    [
        "We heard a buzzing sound and then a bang, and the car alarms went off along the street.",
        "The windows shook, and the children started crying.",
        "People here are tired. Every night there is something.",
        "We saw the fire from our balcony; it burned until the morning.",
    ];

    public static readonly string[] QuoteFollowUps =
    [
        "Volunteers handed out tea and sandwiches to people who had left their homes.",
        "Municipal workers were already covering broken windows with plastic sheeting by midday.",
        "A queue formed outside a mobile point where residents could report damage to their flats.",
        "Police cordoned off the street while bomb disposal teams checked for unexploded fragments.",
    ];

    public static readonly string[] CaptionScenes =
    [
        "Firefighters work at the site of a residential building damaged during a drone strike",
        "Rescuers clear debris from an apartment block hit during an air attack",
        "A woman walks past a house damaged by a strike",
        "Police officers inspect the remains of a drone",
        "Local residents look at a crater left by an explosion",
        "Emergency workers carry a stretcher out of a damaged building",
    ];

    /// <summary>Context paragraphs: many places, none of them hit in the report.</summary>
    public static readonly string[] Context =
    [
        "Russia occupies about {Pct}% of Ukraine, including Crimea, which it annexed in 2014, and parts of the Donetsk, Luhansk, Zaporizhzhia and Kherson regions.",
        "Fighting has been heaviest in the east, around {Front}, {Front} and {Front}, where Russian troops have pushed forward slowly for months.",
        "Schools in the {UaRegion} region have held lessons in underground classrooms since the autumn of {Year}.",
        "Kyiv says it strikes military targets and energy facilities that feed Russia's war effort, in regions such as {RuRegion}, {RuRegion} and {RuRegion}.",
        "Ukraine's second city, Kharkiv, lies about 30 kilometres from the Russian border and is within range of Russian artillery around Belgorod.",
        "The port cities of Odesa, Izmail and Chornomorsk handle most of Ukraine's grain exports, which resumed through a Black Sea corridor in {Year}.",
        "Authorities in {Ua} and {Ua} opened extra heating points ahead of the winter.",
        "Trains between {Ua}, {Ua} and {Ua} ran on a revised schedule, the rail operator said.",
        "Energy officials said the grid in the {UaRegion} and {UaRegion} regions remained under strain after months of attacks.",
        "Families displaced from {Front} and {Front} have settled in {Ua}, {Ua} and as far west as Lviv and Uzhhorod.",
        "The Zaporizhzhia nuclear power plant, Europe's largest, has been held by Russian forces since March 2022.",
        "Russia's {RuRegion} and {RuRegion} regions have introduced curfews in border districts in recent months.",
        "Mobile network outages were reported in parts of {UaRegion}, {UaRegion} and {UaRegion} regions, operators said.",
        "The mayor of {Ua} said the city had built {Small} new underground shelters for schools since {Year}.",
        "Ukraine's military says Russia has built up forces near {Front} and {Front} in preparation for a new offensive.",
        "Governments in Warsaw, Vilnius and Bucharest have complained of drones straying into their airspace.",
        "Aid convoys leave {Ua} each week for villages near {Front}, a volunteer group said.",
        "Prices in {RuRegion} and {RuRegion} rose after strikes on refineries disrupted fuel supplies, Russian media reported.",
    ];

    /// <summary>Officials' statements and politics: no figure of an attack, no date cue.</summary>
    public static readonly string[] Statements =
    [
        "\"Every such attack is a reminder that Ukraine needs more air defence, not promises,\" {Leader} said in a video address.",
        "\"We are working to restore power and water to every home as quickly as possible,\" the regional governor said.",
        "The Kremlin said the strikes were a response to Ukrainian attacks on Russian territory and did not target civilians.",
        "{Leader} said the allies had pledged ${Bn} billion in military aid for next year.",
        "\"Russia is betting on terror against civilians,\" the foreign minister wrote on X.",
        "The European Union condemned the strikes and said it was preparing new sanctions.",
        "A spokesperson for the United Nations said the organisation was \"deeply alarmed\" by attacks on civilian infrastructure.",
        "\"The air defence worked well, but the enemy is adapting its tactics,\" an air force spokesperson told a national telethon.",
    ];

    public static readonly string[] Donors = ["Germany", "the United States", "Britain", "the Netherlands", "Norway", "Canada", "Sweden", "Denmark"];

    public static readonly string[] AidItems =
    [
        "missiles for IRIS-T and Patriot air defence systems",
        "{Small} self-propelled howitzers and ammunition",
        "generators and transformers for the power grid",
        "mobile anti-drone guns and radar units",
        "armoured vehicles for evacuating the wounded",
        "funding of ${Bn} billion for drone production in Ukraine",
        "spare parts for F-16 fighter jets",
    ];
}
