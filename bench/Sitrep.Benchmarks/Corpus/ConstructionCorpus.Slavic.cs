namespace Sitrep.Benchmarks.Corpus;

/// <summary>
/// The constructions in Ukrainian and Russian. Places in the gold are as written, inflected, with the word "область" when
/// the text has it ("Харкові", "Курской области", "над Брянской" → "Брянской"), as the eval's Ukrainian and Russian sets
/// label them; claimants are in English. Counts that a noun follows are drawn so the noun's
/// genitive plural is right ("12 беспилотников"); people named here are invented.
/// </summary>
internal static partial class ConstructionCorpus
{
    // (locative "у …", accusative of the region "атакували …", region adjective "… ОВА")
    private static readonly (string Town, string RegionAcc, string RegionAdj)[] UkTowns =
    [
        ("Харкові", "Харківщину", "Харківської"), ("Одесі", "Одещину", "Одеської"), ("Дніпрі", "Дніпропетровщину", "Дніпропетровської"),
        ("Сумах", "Сумщину", "Сумської"), ("Чернігові", "Чернігівщину", "Чернігівської"), ("Полтаві", "Полтавщину", "Полтавської"),
        ("Миколаєві", "Миколаївщину", "Миколаївської"), ("Львові", "Львівщину", "Львівської"), ("Житомирі", "Житомирщину", "Житомирської"),
        ("Черкасах", "Черкащину", "Черкаської"), ("Кривому Розі", "Дніпропетровщину", "Дніпропетровської"), ("Кременчуці", "Полтавщину", "Полтавської"),
        ("Шостці", "Сумщину", "Сумської"), ("Конотопі", "Сумщину", "Сумської"), ("Ізмаїлі", "Одещину", "Одеської"), ("Умані", "Черкащину", "Черкаської"),
    ];

    /// <summary>Regional centres are the first ten of <see cref="UkTowns"/>; the rest lie in a region named after another city.</summary>
    private static readonly (string Town, string RegionAcc, string RegionAdj)[] UkTownsApart = UkTowns[10..];

    // (city in the genitive, districts in the locative)
    private static readonly (string City, string[] Districts)[] UkCityDistricts =
    [
        ("Києва", ["Дарницькому", "Солом'янському", "Оболонському", "Подільському", "Деснянському"]),
        ("Харкова", ["Салтівському", "Шевченківському", "Київському", "Індустріальному"]),
        ("Одеси", ["Приморському", "Київському", "Хаджибейському"]),
        ("Дніпра", ["Шевченківському", "Самарському", "Чечелівському"]),
    ];

    // (region adjective "над … областью/областью", accusative "атаковали … область")
    private static readonly (string Adj, string Acc)[] RuRegionForms =
    [
        ("Курской", "Курскую"), ("Брянской", "Брянскую"), ("Белгородской", "Белгородскую"), ("Орловской", "Орловскую"), ("Воронежской", "Воронежскую"),
        ("Липецкой", "Липецкую"), ("Тульской", "Тульскую"), ("Калужской", "Калужскую"), ("Смоленской", "Смоленскую"), ("Ростовской", "Ростовскую"),
    ];

    // (town as object "атаковал …" and after "в …" where it does not decline, its region adjective)
    private static readonly (string Town, string Locative, string RegionAdj)[] RuTownForms =
    [
        ("Шебекино", "Шебекино", "Белгородской"), ("Грайворон", "Грайвороне", "Белгородской"), ("Валуйки", "Валуйках", "Белгородской"),
        ("Рыльск", "Рыльске", "Курской"), ("Льгов", "Льгове", "Курской"), ("Курчатов", "Курчатове", "Курской"), ("Клинцы", "Клинцах", "Брянской"),
        ("Новозыбков", "Новозыбкове", "Брянской"), ("Елец", "Ельце", "Липецкой"),
    ];

