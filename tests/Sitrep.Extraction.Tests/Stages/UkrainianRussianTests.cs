using Sitrep.Core;

namespace Sitrep.Extraction.Tests.Stages;

/// <summary>Reports in Ukrainian and Russian, read with the stems of the same lexicons (sentences the project writes).</summary>
public class UkrainianRussianTests
{
    private static string Figures(string text) => string.Join(' ', Annotate.Layer<FigureMention>(text, Layers.Figures)
        .Select(f => $"{f.Kind.ToContract()}:{f.Weapon.Category.Family().ToContract()}:{f.Value}").Order(StringComparer.Ordinal));

    private static string Tolls(string text) => string.Join(' ', Annotate.Layer<CasualtyMention>(text, Layers.Casualties)
        .Select(c => $"{c.Kind.ToContract()}:{c.Value}").Order(StringComparer.Ordinal));

    [Theory]
    [InlineData("Вночі ворог атакував Україну 45 ударними безпілотниками, сили ППО збили 38 з них.", "destroyed:drone:38 launched:drone:45")]
    [InlineData("Збито або подавлено 52 ворожі безпілотники.", "destroyed:drone:52")]
    [InlineData("Противовоздушная оборона сбила 17 украинских беспилотников над Курской областью.", "destroyed:drone:17")]
    [InlineData("Россияне выпустили по городу три ракеты. Все они были сбиты.", "destroyed:missile:3 launched:missile:3")]
    [InlineData("Уничтожено 12 беспилотных летательных аппаратов самолетного типа.", "destroyed:drone:12")]
    // Ellipsis across conjuncts: per region summed, per day each its own
    [InlineData("Сили ППО збили 14 дронів над Сумською областю та 8 над Харківською областю.", "destroyed:drone:22")]
    [InlineData("ПВО сбила 14 беспилотников над Брянской областью и 8 над Курской областью.", "destroyed:drone:22")]
    [InlineData("Сили ППО збили 14 дронів у суботу та 8 у неділю.", "destroyed:drone:14 destroyed:drone:8")]
    [InlineData("ПВО сбила 14 беспилотников в субботу и 8 в воскресенье.", "destroyed:drone:14 destroyed:drone:8")]
    public void Launched_and_destroyed(string text, string expected) => Assert.Equal(expected, Figures(text));

    [Theory]
    // The air force's morning tally: a night, a period, a total in a case form, launch areas; a combined figure; lost drones.
    [InlineData("У ніч на 14 листопада (з 18:00 13 листопада) противник атакував 64-ма ударними БпЛА типу Shahed та дронами-імітаторами з напрямків: Брянськ, Курськ.",
        "launched:drone:64")]
    [InlineData("Станом на 09:00 збито/подавлено 47 ворожих БпЛА на півночі та сході країни.", "destroyed:drone:47")]
    [InlineData("Ще 11 ворожих БпЛА локаційно втрачено.", "suppressed:drone:11")]
    [InlineData("Ворог атакував чотирма ракетами та двома дронами.", "launched:drone:2 launched:missile:4")]
    [InlineData("Протиповітряна оборона знищила 30 ворожих БпЛА: 18 – на півночі, 12 – на сході.", "destroyed:drone:30")]
    [InlineData("Минулої ночі противник випустив 12 безпілотників типу «Shahed». 9 з них вдалося збити.", "destroyed:drone:9 launched:drone:12")]
    // The Russian MoD: one total with its breakdown by region.
    [InlineData("Дежурными средствами ПВО перехвачены и уничтожены 37 украинских беспилотных летательных аппаратов: 21 – над территорией Брянской области, 9 – Курской.",
        "destroyed:drone:37")]
    [InlineData("Силы ПВО сбили 61 из 70 выпущенных ночью по стране крылатых ракет.", "destroyed:missile:61 launched:missile:70")]
    // One weapon in a singular form, with no number.
    [InlineData("Ворожа ракета впала поблизу житлового будинку.", "launched:missile:1")]
    [InlineData("Увечері окупанти вдарили ракетою по Харкову.", "launched:missile:1")]
    [InlineData("Вночі росіяни атакували місто балістичною ракетою.", "launched:missile:1")]
    [InlineData("Украинский беспилотник атаковал автомобиль на трассе.", "launched:drone:1")]
    [InlineData("Уламки збитого дрона пошкодили дах будинку.", "destroyed:drone:1")]
    [InlineData("Уламки дрона пошкодили дах будинку.", "")]
    [InlineData("Окупанти скинули три керовані авіаційні бомби на село.", "launched:bomb:3")]
    [InlineData("Вночі сили ППО знищили дві керовані авіаційні ракети Х-59.", "destroyed:missile:2")]
    [InlineData("Над морем сбито 5 воздушных целей.", "destroyed:other:5")]
    public void Bulletins_and_singulars(string text, string expected) => Assert.Equal(expected, Figures(text));

