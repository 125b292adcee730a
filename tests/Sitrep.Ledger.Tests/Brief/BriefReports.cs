namespace Sitrep.Ledger.Tests.Brief;

/// <summary>
/// Reports written for the brief's tests, shaped like real reporting (outlets and URLs are made up): one night,
/// 4 to 5 March 2025, with a Russian drone and missile attack on Odesa told by two outlets whose tolls differ, a
/// Ukrainian drone attack on the Belgorod region whose interceptions the two sides give differently, and a guided
/// bomb on Kharkiv whose report carries markup and a total since the start of the year.
/// </summary>
internal static class BriefReports
{
    public static readonly (string Name, string Text)[] Night =
    [
        ("01-odesa-wave.txt", """
            url: https://harbour-desk.example/2025/03/05/odesa-drones
            published: 2025-03-05
            source: Harbour Desk
            ---
            Drones and missiles hit Odesa overnight; one killed, port warehouse on fire
            Russia attacked Ukraine overnight with 48 Shahed drones and three Iskander-M ballistic missiles, Ukraine's air force said on Wednesday.
            Air defences shot down 40 of the drones, the air force said.
            In Odesa, a drone struck a port warehouse and started a large fire, governor Oleh Kiper wrote on Telegram.
            One person was killed and two were injured, Kiper said.
            """),
        ("02-odesa-update.txt", """
            url: https://southern-wire.example/news/odesa-toll-rises
            published: 2025-03-05
            source: Southern Wire
            ---
            Odesa toll rises after overnight Russian drone attack
            The number of people killed in the Russian drone attack on Odesa overnight rose to three, and five people were injured, governor Oleh Kiper said on Wednesday afternoon.
            Russia launched 48 drones at Ukraine overnight; 40 were shot down, according to the air force.
            Debris damaged windows in several apartment blocks in the city centre.
            """),
        ("03-belgorod-mod.txt", """
            url: https://border-monitor.example/belgorod-drones-0305
            published: 2025-03-05
            source: Border Monitor
            ---
            Russia says 30 Ukrainian drones downed over Belgorod region
            Russian air defences intercepted and destroyed 30 Ukrainian drones over the Belgorod region overnight, Russia's defence ministry said on Wednesday.
            Regional governor Vyacheslav Gladkov said a fire broke out at a fuel depot near Belgorod after the attack.
            """),
        ("04-belgorod-gs.txt", """
            url: https://front-ledger.example/general-staff-belgorod
            published: 2025-03-05
            source: Front Ledger
            ---
            Ukraine's General Staff says drones hit a fuel depot in Belgorod region
            Ukraine launched 45 drones at the Belgorod region overnight, and Russian air defences downed only 18 of them, Ukraine's General Staff said on Wednesday.
            The General Staff said the drones struck a fuel depot near Belgorod.
            """),
        ("05-kharkiv-bomb.txt", """
            url: https://east-bulletin.example/kharkiv?id=7&lang=en"x
            published: 2025-03-05
            source: East Bulletin <Kharkiv>
            title: Guided bomb hits Kharkiv <script>alert(1)</script>
            ---
            Guided bomb hits Kharkiv suburb <script>alert(1)</script>
            A Russian guided bomb hit a suburb of Kharkiv overnight, injuring four people, regional governor Oleh Syniehubov said.
            The blast damaged a <b>school</b> & two houses, Syniehubov said.
            Since the start of the year, Russia has dropped more than 1,200 guided bombs on the Kharkiv region, Syniehubov said.
            """),
    ];

    /// <summary>A later report on the Odesa attack: a higher toll, arriving while a brief is being written.</summary>
    public static readonly (string Name, string Text) Later = ("06-odesa-later.txt", """
        url: https://harbour-desk.example/2025/03/05/odesa-toll-four
        published: 2025-03-05
        source: Harbour Desk
        ---
        Odesa drone attack toll rises to four
        Four people were killed and seven injured in the overnight Russian drone attack on Odesa, governor Oleh Kiper said on Wednesday evening.
        """);
}