    private static readonly (string Native, string English)[] UkHeadNames =
    [
        ("Олег Мороз", "Oleh Moroz"), ("Василь Гнатюк", "Vasyl Hnatiuk"), ("Андрій Савчук", "Andrii Savchuk"), ("Тарас Деркач", "Taras Derkach"), ("Петро Гриценко", "Petro Hrytsenko"),
    ];

    private static readonly (string Native, string English)[] RuGovernorNames =
    [
        ("Андрей Кузнецов", "Andrei Kuznetsov"), ("Павел Орлов", "Pavel Orlov"), ("Михаил Белов", "Mikhail Belov"), ("Игорь Седов", "Igor Sedov"),
    ];

    private static readonly string[] UkWeekdaysAcc = ["неділю", "понеділок", "вівторок", "середу", "четвер", "пʼятницю", "суботу"];
    private static readonly string[] RuWeekdaysAcc = ["воскресенье", "понедельник", "вторник", "среду", "четверг", "пятницу", "субботу"];

    private const string UkAirForce = "the Ukrainian Air Force";

    /// <summary>A night cue resolved to the publication date.</summary>
    private static When SlavicNight(Scene s) => s.Language == "uk"
        ? new(s.Published, s.Pick("уночі", "сьогодні вночі", $"у ніч на {UkWeekdaysAcc[(int)s.Published.DayOfWeek]}"))
        : new(s.Published, s.Pick("минувшей ночью", "этой ночью", $"в ночь на {RuWeekdaysAcc[(int)s.Published.DayOfWeek]}"));

    /// <summary>A count whose following noun takes the genitive plural (5–20, or a number ending in 0 or 5–9 outside 11–14).</summary>
    private static int GenitivePlural(Scene s, int min, int max)
    {
        for (var i = 0; i < 50; i++)
        {
            var n = s.Between(min, max);
            if (n % 100 is >= 11 and <= 14 || n % 10 is 0 or >= 5)
            {
                return n;
            }
        }

        return 10;
    }

    private static void SlavicQuantifierAll(Scene s)
    {
        var when = SlavicNight(s);
        var n = GenitivePlural(s, 8, 90);
        if (s.Language == "uk")
        {
            var (_, region, _) = s.Pick(UkTowns);
            var text = s.R.Next(2) == 0
                ? s.Say($"{Cap(when.Text)} росіяни атакували {region} {n} ударними БпЛА типу Shahed.", "Усі вони були збиті, повідомили в Повітряних силах ЗСУ.")
                : s.Say($"Сили ППО знешкодили всі {n} ворожих БпЛА, які {when.Text} атакували {region}, повідомили в Повітряних силах.");
            s.Event(when, "RU", "UA", [region], [new("drone", "Shahed-136", n, n)], null, null, UkAirForce, text);
        }
        else
        {
            var (adj, acc) = s.Pick(RuRegionForms);
            var (gov, govEn) = s.Pick(RuGovernorNames);
            if (s.R.Next(2) == 0)
            {
                var text = s.Say($"{Cap(when.Text)} дежурные средства ПВО уничтожили все {n} украинских беспилотников, запущенных по {adj} области, сообщило Минобороны России.");
                s.Event(when, "UA", "RU", [adj + " области"], [new("drone", null, n, n)], null, null, RuMod, text);
            }
            else
            {
                var text = s.Say($"{Cap(when.Text)} ВСУ атаковали {acc} область {n} беспилотниками.", $"Все они были сбиты, сообщил губернатор {gov}.");
                s.Event(when, "UA", "RU", [acc + " область"], [new("drone", null, n, n)], null, null, govEn, text);
            }
        }
    }

