using System.Globalization;
using System.Text;

namespace Sitrep.Benchmarks.Corpus;

/// <summary>
/// Wire-shaped reports in Ukrainian (a Russian wave on Ukraine, figures from the air force, casualties from a regional
/// head) and Russian (Ukrainian drones over Russian regions, figures from the defence ministry, damage from a governor),
/// with gold as <c>SCHEMA.md</c> labels the eval's Ukrainian and Russian sets: places as written, inflected
/// ("Харкові", "Белгородской"), claimants in English. Written for this project; every person is invented.
/// </summary>
internal sealed class SlavicReportComposer(Random r, int index, DateOnly published, string language)
{
    private readonly string _id = index.ToString("D4", CultureInfo.InvariantCulture);
    private readonly List<string> _paragraphs = [];
    private readonly List<GoldEvent> _events = [];

    // (as written in "у …" / "в …", the region it lies in as written in "на …щині")
    private static readonly (string Town, string Region)[] UaTowns =
    [
        ("Харкові", "Харківщині"), ("Одесі", "Одещині"), ("Дніпрі", "Дніпропетровщині"), ("Запоріжжі", "Запоріжжі"),
        ("Києві", "Київщині"), ("Сумах", "Сумщині"), ("Чернігові", "Чернігівщині"), ("Полтаві", "Полтавщині"),
        ("Миколаєві", "Миколаївщині"), ("Херсоні", "Херсонщині"), ("Львові", "Львівщині"), ("Вінниці", "Вінниччині"),
        ("Кривому Розі", "Дніпропетровщині"), ("Житомирі", "Житомирщині"), ("Черкасах", "Черкащині"),
    ];

    // Russian regions as written in "над территорией … области"
    private static readonly string[] RuRegions =
    [
        "Белгородской", "Курской", "Брянской", "Воронежской", "Ростовской", "Орловской", "Липецкой", "Тульской",
        "Калужской", "Смоленской", "Рязанской", "Тамбовской",
    ];

    private static readonly string[] UkWeekdaysAccusative = ["неділю", "понеділок", "вівторок", "середу", "четвер", "пʼятницю", "суботу"];
    private static readonly string[] RuWeekdaysAccusative = ["воскресенье", "понедельник", "вторник", "среду", "четверг", "пятницу", "субботу"];
    private static readonly string[] UkMonthsGenitive = ["січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня", "жовтня", "листопада", "грудня"];
    private static readonly string[] RuMonthsGenitive = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"];
    private static readonly string[] UkHeads = ["Олег Мороз", "Ірина Ткачук", "Василь Гнатюк", "Андрій Савчук", "Наталія Кравець"];
    private static readonly string[] RuGovernors = ["Андрей Кузнецов", "Павел Орлов", "Михаил Белов", "Игорь Седов"];

    public CorpusReport Compose()
    {
        var attacks = r.Next(3) == 0 ? 2 : 1;
        if (language == "uk")
        {
            UkrainianWave(published, first: true);
            if (attacks == 2)
            {
                UkrainianWave(published.AddDays(-r.Next(2, 6)), first: false);
            }

            Background(UkBackground);
        }
        else
        {
            RussianDefence(published, first: true);
            if (attacks == 2)
            {
                RussianDefence(published.AddDays(-r.Next(2, 6)), first: false);
            }

            Background(RuBackground);
        }

        var headline = language == "uk"
            ? $"Нічна атака: сили ППО знешкодили {_events[0].Weapons.Sum(w => w.Destroyed ?? 0)} повітряних цілей"
            : $"Минобороны сообщило об уничтожении {_events[0].Weapons.Sum(w => w.Destroyed ?? 0)} беспилотников";
        var body = new StringBuilder(headline).Append("\n\n").AppendJoin("\n\n", _paragraphs);
        body.Append("\n\n").Append(language == "uk" ? "Фото: Sitrep Wire" : "Фото: Sitrep Wire / архив");
        var url = $"https://wire.sitrep.example/{language}/{published.Year}/{_id}";
        return new CorpusReport(_id, url, published, body.ToString(), new GoldReport(_id, published, _events, []), language);
    }