    [Theory]
    [InlineData("Ворожа ракета впала поблизу житлового будинку.", "singular-weapon-verb")]
    [InlineData("Украинский беспилотник атаковал автомобиль на трассе.", "singular-weapon-verb")]
    public void A_singular_weapon_names_its_rule(string text, string rule) =>
        Assert.All(Annotate.Layer<FigureMention>(text, Layers.Figures), f => Assert.Equal(rule, f.Rule));

    [Theory]
    [InlineData("Внаслідок удару загинули щонайменше троє людей, ще 12 отримали поранення.", "injured:12 killed:3")]
    [InlineData("В результате обстрела погиб один мужчина, двое жителей получили ранения.", "injured:2 killed:1")]
    // No one hurt is no one killed either; "без жертв" says only that no one died.
    [InlineData("Обійшлося без постраждалих.", "injured:0 killed:0")]
    [InlineData("Пострадавших нет, сообщил губернатор.", "injured:0 killed:0")]
    [InlineData("Минулося без пожежі та постраждалих.", "injured:0 killed:0")]
    [InlineData("Атака минула без жертв.", "killed:0")]
    [InlineData("Пострадавших среди жителей села нет.", "injured:0 killed:0")]
    [InlineData("Погибших и пострадавших нет.", "injured:0 killed:0")]
    [InlineData("Обійшлося без жертв і постраждалих.", "injured:0 killed:0")]
    // People counted one by one, by their ages.
    [InlineData("Уламки поранили 81-річну жінку. Поранено 54-річного чоловіка.", "injured:1 injured:1")]
    [InlineData("Ранены 72-летний мужчина, 44-летняя и 19-летняя женщины.", "injured:3")]
    [InlineData("Поранені 38-річна жінка та 70-річний чоловік.", "injured:2")]
    [InlineData("Погибли трое 50-летних мужчин и 33-летняя женщина.", "killed:4")]
    [InlineData("Смертельні поранення отримали 48-річний чоловік та 45-річна жінка.", "killed:2")]
    [InlineData("Травми отримали семеро людей, їх госпіталізували.", "injured:7")]
    [InlineData("От полученных ранений не выжил 52-летний водитель.", "killed:1")]
    // Words that say someone was hurt without a count, or that no person was.
    [InlineData("Внаслідок удару є загиблі та поранені.", "")]
    [InlineData("Ранены женщины, их число уточняется.", "")]
    [InlineData("Водитель грузовика не пострадал.", "")]
    [InlineData("Не пострадал водитель автобуса.", "")]
    [InlineData("Постраждав один з об'єктів енергетики.", "")]
    // A toll revised upward.
    [InlineData("Кількість загиблих внаслідок удару по місту зросла до 7.", "killed:7")]
    [InlineData("Число раненых возросло до 14, сообщил мэр.", "injured:14")]
    [InlineData("Число жертв удара выросло до трех.", "killed:3")]
    [InlineData("Люди неушкоджені.", "injured:0 killed:0")]
    // The dash of an elided verb: "ще 25 — поранені".
    [InlineData("Загинули шестеро людей, ще 25 — поранені.", "injured:25 killed:6")]
    [InlineData("Погибли два человека, еще 12 — ранены.", "injured:12 killed:2")]
    [InlineData("Також постраждала 67-річна жінка.", "injured:1")]
    [InlineData("Есть погибший, сообщил мэр.", "killed:1")]
    public void Killed_and_injured(string text, string expected) => Assert.Equal(expected, Tolls(text));

    [Theory]
    [InlineData("Ранены 72-летний мужчина и 44-летняя женщина.", "kw-people")]
    [InlineData("Кількість поранених зросла до 11.", "кількість-зросла-до")]
    [InlineData("Не вижив 60-річний чоловік.", "не-вижив")]
    public void Each_toll_names_its_rule(string text, string rule) =>
        Assert.Equal(rule, Assert.Single(Annotate.Layer<CasualtyMention>(text, Layers.Casualties)).Rule);