    private static void SlavicEllipsisPerRegion(Scene s)
    {
        var when = SlavicNight(s);
        var regions = s.Distinct(RuRegionForms, 3);
        var a = GenitivePlural(s, 5, 30);
        int b = s.Between(1, 15), c = s.Between(1, 12);
        var text = s.R.Next(2) == 0
            ? s.Say($"{Cap(when.Text)} дежурные средства ПВО уничтожили {a} беспилотников над {regions[0].Adj} областью, {b} — над {regions[1].Adj} и {c} — над {regions[2].Adj}, сообщило Минобороны России.")
            : s.Say($"По данным Минобороны России, {when.Text} над {regions[0].Adj} областью перехвачены {a} беспилотников, над {regions[1].Adj} — {b}, над {regions[2].Adj} — {c}.");
        s.Event(when, "UA", "RU", [regions[0].Adj + " областью", regions[1].Adj, regions[2].Adj], [new("drone", null, null, a + b + c)], null, null, RuMod, text);
    }

    private static void SlavicPartitive(Scene s)
    {
        var when = SlavicNight(s);
        if (s.Language == "uk")
        {
            var n = GenitivePlural(s, 5, 30);
            var m = s.Between(1, n - 1);
            var (town, _, _) = s.Pick(UkTowns);
            var text = s.Say($"З {n} крилатих ракет Х-101, випущених {when.Text}, сили ППО збили {m}, повідомили в Повітряних силах.", $"Уламки впали в {town}.");
            s.Event(when, "RU", "UA", [town], [new("cruise_missile", "Kh-101", n, m)], null, null, UkAirForce, text);
        }
        else
        {
            var n = GenitivePlural(s, 5, 40);
            var m = s.Between(1, n - 1);
            var (adj, _) = s.Pick(RuRegionForms);
            var (gov, govEn) = s.Pick(RuGovernorNames);
            var text = s.Say($"Из {n} беспилотников, запущенных ВСУ по {adj} области {when.Text}, {m} были сбиты, сообщил губернатор {gov}.");
            s.Event(when, "UA", "RU", [adj + " области"], [new("drone", null, n, m)], null, null, govEn, text);
        }
    }

    private static void SlavicNegation(Scene s)
    {
        var when = SlavicNight(s);
        var n = s.Between(2, 9);
        var (_, region, _) = s.Pick(UkTowns);
        var text = s.R.Next(2) == 0
            ? s.Say($"{Cap(when.Text)} росіяни атакували {region} ракетами Х-22, випустивши {n} {UkMissiles(n)}.", "Збити жодну з них не вдалося, повідомили в Повітряних силах.")
            : s.Say($"Сили ППО не змогли перехопити жодної з {n} ракет Х-22, якими ворог {when.Text} атакував {region}, повідомили в Повітряних силах.");
        s.Event(when, "RU", "UA", [region], [new("cruise_missile", "Kh-22", n, 0)], null, null, UkAirForce, text);
    }

    private static string UkMissiles(int n) => n % 10 is >= 2 and <= 4 && n % 100 is < 12 or > 14 ? "ракети" : "ракет";

    private static string UkPeople(int n) => (n % 10, n % 100) switch
    {
        (1, not 11) => "людина",
        (2 or 3 or 4, < 12 or > 14) => "людини",
        _ => "людей",
    };

    private static string RuPeople(int n) => (n % 10, n % 100) switch
    {
        (2 or 3 or 4, < 12 or > 14) => "человека",
        _ => "человек",
    };