    private void UkrainianWave(DateOnly date, bool first)
    {
        var drones = r.Next(8, 120);
        var downed = drones - r.Next(0, drones / 4 + 1);
        var missiles = r.Next(3) == 0 ? r.Next(2, 20) : 0;
        var missilesDown = missiles - r.Next(0, missiles / 3 + 1);
        var dateText = first
            ? (r.Next(2) == 0 ? "сьогодні вночі" : $"у ніч на {UkWeekdaysAccusative[(int)date.DayOfWeek]}")
            : $"{date.Day} {UkMonthsGenitive[date.Month - 1]}";
        var places = new List<string>();
        var weapons = new List<GoldWeapon> { new("drone", "Shahed-136", drones, downed) };
        var quotes = new List<string>();
        var attack = missiles > 0
            ? $"{Cap(dateText)} російські війська атакували Україну {drones} ударними БпЛА типу Shahed і {missiles} ракетами, повідомили в Повітряних силах ЗСУ."
            : $"{Cap(dateText)} росіяни атакували Україну {drones} ударними безпілотниками типу Shahed, повідомили в Повітряних силах ЗСУ.";
        quotes.Add(attack);
        var down = missiles > 0
            ? $"Силами протиповітряної оборони знешкоджено {downed} безпілотників і {missilesDown} ракет."
            : $"Силами протиповітряної оборони знешкоджено {downed} безпілотників.";
        quotes.Add(down);
        if (missiles > 0)
        {
            weapons.Add(new GoldWeapon("missile", null, missiles, missilesDown));
        }

        var (town, region) = UaTowns[r.Next(UaTowns.Length)];
        places.Add(town);
        var hit = $"Влучання зафіксовано в {town}, уламки також впали на {region}.";
        if (region != town)
        {
            places.Add(region);
        }

        quotes.Add(hit);
        int? killed = null, injured = null;
        var casualties = "";
        if (r.Next(3) != 0)
        {
            injured = r.Next(1, 25);
            killed = r.Next(2) == 0 ? r.Next(1, 6) : null;
            var head = UkHeads[r.Next(UkHeads.Length)];
            casualties = killed is { } k
                ? $"Загинули {k} {People(k)}, ще {injured} дістали поранень, повідомив очільник обласної військової адміністрації {head}."
                : $"Поранено {injured} {People(injured.Value)}, повідомив очільник обласної військової адміністрації {head}.";
            quotes.Add(casualties);
        }

        _paragraphs.Add(attack + " " + down);
        _paragraphs.Add(hit + (casualties.Length > 0 ? " " + casualties : ""));
        if (r.Next(2) == 0)
        {
            _paragraphs.Add("\"Ми чули кілька вибухів, а потім зникло світло,\" — розповіла місцева мешканка.");
        }

        _events.Add(new GoldEvent(date, dateText, "RU", "UA", places, weapons, killed, injured, "the Ukrainian Air Force", quotes));
    }

    private void RussianDefence(DateOnly date, bool first)
    {
        var n = r.Next(3, 60);
        var dateText = first ? $"в ночь на {RuWeekdaysAccusative[(int)date.DayOfWeek]}" : $"{date.Day} {RuMonthsGenitive[date.Month - 1]}";
        var regions = RuRegions.OrderBy(_ => r.Next()).Take(r.Next(1, 4)).ToList();
        var over = regions.Count == 1 ? regions[0] + " области" : string.Join(", ", regions.Take(regions.Count - 1)) + " и " + regions[^1] + " областей";
        var lead = $"{Cap(dateText)} дежурными средствами ПВО перехвачены и уничтожены {n} украинских беспилотных летательных аппаратов над территорией {over}, сообщило Министерство обороны России.";
        var quotes = new List<string> { lead };
        int? injured = null;
        var tail = "";
        if (r.Next(2) == 0)
        {
            injured = r.Next(1, 8);
            tail = $"Губернатор {RuGovernors[r.Next(RuGovernors.Length)]} сообщил, что в результате падения обломков пострадали {injured} человек, повреждены жилые дома и линия электропередачи.";
            quotes.Add(tail);
        }

        _paragraphs.Add(lead + (tail.Length > 0 ? " " + tail : ""));
        _events.Add(new GoldEvent(date, dateText, "UA", "RU", regions, [new GoldWeapon("drone", null, null, n)], null, injured, "Russia's defence ministry", quotes));
    }