    [Fact]
    public void A_village_the_gazetteer_lacks_is_kept_after_its_settlement_word()
    {
        var places = Annotate.Layer<PlaceMention>("Дрон атакував автомобіль у селі Вишнева Балка.", Layers.Places);
        var p = Assert.Single(places);
        Assert.Equal("Вишнева Балка", p.Text);
        Assert.Equal(PlaceHint.Settlement, p.Hint);
    }

    [Theory]
    [InlineData("Уночі по селу Нова Слобода прилетів дрон.", "Нова Слобода")]
    [InlineData("Снаряд упал в поселку Красная Яруга.", "Красная Яруга")]
    [InlineData("Беспилотник атаковал деревню Зеленая Роща.", "Зеленая Роща")]
    [InlineData("Уламки впали на подвір'я в с. Нижня Сироватка.", "Нижня Сироватка")]
    public void A_village_after_any_case_of_its_settlement_word_is_a_place(string text, string expected) =>
        Assert.Contains(Annotate.Layer<PlaceMention>(text, Layers.Places), p => p.Text == expected && !p.IsReference);

    [Fact]
    public void A_village_name_stops_before_the_region_that_follows_it()
    {
        var places = Annotate.Layer<PlaceMention>("Дрон ударил по селу Глушково Курской области.", Layers.Places);
        Assert.Contains(places, p => p.Text == "Глушково");
        Assert.Contains(places, p => p.Text == "Курской области");
    }

    [Theory]
    [InlineData("Ночью ВСУ атаковали Брянскую и Курскую область ракетами.", "Брянскую", "Курскую")]
    [InlineData("Дрони атакували Сумську та Харківську області.", "Сумську", "Харківську")]
    public void Adjectives_that_share_one_region_noun_are_each_a_place(string text, string first, string second)
    {
        var places = Annotate.Layer<PlaceMention>(text, Layers.Places).Select(p => p.Text).ToList();
        Assert.Equal([first, second], places);
    }

    [Theory]
    [InlineData("Росія атакувала Одесу дронами з напрямків Курська та Брянська.")]
    [InlineData("Напрямки пусків – Курськ, Брянськ. Дрони атакували Одесу.")]
    [InlineData("Ворог атакував Одесу 40 ударними БпЛА з напрямків: Курськ, Брянськ, Міллерово.")]
    [InlineData("Противник атаковал Одесу беспилотниками с направлений: Курск, Брянск и Орел.")]
    public void Launch_sites_are_not_places_hit(string text)
    {
        var places = Annotate.Layer<PlaceMention>(text, Layers.Places);
        Assert.Contains(places, p => p.IsReference && p.Text.StartsWith("Курськ", StringComparison.Ordinal) || p.Text == "Курск");
        Assert.DoesNotContain(places, p => !p.IsReference && p.Text.StartsWith("Брянськ", StringComparison.Ordinal) || !p.IsReference && p.Text == "Брянск");
        Assert.Contains(places, p => !p.IsReference && p.Text == "Одесу");
    }

    [Theory]
    // Every item of a launch-area or flight-direction list is a reference, whether or not the one before is known.
    [InlineData("Ракети випустили з районів Чорного моря та Курська, уламки впали на Одесу.", "Курська", "gazetteer-origin")]
    [InlineData("Бомбардировщики выпустили ракеты из районов Азовского моря и Курска, обломки упали в Одессе.", "Курска", "gazetteer-origin")]
    [InlineData("Дрони запустили з тимчасово окупованого Криму, уламки впали на Одесу.", "Криму", "gazetteer-origin")]
    [InlineData("Ракета летіла в напрямку Харкова, а уламки впали на Одесу.", "Харкова", "flight-direction")]
    public void Launch_areas_and_flight_directions_are_references(string text, string reference, string rule)
    {
        var places = Annotate.Layer<PlaceMention>(text, Layers.Places);
        var r = Assert.Single(places, p => p.Text == reference);
        Assert.True(r.IsReference);
        Assert.Equal(rule, r.Rule);
        Assert.Contains(places, p => !p.IsReference && p.Text.StartsWith("Одес", StringComparison.Ordinal));
    }