    private static void SlavicVague(Scene s)
    {
        var when = SlavicNight(s);
        var k = s.Between(1, 12);
        if (s.Language == "uk")
        {
            var (town, region, _) = s.Pick(UkTowns);
            var (head, headEn) = s.Pick(UkHeadNames);
            var text = s.R.Next(2) == 0
                ? s.Say($"{Cap(when.Text)} ворог атакував {region} десятками дронів і кількома ракетами.", $"У {town} поранено {k} {UkPeople(k)}, повідомив очільник ОВА {head}.")
                : s.Say($"{Cap(when.Text)} у {town} збили багато ворожих дронів, але уламки травмували {k} {UkPeople(k)}, повідомив {head}.");
            var weapons = text.Contains("ракетами", StringComparison.Ordinal)
                ? new List<GoldWeapon> { new("drone", null, null, null), new("missile", null, null, null) }
                : [new("drone", null, null, null)];
            s.Event(when, "RU", "UA", text.Contains("ракетами", StringComparison.Ordinal) ? [region, town] : [town], weapons, null, k, headEn, text);
        }
        else
        {
            var (_, acc) = s.Pick(RuRegionForms);
            var (gov, govEn) = s.Pick(RuGovernorNames);
            var text = s.Say($"{Cap(when.Text)} ВСУ атаковали {acc} область несколькими десятками беспилотников.", $"Пострадали {k} {RuPeople(k)}, сообщил губернатор {gov}.");
            s.Event(when, "UA", "RU", [acc + " область"], [new("drone", null, null, null)], null, k, govEn, text);
        }
    }

    private static void SlavicOneAtATime(Scene s)
    {
        var when = SlavicNight(s);
        var (town, _, _) = s.Pick(UkTowns);
        var (head, headEn) = s.Pick(UkHeadNames);
        var text = s.R.Next(2) == 0
            ? s.Say($"{Cap(when.Text)} російський дрон влучив у склад у {town}, загинув нічний сторож.", $"Ще один чоловік дістав поранення, повідомив {head}.")
            : s.Say($"Внаслідок ракетного удару {when.Text} у {town} загинула одна людина, ще одна отримала поранення, повідомив очільник ОВА {head}.");
        var weapon = text.Contains("дрон", StringComparison.Ordinal) ? new GoldWeapon("drone", null, 1, null) : new GoldWeapon("missile", null, null, null);
        s.Event(when, "RU", "UA", [town], [weapon], 1, 1, headEn, text);
    }

    private static void SlavicToll(Scene s)
    {
        var when = SlavicNight(s);
        var first = GenitivePlural(s, 5, 20);
        var later = first;
        while (later == first)
        {
            later = GenitivePlural(s, 5, 25);
        }

        if (s.Language == "uk")
        {
            var (town, _, _) = s.Pick(UkTowns);
            var (head, headEn) = s.Pick(UkHeadNames);
            var text = s.Say($"Спочатку повідомлялося про {first} загиблих у {town} після удару {when.Text}.", $"Згодом очільник ОВА {head} уточнив, що загинули {later} {UkPeople(later)}.");
            s.Event(when, "RU", "UA", [town], [], later, null, headEn, text);
        }
        else
        {
            var (_, loc, _) = s.Pick(RuTownForms);
            var (gov, govEn) = s.Pick(RuGovernorNames);
            var text = s.Say($"Первоначально сообщалось о {first} погибших в {loc} после обстрела {when.Text}.", $"Позднее губернатор {gov} уточнил, что погибли {later} {RuPeople(later)}.");
            s.Event(when, "UA", "RU", [loc], [], later, null, govEn, text);
        }
    }

