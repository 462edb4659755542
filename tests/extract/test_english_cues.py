"""English status cues, donors, lists and packages of the second English
round, on sentences of our own: one behaviour a line, (text, expected)."""

from __future__ import annotations

import pytest

from aidwatch.extract import decider_for, extract_articles
from aidwatch.extract.engines import module
from tests.extract.test_english import english, triples

# fmt: off
CASES = [
    # a verb of wanting asks for its direct object; « wants to send » stays a modal
    ("Ukraine wants more Leopard 2 tanks.", [(None, "leopard2", "requested", None)]),
    ("Kyiv says it wants the ammunition and the Gepard tanks.", [(None, "gen_ammunition", "requested", None), (None, "gepard", "requested", None)]),
    ("Germany wants to send Leopard 2 tanks to Ukraine.", [("DE", "leopard2", "considered", None)]),
    # « sell » gives; asking a state to sell asks that state
    ("Zelensky has asked the U.S. to sell Tomahawks to European nations.", [("US", "tomahawk", "requested", None)]),
    ("Kyiv has been urgently requesting more advanced jets.", [(None, "gen_modern_fighter", "requested", None)]),
    # « call » asks only with its particle
    ("Zelensky has repeatedly called on allies to send more Leopard tanks.", [(None, "leopard", "requested", None)]),
    ("An expert called Britain's transfer of Storm Shadow missiles a serious threat.", [(None, "storm_shadow_scalp", "pledged", None)]),
    # what a verb places on a wish list is asked for
    ("Heavy artillery platforms, like howitzers and HIMARS, sit high on Ukrainian military wish lists.", [(None, "gen_heavy_artillery", "requested", None), (None, "himars", "requested", None)]),
    # a refusal to speak refuses nothing
    ("The official declined to elaborate on how many troops have completed training on the HIMARS system.", [(None, "himars", "training", None)]),
    ("Germany refused to send Taurus missiles to Ukraine.", [("DE", "taurus", "refused", None)]),
    # a stand taken against the giving is a refusal
    ("The German chancellor spoke out again against sending Taurus missiles to Ukraine.", [("DE", "taurus", "refused", None)]),
    # what a concession names is background
    ("Despite the promises of Western tanks, Polish T-72 tanks remain the most numerous in the Ukrainian arsenal.", []),
    # a purchase in the pluperfect is background; one just made is procured
    ("Finland had bought these rocket launchers from Norway in the 1990s.", []),
    ("Finland has bought rocket launchers for Ukraine.", [("FI", "gen_rocket_launcher", "procured", None)]),
    # a verb of judging a transfer comments on it
    ("Moscow denounced the delivery of Leopard tanks to Ukraine.", []),
    # what aid is said to be limited to is what it has given
    ("So far, Western aid has been limited to the delivery of T-72 tanks.", [(None, "t72", "delivered", None)]),
    # a giving done « after » something else is delivered, whatever governs the clause
    ("Poland plans to buy shells to refill its stocks after sending many shells to Ukraine.", [("PL", "gen_artillery_shell", "delivered", None)]),
    # a noun of giving that is the topic of a noun of no status names a subject, not an act
    ("Austin spoke at a meeting of the contact group on deliveries of Leopard tanks to Ukraine.", []),
    ("Talks on the delivery of Leopard tanks to Ukraine continue.", [(None, "leopard", "considered", None)]),
    # a shipment named with no verb of giving was made; one to come is a pledge
    ("The shipment, including over 60 Bradley vehicles, left the port last week.", [(None, "bradley", "delivered", 60)]),
    ("A shipment of HIMARS launchers will arrive next week.", [(None, "himars", "pledged", None)]),
    # a transfer that went on, began or was confirmed
    ("The Biden administration had continued shipments of critical munitions, including anti-tank weapons.", [("US", "gen_ammunition", "delivered", None), ("US", "gen_anti_tank_weapon", "delivered", None)]),
    ("Germany began deliveries of Leopard 2 tanks in March.", [("DE", "leopard2", "delivered", None)]),
    ("Germany will begin deliveries of Leopard 2 tanks in March.", [("DE", "leopard2", "pledged", None)]),
    ("The British minister confirmed the delivery of Storm Shadow missiles to Ukraine.", [("GB", "storm_shadow_scalp", "delivered", None)]),
    ("The British minister confirmed the delivery of Storm Shadow missiles next month.", [("GB", "storm_shadow_scalp", "pledged", None)]),
    # a giving participle on the item, with its giver fused to it
    ("Ukrainian forces have used UK-supplied Storm Shadow cruise missiles against Russian targets, the minister confirmed.", [("GB", "storm_shadow_scalp", "delivered", None)]),
    ("Ukraine has used German-supplied Leopard tanks.", [("DE", "leopard", "delivered", None)]),
    # a count already given, named as a thing, is a running total
    ("France will send six Caesar howitzers to Ukraine, on top of the 18 already delivered.", [("FR", "caesar", "delivered", 18), ("FR", "caesar", "pledged", 6)]),
    # the noun an item is listed under, or what it is among
    ("It complements the long-range systems already gifted by Britain, including HIMARS and Harpoon missiles.", [("GB", "harpoon", "delivered", None), ("GB", "himars", "delivered", None)]),
    ("Multiple rocket launchers are among the weapons that Ukraine received from Poland.", [("PL", "gen_mlrs", "delivered", None)]),
    # a list the parser hangs on an infinitive belongs to the verb above
    ("The U.S. package includes three tactical vehicles to recover equipment, demolition munitions, counter-battery systems and spare parts.", [("US", "gen_ammunition", "pledged", None), ("US", "gen_counter_battery_radar", "pledged", None), ("US", "gen_spare_parts", "pledged", None), ("US", "gen_tactical_vehicle", "pledged", 3)]),
    # a donation the sentence tells of as made, whatever verb it is the subject of
    ("Military aid goes on. The donation of these HIMARS launchers by Washington gives Ukraine a better chance, he said.", [("US", "himars", "delivered", None)]),
    # what a delivery's aid holds is delivered
    ("Other donations from Estonia include humanitarian aid, including field hospitals and medical equipment.", [("EE", "gen_field_hospital", "delivered", None)]),
    # weighed: poised, not yet agreed
    ("The Pentagon is poised to send HIMARS launchers to Ukraine.", [("US", "himars", "considered", None)]),
    ("Western allies have not yet agreed to provide Ukraine with Leopard 2 tanks.", [(None, "leopard2", "considered", None)]),
    ("Germany has not agreed to send Leopard 2 tanks.", []),
    # a running count of transfers
    ("The package brings the total number of HIMARS transfers to Ukraine from U.S. arsenals to 16.", [("US", "himars", "delivered", 16), ("US", "himars", "pledged", None)]),
    # catalogue names
    ("Lithuania delivered M577 armored personnel carriers and an L-39 aircraft to Ukraine.", [("LT", "l39", "delivered", 1), ("LT", "m577", "delivered", None)]),
    ("Poland delivered self-propelled howitzers 2C1 to Ukraine.", [("PL", "2s1_gvozdika", "delivered", None)]),
    ("The U.S. is providing more of the Army Tactical Missile System in the new package.", [("US", "atacms", "pledged", None)]),
    # givers named after the copula their clause is the subject of
    ("Other countries pledging to transfer F-16s to Ukraine are Denmark, Norway, and the Netherlands.", [("DK", "f16", "pledged", None), ("NL", "f16", "pledged", None), ("NO", "f16", "pledged", None)]),
    # « his country »: the speaker's
    ("Belgian Prime Minister Bart de Wever said that his country plans to deliver F-16 aircraft to Ukraine.", [("BE", "f16", "pledged", None)]),
    # an air-defence system's missiles are missiles; its battery is the system
    ("Germany has delivered 20 more Patriot missiles to Ukraine.", [("DE", "gen_surface_to_air_missile", "delivered", 20)]),
    ("Spain sent Patriot interceptors to Ukraine.", [("ES", "gen_surface_to_air_missile", "delivered", None)]),
    ("The United States will send a Patriot missile battery to Ukraine.", [("US", "patriot", "pledged", 1)]),
    ("Norway will deliver Patriot systems and missiles to Ukraine.", [("NO", "gen_surface_to_air_missile", "pledged", None), ("NO", "patriot", "pledged", None)]),
    ("Greece sent Patriot missile parts to Ukraine.", [("GR", "gen_spare_parts", "delivered", None)]),
    ("Norway will deliver Patriot parts and missiles to Ukraine.", [("NO", "gen_spare_parts", "pledged", None), ("NO", "gen_surface_to_air_missile", "pledged", None)]),
    # a state paying for US weapons for Ukraine procures what its package holds; a pledge said as such stays one
    ("Sweden will buy 300 million euros of US weapons for Ukraine. The Swedish package will include HIMARS launchers. Sweden has already pledged tanks.", [("SE", "gen_tank", "pledged", None), ("SE", "himars", "procured", None)]),
    ("Sweden will send 300 million euros of US weapons to Ukraine. The Swedish package will include HIMARS launchers.", [("SE", "himars", "pledged", None)]),
    # « is donating » is a gift being made; « is sending » announces
    ("Norway is donating NASAMS launchers to Ukraine.", [("NO", "nasams", "delivered", None)]),
    ("Norway is sending NASAMS launchers to Ukraine.", [("NO", "nasams", "pledged", None)]),
    # a kind named right after a system describes it; pointed at later, it is that system
    ("Germany will send Gepard anti-aircraft tanks to Ukraine.", [("DE", "gepard", "pledged", None)]),
    ("Germany will send Gepard guns and tanks to Ukraine.", [("DE", "gen_tank", "pledged", None), ("DE", "gepard", "pledged", None)]),
    # « guided missiles » are surface-to-air missiles, unless the name says anti-tank
    ("Germany will send an IRIS-T air defence system and additional guided missiles to Ukraine.", [("DE", "gen_surface_to_air_missile", "pledged", None), ("DE", "iris_t", "pledged", 1)]),
    ("Britain will send anti-tank guided missiles to Ukraine.", [("GB", "gen_anti_tank_missile", "pledged", None)]),
    # a gift to another state is not aid to Ukraine
    ("The United States has offered Slovakia 12 new military helicopters.", []),
    ("Israel will supply an Arrow 3 missile defence system to Germany.", []),
    ("Germany will supply IRIS-T systems to Ukraine.", [("DE", "iris_t", "pledged", None)]),
    # a state buying for itself
    ("Slovakia previously signed a deal to buy 14 F-16 fighter jets.", []),
    ("Poland plans to buy 96 Apache helicopters to modernise its army in response to Russia's invasion of Ukraine.", []),
    ("Poland plans to buy Apache helicopters for Ukraine.", [("PL", "gen_helicopter", "procured", None)]),
    # « featuring » hands on the status of what it hangs on to the list it introduces
    ("Norway has delivered a new shipment of aid to Ukraine, featuring drones and ammunition.", [("NO", "gen_ammunition", "delivered", None), ("NO", "gen_drone", "delivered", None)]),
    ("The Pentagon announced a new package for Kyiv, featuring Stinger missiles.", [("US", "stinger", "pledged", None)]),
    ("The new tank features a 120 mm gun.", []),
    # words before « and » share the head noun of the item after it
    ("France has provided Ukraine with anti-tank and anti-aircraft missiles.", [("FR", "gen_air_defence_missile", "delivered", None), ("FR", "gen_anti_tank_missile", "delivered", None)]),
    ("Washington will send air defense and rocket systems.", [("US", "gen_air_defence_system", "pledged", None), ("US", "gen_rocket_artillery", "pledged", None)]),
    ("The Pentagon announced a package of air defence and artillery munitions.", [("US", "gen_air_defence_missile", "pledged", None), ("US", "gen_artillery_shell", "pledged", None)]),
    ("Leopard and Abrams tanks were sent to Ukraine by its allies.", [(None, "abrams", "delivered", None), (None, "leopard", "delivered", None)]),
    # aid a verb of its own takes as object, in the present, is being given; to come, or part of a package, it is a pledge
    ("Estonia steps up its aid to Ukraine with Javelin missiles and mortars.", [("EE", "gen_mortar", "delivered", None), ("EE", "javelin", "delivered", None)]),
    ("Poland will boost its aid to Ukraine with 155 mm shells.", [("PL", "gen_155mm_shell", "pledged", None)]),
    ("Ten Leopard tanks form part of the new German package.", [(None, "leopard", "pledged", 10)]),
    # what follows « anti- » is what a weapon is against, not an item
    ("The package includes Javelin anti-tank munitions.", [(None, "javelin", "pledged", None)]),
    ("Britain will send anti-tank weapons and tanks.", [("GB", "gen_anti_tank_weapon", "pledged", None), ("GB", "gen_tank", "pledged", None)]),
    ("The US will send counter-UAV equipment.", [("US", "gen_counter_drone", "pledged", None)]),
    # the calibre between a count and its noun
    ("France sent about fifteen 155 mm towed guns to Ukraine.", [("FR", "gen_artillery_gun", "delivered", 15)]),
    # a kind counted after a system in its list is another item; pointed back at, it is the system
    ("France has provided Ukraine with 18 Caesar guns, fuel and 15 towed guns.", [("FR", "caesar", "delivered", 18), ("FR", "gen_artillery_gun", "delivered", 15), ("FR", "gen_fuel", "delivered", None)]),
    ("France has provided Ukraine with 18 Caesar guns. The 18 guns arrived in May.", [("FR", "caesar", "delivered", 18)]),
    # a participle describing a noun, its giver unsaid, does not go on with the article's giver
    ("The UK is donating Storm Shadow missiles to Ukraine. It complements the long-range systems already gifted, including HIMARS.", [(None, "himars", "delivered", None), ("GB", "storm_shadow_scalp", "delivered", None)]),
    # a request is made to whom it addresses, not to a name fused to the item or in a clause about it
    ("Zelensky has urged Western leaders to supply Nato fighter jets.", [(None, "gen_fighter_jet", "requested", None)]),
    ("Zelensky has urged Western leaders to supply F-16 jets, which Britain does not possess.", [(None, "f16", "requested", None)]),
    ("Zelensky has urged Britain to supply F-16 jets.", [("GB", "f16", "requested", None)]),
    # a past participle after the item says more than the verb reporting it
    ("Ukraine has begun using ATACMS missiles provided secretly by the United States, officials confirmed.", [("US", "atacms", "delivered", None)]),
    ("The United States will provide ATACMS missiles, officials confirmed.", [("US", "atacms", "pledged", None)]),
    # asking for more of an item asks for it
    ("Politicians are calling for London to increase the number of tanks it supplies.", [("GB", "gen_tank", "requested", None)]),
    # the unnamed rest of a list is no item of its own
    ("The US package includes HIMARS launchers along with other arms and mortars.", [("US", "himars", "pledged", None)]),
    ("The US package includes HIMARS launchers along with mortars.", [("US", "gen_mortar", "pledged", None), ("US", "himars", "pledged", None)]),
    # a source's anonymity is no condition put on the aid
    ("The U.S. is providing ATACMS in the new package, according to an official who spoke on the condition of anonymity.", [("US", "atacms", "pledged", None)]),
    ("The U.S. will provide ATACMS on condition that they are not used against Russia.", [("US", "atacms", "considered", None)]),
    ("The UK is donating Storm Shadow missiles to Ukraine. It will also send Challenger 2 tanks.", [("GB", "challenger2", "pledged", None), ("GB", "storm_shadow_scalp", "delivered", None)]),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_english_cues(text, expected):
    assert triples(text) == expected


def test_a_kind_pointed_at_stands_for_the_system_it_was_named_after():
    text = (
        "Germany will send Gepard anti-aircraft tanks to Ukraine. Switzerland has its doubts. "
        "Kyiv says it wants the ammunition and the tanks."
    )
    [extraction] = extract_articles([english(text)], decider=decider_for("rules"))
    found = {(f.donor, f.item.id, f.status) for f in extraction.facts}
    assert found == {
        ("DE", "gepard", "pledged"),
        (None, "gen_ammunition", "requested"),
        (None, "gepard", "requested"),
    }
    # four sentences on, « the tanks » are tanks again
    later = text.replace("Switzerland has its doubts. ", "One. Two. Three. ")
    [extraction] = extract_articles([english(later)], decider=decider_for("rules"))
    assert (None, "gen_tank", "requested") in {
        (f.donor, f.item.id, f.status) for f in extraction.facts
    }


def test_a_bulleted_list_is_read_with_the_line_that_introduces_it():
    text = (
        "Germany announced a new military aid package for Ukraine.\n\n"
        "According to the minister, the package will consist of the following:\n\n"
        "  • Patriot missile system\n"
        "  • seven Gepard anti-aircraft guns\n"
        "  • IRIS-T air defence systems\n\n"
        "The minister said more would follow."
    )
    assert triples(text) == [
        ("DE", "gepard", "pledged", 7),
        ("DE", "iris_t", "pledged", None),
        ("DE", "patriot", "pledged", None),
    ]


def test_a_joined_list_keeps_every_offset():
    text_module = module("en", "text")
    text = "The package includes:\n  • four HIMARS\n  • Javelins\nMore later."
    found = text_module.sentences(text)
    assert [s.text for s in found] == [
        "The package includes:     four HIMARS   , Javelins",
        "More later.",
    ]
    for s in found:
        assert len(s.text) == s.end - s.start
        assert text[s.start : s.end].replace("\n", " ").replace("•", " ")[:21] == s.text[:21]


def packages(text: str) -> list[tuple]:
    [extraction] = extract_articles([english(text)], decider=decider_for("rules"))
    return [(p.donor, p.amount, p.currency) for p in extraction.packages]


# fmt: off
PACKAGES = [
    ("Switzerland announced a fresh financial aid package of CHF100 million for Ukraine.", [("CH", 100_000_000, "CHF")]),
    ("The Netherlands will contribute €500mn (£434mn) to purchase US military equipment for Ukraine.", [("NL", 500_000_000, "EUR")]),
    ("Lithuania would transfer 4,500 drones worth 5 million euros to Ukraine.", [("LT", 5_000_000, "EUR")]),
    ("Lithuania plans to purchase 3,000 FPV drones for Ukraine, worth EUR 2 million.", [("LT", 2_000_000, "EUR")]),
    ("Slovakia would pay for attack helicopters in a deal worth about $1 billion.", []),
    ("Germany revealed plans for an additional €3 billion ($3.4 billion) in military support this year, with a further €8 billion ($9 billion) pledged through 2029.", [("DE", 3_000_000_000, "EUR"), ("DE", 8_000_000_000, "EUR")]),
    # another recipient's money
    ("The US government approved a $23-billion deal to sell F-16 warplanes to Turkey.", []),
    # running totals
    ("The United States had provided $65.9 billion in military assistance to Ukraine since Russia invaded in 2022.", []),
    ("Congress will pass $45 billion in aid to Ukraine, bringing total U.S. assistance to over $100 billion.", []),
    ("Estonia has provided Ukraine nearly 500 million euros ($550 million) in military aid in total.", []),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), PACKAGES, ids=[c[0][:40] for c in PACKAGES])