    [Fact]
    public void A_fleet_named_by_a_place_adjective_is_no_place()
    {
        Assert.DoesNotContain(Annotate.Layer<PlaceMention>("Атаку відбивали сили Курського флоту над Одесою.", Layers.Places), p => p.Text.StartsWith("Курськ", StringComparison.Ordinal));
        Assert.Contains(Annotate.Layer<PlaceMention>("Дрони атакували околиці Курська.", Layers.Places), p => p.Text.StartsWith("Курськ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Дрон влучив у будинок в районі Харкова.")] // "in the area of": a place hit
    [InlineData("Уламки впали у Києві та Харкові, а також на Одесу.")]
    public void A_list_without_a_launch_or_direction_word_is_places_hit(string text) =>
        Assert.All(Annotate.Layer<PlaceMention>(text, Layers.Places), p => Assert.False(p.IsReference, p.Text));

    [Fact]
    public void Launch_sites_are_no_evidence_of_the_attacker()
    {
        var x = Annotate.Extract("Уночі ворог атакував Україну 50 ударними БпЛА з напрямків: Курськ, Орел. Уламки впали в Сумах.", new DateOnly(2025, 3, 2));
        var e = Assert.Single(x.Events);
        Assert.Equal(Side.Russia, e.Attacker);
        Assert.DoesNotContain(e.Places, p => p.Text is "Курськ" or "Орел");
    }

    [Fact]
    public void A_page_date_stamp_that_opens_the_text_is_no_date_cue()
    {
        Assert.Empty(Annotate.Layer<DateMention>(" date 2025-03-02 Дрони атакували Одесу, є поранені.", Layers.Dates));
        Assert.Single(Annotate.Layer<DateMention>("Дрони атакували Одесу 2025-03-02, є поранені.", Layers.Dates));
    }

    [Fact]
    public void A_night_is_dated_by_its_morning_and_the_attacker_read_from_the_words()
    {
        var x = Annotate.Extract("У ніч на 12 листопада російські дрони атакували Одесу, поранено двох людей.", new DateOnly(2024, 11, 12));
        var e = Assert.Single(x.Events);
        Assert.Equal(new DateOnly(2024, 11, 12), e.Date.Date);
        Assert.Equal(DatePrecision.Night, e.Date.Precision);
        Assert.Equal(Side.Russia, e.Attacker);
        Assert.Equal(2, e.Injured!.Value);
    }
    [Theory]
    // A city's district is part of the city: dropped when the report names the city, standing for it when not.
    [InlineData("Уламки дрона впали в Києві. У Подільському районі пошкоджено будинок.", "Києві")]
    [InlineData("В Дарницком районе Киева обломки повредили дом.", "Киева")]
    [InlineData("В Дарницком районе обломки повредили дом.", "Дарницком районе=Kyiv")]
    [InlineData("Вночі в Салтівському районі Харкова пролунали вибухи.", "Харкова")]
    public void City_districts_are_their_city(string text, string expected)
    {
        var places = Annotate.Layer<PlaceMention>(text, Layers.Places).Where(p => !p.IsReference)
            .Select(p => p.Rule == "city-district" ? p.Text + "=" + p.Candidates[0].Name : p.Text);
        Assert.Equal(expected, string.Join('|', places));
    }

    [Fact]
    public void A_district_name_several_cities_share_needs_its_city()
    {
        var places = Annotate.Layer<PlaceMention>("У Шевченківському районі уламки впали на дах.", Layers.Places);
        Assert.DoesNotContain(places, p => p.Rule == "city-district");
    }
    [Theory]
    // The regions after a village's name, in the genitive, hold it: the namesake inside them is meant.
    [InlineData("Дрон атаковал село Чаусы Погарского района Брянской области.", "RU")]
    [InlineData("Дрон атаковал село Чаусы Брянской области.", "RU")]
    public void A_genitive_region_after_a_name_contains_it(string text, string country)
    {
        var doc = Annotate.Doc(text);
        var places = doc.Layer<PlaceMention>(Layers.Places);
        var village = Assert.Single(places, p => p.Text == "Чаусы");
        Assert.NotNull(village.ContainerIndex);
        Assert.Equal("Брянской области", Outermost(places, village).Text);
        var e = Assert.Single(Annotate.Extract(text).Events);
        Assert.Equal(country, Assert.Single(e.Places, p => p.Text == "Чаусы").Country);
    }

    private static PlaceMention Outermost(IReadOnlyList<PlaceMention> places, PlaceMention m)
    {
        for (var hops = 0; m.ContainerIndex is int c && hops < places.Count; hops++)
        {
            m = places[c];
        }

        return m;
    }

    [Theory]
    // Each region of a genitive chain holds the one before; settlements coordinated before it share it.
    [InlineData("Беспилотник ударил между деревней Малая Каменка и селом Сосновка Глушковского района Курской области.", "Малая Каменка|Сосновка", "Курской области")]
    [InlineData("Дрони атакували село Ясенове та с. Тополі Куп'янського району Харківської області.", "Ясенове|Тополі", "Харківської області")]
    [InlineData("Уламки впали на Лозову в Харківській області.", "Лозову", "Харківській області")]
    public void The_region_after_a_place_or_a_list_of_villages_holds_them(string text, string held, string outer)
    {
        var places = Annotate.Layer<PlaceMention>(text, Layers.Places);
        foreach (var name in held.Split('|'))
        {
            var p = Assert.Single(places, x => x.Text == name);
            Assert.True(p.ContainerIndex is not null, name);
            Assert.Equal(outer, Outermost(places, p).Text);
        }
    }

    [Fact]
    public void A_list_without_a_container_links_nothing() =>
        Assert.All(Annotate.Layer<PlaceMention>("Дрони атакували Суми та Лозову, а також Харків.", Layers.Places), p => Assert.Null(p.ContainerIndex));

    [Theory]
    // A facility named by its town's adjective stands at that town, in any case and in either language.
    [InlineData("Дрони атакували Рязанський НПЗ уночі.", "Рязанський НПЗ", "Ryazan’")]
    [InlineData("Беспилотники атаковали Саратовский нефтеперерабатывающий завод.", "Саратовский нефтеперерабатывающий завод", "Saratov")]
    [InlineData("Сили оборони вдарили по Саратовському нафтопереробному заводу.", "Саратовському нафтопереробному заводу", "Saratov")]
    [InlineData("Пожежа спалахнула на Волгоградському НПЗ.", "Волгоградському НПЗ", "Volgograd")]
    public void A_town_adjective_before_a_facility_is_that_town(string text, string place, string town)
    {
        var p = Assert.Single(Annotate.Layer<PlaceMention>(text, Layers.Places));
        Assert.Equal((place, "town-adjective-facility"), (p.Text, p.Rule));
        Assert.Contains(p.Candidates, c => c.Name == town);
    }

    [Theory]
    [InlineData("Дрони атакували Харківський район уночі.")] // no facility head
    [InlineData("Уламки впали біля Великого заводу.")] // an adjective made from no town
    public void An_adjective_without_a_facility_or_a_town_is_no_facility(string text) =>
        Assert.DoesNotContain(Annotate.Layer<PlaceMention>(text, Layers.Places), p => p.Rule == "town-adjective-facility");

    // An update line's date is when it was written: the line goes on with the event told so far.
    [Theory]
    [InlineData("Обновлено 15 марта: число погибших возросло до двух.")]
    [InlineData("Обновлено 15 марта в 10:15: число погибших возросло до двух.")]
    [InlineData("(Обновлено 15 марта.) Число погибших возросло до двух.")]
    [InlineData("UPD 15.03: число погибших возросло до двух.")]
    public void An_update_line_continues_the_event(string update)
    {
        var text = "Ночью 14 марта российские войска атаковали Харьков ударными дронами, ранены три человека.\n\n" + update;
        var e = Assert.Single(Annotate.Extract(text, new DateOnly(2025, 3, 14)).Events);
        Assert.Equal(new DateOnly(2025, 3, 14), e.Date.Date);
        Assert.Equal(2, e.Killed!.Value);
        Assert.Equal(3, e.Injured!.Value);
    }

    [Theory]
    [InlineData("Оновлено 15 березня о 08:00: кількість загиблих зросла до двох.", 1)]
    [InlineData("Оновлення: кількість загиблих зросла до двох.", 1)]
    // Without the cue, a sentence of another day is another day's attack.
    [InlineData("15 березня ворог знову вдарив по місту, загинули двоє людей.", 2)]
    public void An_update_line_in_Ukrainian(string update, int events)
    {
        var text = "Вночі 14 березня російські війська атакували Харків ударними дронами, поранено трьох людей.\n\n" + update;
        Assert.Equal(events, Annotate.Extract(text, new DateOnly(2025, 3, 14)).Events.Count(e => e.Kind != EventKind.Aggregate));
    }
}