    private static void SlavicNewAttack(Scene s)
    {
        var night = SlavicNight(s);
        int k1 = s.Between(1, 9), k2 = s.Between(1, 6);
        if (s.Language == "uk")
        {
            var day = new When(s.Published, $"у {UkWeekdaysAcc[(int)s.Published.DayOfWeek]} вдень");
            var (town, _, _) = s.Pick(UkTowns);
            var front = s.Pick("Херсоні", "Нікополі", "Костянтинівці", "Краматорську");
            var (head, headEn) = s.Pick(UkHeadNames);
            var first = s.Say($"{Cap(night.Text)} у {town} влучили ворожі дрони, поранено {k1} {UkPeople(k1)}, повідомив {head}.");
            s.Paragraph();
            var second = s.Say($"{s.Pick("Тим часом", "Крім того", "Окремо")} {day.Text} російська армія обстріляла з артилерії {front}: загинули {k2} {UkPeople(k2)}.");
            s.Event(night, "RU", "UA", [town], [new("drone", null, null, null)], null, k1, headEn, first);
            s.Event(day, "RU", "UA", [front], [new("artillery", null, null, null)], k2, null, "", second);
        }
        else
        {
            var day = new When(s.Published, $"в {RuWeekdaysAcc[(int)s.Published.DayOfWeek]} днём");
            var (_, acc) = s.Pick(RuRegionForms);
            var (town, _, adj) = s.Pick(RuTownForms);
            var (gov, govEn) = s.Pick(RuGovernorNames);
            var first = s.Say($"{Cap(night.Text)} беспилотники атаковали {acc} область, пострадали {k1} {RuPeople(k1)}, сообщил губернатор {gov}.");
            s.Paragraph();
            var second = s.Say($"{s.Pick("Тем временем", "Кроме того", "Отдельно")} {day.Text} ВСУ обстреляли {town} из реактивных систем залпового огня, погибли {k2} {RuPeople(k2)}, сообщили власти {adj} области.");
            s.Event(night, "UA", "RU", [acc + " область"], [new("drone", null, null, null)], null, k1, govEn, first);
            s.Event(day, "UA", "RU", [town], [new("rocket", null, null, null)], k2, null, "regional authorities", second);
        }
    }

    private static void SlavicDistrict(Scene s)
    {
        var when = SlavicNight(s);
        var (city, districts) = s.Pick(UkCityDistricts);
        var district = s.Pick(districts);
        var k = s.Between(1, 12);
        var (head, headEn) = s.Pick(UkHeadNames);
        var text = s.Say($"{Cap(when.Text)} уламки збитого дрона впали в {district} районі {city}, поранено {k} {UkPeople(k)}, повідомив {head}.");
        s.Event(when, "RU", "UA", [city], [new("drone", null, null, null)], null, k, headEn, text);
    }

    private static void SlavicOfficialTitle(Scene s)
    {
        var when = SlavicNight(s);
        var k = s.Between(1, 9);
        if (s.Language == "uk")
        {
            var (town, _, adj) = s.Pick(UkTownsApart);
            var (head, headEn) = s.Pick(UkHeadNames);
            var text = s.Say($"Очільник {adj} ОВА {head} повідомив, що {when.Text} ворожий дрон влучив у приватний будинок у {town}.", $"Поранено {k} {UkPeople(k)}.");
            s.Event(when, "RU", "UA", [town], [new("drone", null, 1, null)], null, k, headEn, text);
        }
        else
        {
            var (town, _, adj) = s.Pick(RuTownForms);
            var (gov, govEn) = s.Pick(RuGovernorNames);
            var text = s.Say($"Губернатор {adj} области {gov} сообщил, что {when.Text} украинский беспилотник атаковал {town}; пострадали {k} {RuPeople(k)}.");
            s.Event(when, "UA", "RU", [town], [new("drone", null, 1, null)], null, k, govEn, text);
        }
    }

    private static void SlavicNoDate(Scene s)
    {
        var none = new When(null, "");
        var k = s.Between(1, 12);
        if (s.Language == "uk")
        {
            var (town, _, _) = s.Pick(UkTowns);
            var text = s.Say($"Російський дрон влучив у багатоповерхівку в {town}, поранено {k} {UkPeople(k)}, повідомив міський голова.");
            s.Event(none, "RU", "UA", [town], [new("drone", null, 1, null)], null, k, "the mayor", text);
        }
        else
        {
            var (town, _, _) = s.Pick(RuTownForms);
            var (gov, govEn) = s.Pick(RuGovernorNames);
            var text = s.Say($"Украинский беспилотник атаковал {town}, пострадали {k} {RuPeople(k)}, сообщил губернатор {gov}.");
            s.Event(none, "UA", "RU", [town], [new("drone", null, 1, null)], null, k, govEn, text);
        }
    }
}