def test_english_packages(text, expected):
    assert packages(text) == expected


def test_a_package_for_another_state_is_left_out():
    text = "The United States announced $61 billion in aid to Ukraine and $26 billion for Israel."
    assert packages(text) == [("US", 61_000_000_000, "USD")]


def french_triples(text: str) -> list[tuple]:
    from aidwatch.model import Article

    article = Article(id="fr", source="<fr>", text=text, published="2023-05-10", language="fr")
    [extraction] = extract_articles([article], decider=decider_for("rules"))
    return sorted(
        ((f.donor, f.item.id, f.status) for f in extraction.facts),
        key=lambda f: (f[0] or "", *f[1:]),
    )


# The French twins of the shared rules above (language_fr.yaml).
# fmt: off
FRENCH = [
    ("Le ministre britannique a confirmé la livraison des missiles Storm Shadow à l'Ukraine.", [("GB", "storm_shadow_scalp", "delivered")]),
    ("Le ministre britannique a confirmé la livraison des missiles Storm Shadow le mois prochain.", [("GB", "storm_shadow_scalp", "pledged")]),
    ("L'Allemagne a refusé de commenter la livraison des chars Leopard 2 à l'Ukraine.", []),
    ("L'Allemagne a refusé de livrer des missiles Taurus à l'Ukraine.", [("DE", "taurus", "refused")]),
    # French files « missiles Patriot » under the system (system_missiles idle)
    ("L'Allemagne a livré des systèmes Patriot et des missiles Patriot à l'Ukraine.", [("DE", "patriot", "delivered")]),
    ("La Pologne renforce son aide à l'Ukraine avec des obus de 155 mm.", [("PL", "gen_155mm_shell", "delivered")]),
    ("La Pologne renforcera son aide à l'Ukraine avec des obus de 155 mm.", [("PL", "gen_155mm_shell", "pledged")]),
    ("La Pologne a livré des drones anti-chars à l'Ukraine.", [("PL", "gen_drone", "delivered")]),
    ("La France a livré à l'Ukraine 18 canons Caesar, du carburant et 15 canons tractés.", [("FR", "caesar", "delivered"), ("FR", "gen_artillery_gun", "delivered"), ("FR", "gen_fuel", "delivered")]),
    ("Plus de 90 chars, dont 37 chars T-72, ont été livrés par la Tchéquie.", [("CZ", "t72", "delivered")]),
    ("Le paquet américain comprend des HIMARS et d'autres armes et mortiers.", [("US", "himars", "pledged")]),
    ("Le paquet américain comprend des HIMARS et des mortiers.", [("US", "gen_mortar", "pledged"), ("US", "himars", "pledged")]),
    ("Les États-Unis livreront quatre autres systèmes HIMARS.", [("US", "himars", "pledged")]),
    ("Kiev appelle Londres à augmenter le nombre de chars livrés.", [("GB", "gen_tank", "requested")]),
    ("La France livrera des canons Caesar, a indiqué un responsable à condition de ne pas être nommé.", [("FR", "caesar", "pledged")]),
    ("La France livrera des canons Caesar à condition que l'Ukraine les paie.", [("FR", "caesar", "considered")]),
    ("L'Allemagne livrera des chars Leopard 2 à l'Ukraine. Ils compléteront les systèmes déjà livrés, dont des HIMARS.", [(None, "himars", "delivered"), ("DE", "leopard2", "pledged")]),
    ("L'Allemagne livrera des chars Leopard 2 à l'Ukraine. Ils compléteront les systèmes déjà livrés par Washington, dont des HIMARS.", [("DE", "leopard2", "pledged"), ("US", "himars", "delivered")]),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), FRENCH, ids=[c[0][:40] for c in FRENCH])
def test_french_twins(text, expected):
    assert french_triples(text) == expected