    private static string People(int n) => (n % 10, n % 100) switch
    {
        (1, not 11) => "людина",
        (2 or 3 or 4, < 12 or > 14) => "людини",
        _ => "людей",
    };

    private static readonly string[] UkBackground =
    [
        "За даними моніторингових каналів, частина дронів заходила з північного напрямку через Сумщину та Чернігівщину.",
        "Мобільні вогневі групи працювали в кількох регіонах до самого ранку.",
        "У Міністерстві енергетики зазначили, що ситуація в енергосистемі залишається складною, але контрольованою.",
        "Місцева влада відкрила пункти незламності, де можна зігрітися, зарядити телефон і випити чаю.",
        "Фахівці комунальних служб уже закривають вибиті вікна плівкою та ОСБ-плитами.",
        "Жителів просять не публікувати фото та відео з місць влучань, щоб не допомагати ворогу коригувати удари.",
        "Пошкоджені будинки обстежують інженери, щоб оцінити, чи можна в них жити.",
        "У школах області навчання перевели в дистанційний формат до кінця тижня.",
        "Залізниця повідомила про затримку кількох поїздів через повітряну тривогу.",
        "Раніше Повітряні сили закликали українців не ігнорувати сигнали тривоги.",
        "Повітряна тривога тривала кілька годин у більшості областей.",
        "Енергетики працюють над відновленням електропостачання, повідомили в компанії.",
        "Нагадаємо, Росія регулярно атакує енергетичну інфраструктуру України.",
        "Рятувальники ДСНС ліквідували пожежу на площі близько двохсот квадратних метрів.",
        "У місті оголосили день жалоби.",
        "Президент закликав партнерів пришвидшити постачання систем протиповітряної оборони.",
    ];

    private static readonly string[] RuBackground =
    [
        "Жители нескольких районов сообщали в социальных сетях о звуках взрывов и работе противовоздушной обороны.",
        "Власти региона открыли пункт временного размещения для жителей поврежденных домов.",
        "Движение на одной из федеральных трасс было временно ограничено.",
        "В школах приграничных районов занятия перевели в дистанционный формат.",
        "Специалисты энергокомпании восстанавливают электроснабжение в нескольких населенных пунктах.",
        "Информацию о погибших губернатор не сообщил.",
        "Правоохранительные органы устанавливают все обстоятельства произошедшего.",
        "Сотрудники экстренных служб обследуют территорию в поисках неразорвавшихся боеприпасов.",
        "В ряде аэропортов юга России вводились временные ограничения на полеты.",
        "На месте работают оперативные службы.",
        "Киев не комментировал сообщения российской стороны.",
        "Жителей призвали не приближаться к обломкам беспилотников.",
        "Ранее в регионе был введен режим беспилотной опасности.",
    ];

    /// <summary>Background paragraphs of two or three sentences after the attacks, until the report has 120–400 words (or the pool ends).</summary>
    private void Background(string[] pool)
    {
        const int headlineWords = 7;
        var target = 120 + (int)(Math.Pow(r.NextDouble(), 2) * 280);
        var words = headlineWords + _paragraphs.Sum(CorpusReport.CountWords);
        var shuffled = pool.OrderBy(_ => r.Next()).ToList();
        var next = 0;
        while (words < target && next < shuffled.Count)
        {
            var paragraph = string.Join(' ', shuffled.Skip(next).Take(r.Next(2, 4)));
            next += 3;
            _paragraphs.Add(paragraph);
            words += CorpusReport.CountWords(paragraph);
        }
    }

    private static string Cap(string s) => char.ToUpperInvariant(s[0]) + s[1..];
}
