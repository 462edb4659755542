"""Hand-written French sentences and short passages with the aid facts a careful analyst
would record from them, independent of the development articles.

Conventions (see /work/shared/eval/README.md):
  donor: ISO 3166-1 alpha-2, "EU", "NATO", or None when no donor is named
         (« les alliés », « les Occidentaux », provenance not given).
  item:  a specific system's normalised name (lower case, no accents, no non-alphanumerics),
         or the controlled category of a generic kind.
  date:  the day/month the pledge, delivery, request... was made or announced, resolved
         against `published` (« mardi » -> the latest Tuesday on or before a day-precise
         published date; « cette semaine » -> the published month), else None.
  A continuation sentence (« Elle comprend aussi... ») carries the donor and, when it
  describes the same announcement, its date.
Non-breaking (\\u00a0) and narrow non-breaking (\\u202f) spaces inside numbers are deliberate.
"""

# (sentence or short passage, published date of the article, expected facts)
# expected fact: (donor, item, status, quantity, quantity_kind, date)
#   item: for a specific system, its normalised name (lower case, no accents, no non-alphanumerics:
#         "himars", "leopard2a6", "mig29", "storm shadow" -> "stormshadow", "caesar", "patriot", "f16");
#         for a generic kind, its category from the README's controlled list ("main_battle_tank", "howitzer",
#         "artillery_ammunition", "armoured_vehicle", "air_defence_system", ...).
#   quantity: int or None; quantity_kind: "exact" | "approx" | "at_least" | "cumulative_total" | None
#   date: "YYYY-MM-DD" / "YYYY-MM" / None — as the analyst would record it, resolved against `published`.
CASES: list[tuple[str, str | None, list[tuple]]] = [
    # ------------------------------------------------------------------ pledged: future tense
    (
        "Berlin va livrer 14 chars Leopard 2A6 à l'Ukraine, a annoncé mercredi le gouvernement allemand.",
        "2023-01-25",
        [("DE", "leopard2a6", "pledged", 14, "exact", "2023-01-25")],
    ),
    (
        "Le Royaume-Uni livrera quatorze chars Challenger 2 à l'Ukraine, a annoncé samedi Downing Street.",
        "2023-01-14",
        [("GB", "challenger2", "pledged", 14, "exact", "2023-01-14")],
    ),
    (
        "Le Portugal enverra trois chars Leopard 2A6 à l'Ukraine, a déclaré le Premier ministre portugais.",
        None,
        [("PT", "leopard2a6", "pledged", 3, "exact", None)],
    ),
    (
        "Varsovie va envoyer 14 chars Leopard 2A4 à Kiev.",
        None,
        [("PL", "leopard2a4", "pledged", 14, "exact", None)],
    ),
    (
        "L'Australie livrera 30 véhicules blindés Bushmaster supplémentaires à l'Ukraine.",
        None,
        [("AU", "bushmaster", "pledged", 30, "exact", None)],
    ),
    (
        "La Norvège va donner à l'Ukraine une centaine de missiles antiaériens Mistral.",
        None,
        [("NO", "mistral", "pledged", 100, "approx", None)],
    ),
    (
        "La Grèce va envoyer des véhicules de combat d'infanterie BMP-1 à l'Ukraine.",
        None,
        [("GR", "bmp1", "pledged", None, None, None)],
    ),
    (
        "La Lettonie va fournir des mortiers à l'armée ukrainienne.",
        None,
        [("LV", "mortar", "pledged", None, None, None)],
    ),
    (
        "Le Danemark va livrer des missiles antinavires Harpoon à l'Ukraine.",
        None,
        [("DK", "harpoon", "pledged", None, None, None)],
    ),
    (
        "La Belgique va envoyer des blindés légers à l'Ukraine, a annoncé vendredi le ministère belge de la Défense.",
        "2023-09-22",
        [("BE", "armoured_vehicle", "pledged", None, None, "2023-09-22")],
    ),
    # ------------------------------------------------------------------ pledged: promise / commitment
    (
        "Le président américain Joe Biden a promis mercredi 31 chars Abrams à Kiev.",
        "2023-01-25",
        [("US", "abrams", "pledged", 31, "exact", "2023-01-25")],
    ),
    (
        "La France s'est engagée à fournir des chars légers AMX-10 RC à l'Ukraine, a indiqué l'Élysée mercredi.",
        "2023-01-05",
        [("FR", "amx10rc", "pledged", None, None, "2023-01-04")],
    ),
    (
        "Le Danemark et les Pays-Bas ont promis de livrer des avions de combat F-16 à Kiev.",
        None,
        [("DK", "f16", "pledged", None, None, None), ("NL", "f16", "pledged", None, None, None)],
    ),
    (
        "La Belgique s'est engagée mardi à livrer 30 avions F-16 à l'Ukraine d'ici 2028.",
        "2024-05-29",
        [("BE", "f16", "pledged", 30, "exact", "2024-05-28")],
    ),
    (
        "L'Union européenne s'est engagée à fournir un million d'obus d'artillerie à l'Ukraine d'ici mars 2024.",
        None,
        [("EU", "artillery_ammunition", "pledged", 1000000, "exact", None)],
    ),
    (
        "La Lituanie a promis plus de 20 véhicules blindés de transport de troupes M113 à l'Ukraine.",
        None,
        [("LT", "m113", "pledged", 20, "at_least", None)],
    ),
    (
        "Le Japon a promis de fournir des gilets pare-balles à l'Ukraine.",
        None,
        [("JP", "protective_equipment", "pledged", None, None, None)],
    ),
    (
        "Washington a promis 15 000 obus de 155 mm supplémentaires à Kiev.",
        None,
        [("US", "artillery_ammunition", "pledged", 15000, "exact", None)],
    ),
    # ------------------------------------------------------------------ pledged: announcement of a dispatch
    (
        "Le Pentagone a annoncé l'envoi de 18 obusiers M777 supplémentaires à l'Ukraine.",
        None,
        [("US", "m777", "pledged", 18, "exact", None)],
    ),
    (
        "L'Élysée a annoncé l'envoi de missiles SCALP supplémentaires à Kiev.",
        None,
        [("FR", "scalp", "pledged", None, None, None)],
    ),
    (
        "Paris va céder à Kiev six canons Caesar supplémentaires, a annoncé le ministère des Armées.",
        None,
        [("FR", "caesar", "pledged", 6, "exact", None)],
    ),
    (
        "Ottawa a annoncé l'envoi de quatre obusiers M777 et de 20\u00a0000 obus à l'Ukraine.",
        None,
        [
            ("CA", "m777", "pledged", 4, "exact", None),
            ("CA", "artillery_ammunition", "pledged", 20000, "exact", None),
        ],
    ),
    (
        "La Suède va fournir une cinquantaine de véhicules de combat d'infanterie CV90 à l'Ukraine.",
        None,
        [("SE", "cv90", "pledged", 50, "approx", None)],
    ),
    (
        "La Pologne a annoncé qu'elle transférerait quatre avions de combat MiG-29 à l'Ukraine dans les prochains jours.",
        "2023-03-17",
        [("PL", "mig29", "pledged", 4, "exact", None)],
    ),
    (
        "Le Pentagone a annoncé jeudi l'envoi de plus de 120 drones Phoenix Ghost à l'Ukraine.",
        "2022-04-21",
        [("US", "phoenixghost", "pledged", 120, "at_least", "2022-04-21")],
    ),
    (
        "Les Etats-Unis vont transférer à l'Ukraine onze hélicoptères Mi-17, a indiqué jeudi le Pentagone.",
        "2022-04-14",
        [("US", "mi17", "pledged", 11, "exact", "2022-04-14")],
    ),
    (
        "L'Espagne a annoncé l'envoi de dix chars Leopard 2A4 supplémentaires à Kyiv.",
        None,
        [("ES", "leopard2a4", "pledged", 10, "exact", None)],
    ),
    (
        "Le président français Emmanuel Macron a annoncé la livraison de missiles de croisière SCALP à l'Ukraine, en marge du sommet de l'OTAN à Vilnius.",
        "2023-07-12",
        [("FR", "scalp", "pledged", None, None, None)],
    ),
    (
        "L'Italie et la France ont annoncé conjointement la livraison de systèmes de défense antiaérienne SAMP/T à l'Ukraine.",
        None,
        [
            ("IT", "sampt", "pledged", None, None, None),
            ("FR", "sampt", "pledged", None, None, None),
        ],
    ),
    (
        "Le chancelier allemand Olaf Scholz a annoncé le 1er juin que Berlin allait livrer à l'Ukraine le système de défense antiaérienne IRIS-T.",
        "2022-06-03",
        [("DE", "irist", "pledged", None, None, "2022-06-01")],
    ),
    (
        "L'OTAN va fournir à l'Ukraine des systèmes de brouillage pour contrer les drones, a indiqué son secrétaire général.",
        None,
        [("NATO", "electronic_warfare", "pledged", None, None, None)],
    ),
    (
        "Le ministère britannique de la Défense a promis 50\u202f000 obus d'artillerie supplémentaires à l'Ukraine.",
        None,
        [("GB", "artillery_ammunition", "pledged", 50000, "exact", None)],
    ),
    (
        "L'Allemagne va livrer 1.000 armes antichars et 500 missiles sol-air Stinger à l'Ukraine, a annoncé samedi le gouvernement allemand.",
        "2022-02-26",
        [
            ("DE", "anti_tank_weapon", "pledged", 1000, "exact", "2022-02-26"),
            ("DE", "stinger", "pledged", 500, "exact", "2022-02-26"),
        ],
    ),
    (
        "Au moins dix lanceurs de missiles antiaériens Hawk seront fournis par l'Espagne.",
        None,
        [("ES", "hawk", "pledged", 10, "at_least", None)],
    ),
    (
        "Ce nouvel envoi portera à 31 le nombre total de chars Abrams promis par Washington à Kiev.",
        None,
        [("US", "abrams", "pledged", 31, "cumulative_total", None)],
    ),
    # ------------------------------------------------------------------ pledged: packages, releases, approvals
    (
        "Les Etats-Unis ont annoncé jeudi une nouvelle aide militaire de 800 millions de dollars comprenant 18 obusiers de 155 mm et 40.000 obus.",
        "2022-04-21",
        [
            ("US", "howitzer", "pledged", 18, "exact", "2022-04-21"),
            ("US", "artillery_ammunition", "pledged", 40000, "exact", "2022-04-21"),
        ],
    ),
    (
        "Washington a débloqué une nouvelle tranche d'aide de 400 millions de dollars incluant quatre lance-roquettes multiples HIMARS.",
        "2022-07-08",
        [("US", "himars", "pledged", 4, "exact", None)],
    ),
    (
        "Un paquet incluant des missiles Javelin, des drones Switchblade et des véhicules Humvee a été annoncé par la Maison Blanche.",
        None,
        [
            ("US", "javelin", "pledged", None, None, None),
            ("US", "switchblade", "pledged", None, None, None),
            ("US", "humvee", "pledged", None, None, None),
        ],
    ),
    (
        "Le Pentagone a annoncé hier une nouvelle tranche d'aide de 150 millions de dollars incluant des missiles antiaériens Hawk.",
        "2024-10-17",
        [("US", "hawk", "pledged", None, None, "2024-10-16")],
    ),
    (
        "L'Ukraine devrait recevoir de la part du Canada huit chars Leopard 2 dans les prochaines semaines.",
        None,
        [("CA", "leopard2", "pledged", 8, "exact", None)],
    ),
    (
        "Les missiles ATACMS feront partie d'un programme d'aide américain annoncé mercredi par la Maison Blanche.",
        "2023-10-18",
        [("US", "atacms", "pledged", None, None, "2023-10-18")],
    ),
    (
        "Le gouvernement néerlandais a donné son feu vert à la livraison de F-16 à l'Ukraine.",
        None,
        [("NL", "f16", "pledged", None, None, None)],
    ),
    (
        "La Finlande va fournir à l'Ukraine des obusiers de 155 mm et des munitions d'artillerie supplémentaires.",
        None,
        [
            ("FI", "howitzer", "pledged", None, None, None),
            ("FI", "artillery_ammunition", "pledged", None, None, None),
        ],
    ),
    (
        "Le Royaume-Uni a annoncé samedi l'envoi de 14 chars Challenger 2, de 30 obusiers automoteurs AS-90 et de centaines de véhicules blindés.",
        "2023-01-14",
        [
            ("GB", "challenger2", "pledged", 14, "exact", "2023-01-14"),
            ("GB", "as90", "pledged", 30, "exact", "2023-01-14"),
            ("GB", "armoured_vehicle", "pledged", None, None, "2023-01-14"),
        ],
    ),
    (
        "La Norvège va livrer à l'Ukraine huit chars Leopard 2 et 22 obusiers M109.",
        None,
        [
            ("NO", "leopard2", "pledged", 8, "exact", None),
            ("NO", "m109", "pledged", 22, "exact", None),
        ],
    ),
    (
        "Les Etats-Unis, l'Allemagne et les Pays-Bas ont promis mardi de fournir conjointement à l'Ukraine des systèmes Patriot supplémentaires.",
        "2024-01-16",
        [
            ("US", "patriot", "pledged", None, None, "2024-01-16"),
            ("DE", "patriot", "pledged", None, None, "2024-01-16"),
            ("NL", "patriot", "pledged", None, None, "2024-01-16"),
        ],
    ),
    (
        "Cette initiative, coordonnée par les Etats-Unis, l'Allemagne et les Pays-Bas, prévoit la livraison de nouveaux systèmes de défense antiaérienne à l'Ukraine.",
        None,
        [
            ("US", "air_defence_system", "pledged", None, None, None),
            ("DE", "air_defence_system", "pledged", None, None, None),
            ("NL", "air_defence_system", "pledged", None, None, None),
        ],
    ),
    # ------------------------------------------------------------------ pledged: multi-sentence passages (donor carries on)
    (
        "Washington a annoncé jeudi une nouvelle aide militaire de 2,5 milliards de dollars à l'Ukraine. "
        "Elle comprend 59 véhicules de combat Bradley et 90 blindés Stryker. "
        "Le paquet inclut aussi des roquettes pour les lance-roquettes HIMARS.",
        "2023-01-20",
        [
            ("US", "bradley", "pledged", 59, "exact", "2023-01-19"),
            ("US", "stryker", "pledged", 90, "exact", "2023-01-19"),
            ("US", "rocket_ammunition", "pledged", None, None, "2023-01-19"),
        ],
    ),
    (
        "La Maison Blanche a annoncé vendredi une aide de 325 millions de dollars à l'Ukraine. "
        "Le paquet comprend des missiles antichars Javelin et des obus de 155 mm. "
        "Il inclut aussi des véhicules Humvee.",
        "2023-09-22",
        [
            ("US", "javelin", "pledged", None, None, "2023-09-22"),
            ("US", "artillery_ammunition", "pledged", None, None, "2023-09-22"),
            ("US", "humvee", "pledged", None, None, "2023-09-22"),
        ],
    ),
    (
        "La Suède a annoncé jeudi l'envoi de huit obusiers automoteurs Archer à l'Ukraine. "
        "Elle fournira également des véhicules de combat d'infanterie CV90.",
        "2023-01-20",
        [
            ("SE", "archer", "pledged", 8, "exact", "2023-01-19"),
            ("SE", "cv90", "pledged", None, None, "2023-01-19"),
        ],
    ),
    (
        "Le Royaume-Uni a annoncé l'envoi de missiles de croisière Storm Shadow à l'Ukraine. "
        "Il fournira également des drones d'attaque à longue portée.",
        None,
        [
            ("GB", "stormshadow", "pledged", None, None, None),
            ("GB", "drone", "pledged", None, None, None),
        ],
    ),
    (
        "L'Allemagne ne livrera pas de missiles Taurus à l'Ukraine, a répété le chancelier. "
        "Elle va en revanche envoyer trois systèmes IRIS-T supplémentaires.",
        None,
        [
            ("DE", "taurus", "refused", None, None, None),
            ("DE", "irist", "pledged", 3, "exact", None),
        ],
    ),
    # ------------------------------------------------------------------ delivered: past tense, donor as subject
    (
        "L'Allemagne a livré les premiers chars Leopard 2 à l'Ukraine, a annoncé lundi le ministère allemand de la Défense.",
        "2023-03-28",
        [("DE", "leopard2", "delivered", None, None, "2023-03-27")],
    ),
    (
        "La Norvège et le Danemark ont livré des obusiers M109 à l'Ukraine.",
        None,
        [
            ("NO", "m109", "delivered", None, None, None),
            ("DK", "m109", "delivered", None, None, None),
        ],
    ),
    (
        "La Slovaquie a livré à l'Ukraine ses 13 avions de combat MiG-29.",
        None,
        [("SK", "mig29", "delivered", 13, "exact", None)],
    ),
    (
        "La République tchèque a envoyé des chars T-72 et des véhicules de combat d'infanterie BMP-1 à l'Ukraine.",
        None,
        [
            ("CZ", "t72", "delivered", None, None, None),
            ("CZ", "bmp1", "delivered", None, None, None),
        ],
    ),
    (
        "La Pologne a fourni à l'Ukraine environ 5\u00a0000 terminaux Starlink.",
        None,
        [("PL", "starlink", "delivered", 5000, "approx", None)],
    ),
    (
        "Le Danemark a livré les six premiers F-16 à l'Ukraine.",
        None,
        [("DK", "f16", "delivered", 6, "exact", None)],
    ),
    (
        "La Pologne a livré à l'Ukraine dix chars Leopard 2 de fabrication allemande.",
        None,
        [("PL", "leopard2", "delivered", 10, "exact", None)],
    ),
    (
        "Les Britanniques ont livré plus de 5\u202f000 missiles antichars NLAW à l'Ukraine.",
        None,
        [("GB", "nlaw", "delivered", 5000, "at_least", None)],
    ),
    (
        "Les Etats-Unis ont livré environ 300 véhicules blindés M113 à l'Ukraine.",
        None,
        [("US", "m113", "delivered", 300, "approx", None)],
    ),
    (
        "Les Pays-Bas ont livré cette semaine les premiers chars Leopard 1 à l'Ukraine.",
        "2023-12",
        [("NL", "leopard1", "delivered", None, None, "2023-12")],
    ),
    (
        "Le 24 février 2023, la Pologne a livré les quatre premiers chars Leopard 2 à l'Ukraine.",
        None,
        [("PL", "leopard2", "delivered", 4, "exact", "2023-02-24")],
    ),
    (
        "La Pologne a livré quatre MiG-29 à l'Ukraine. D'autres appareils pourraient suivre, a précisé le président polonais.",
        None,
        [
            ("PL", "mig29", "delivered", 4, "exact", None),
            ("PL", "mig29", "considered", None, None, None),
        ],
    ),
    # ------------------------------------------------------------------ delivered: passive, arrivals, in service
    (
        "Dix-huit canons Caesar ont été livrés à l'Ukraine par la France.",
        None,
        [("FR", "caesar", "delivered", 18, "exact", None)],
    ),
    (
        "Au total, 49 canons Caesar ont déjà été livrés par la France à l'Ukraine.",
        None,
        [("FR", "caesar", "delivered", 49, "cumulative_total", None)],
    ),
    (
        "Une cinquantaine de véhicules de combat Bradley ont été livrés par les Etats-Unis.",
        None,
        [("US", "bradley", "delivered", 50, "approx", None)],
    ),
    (
        "Les 40 véhicules de combat Marder allemands ont été livrés à l'Ukraine fin mars.",
        "2023-04-05",
        [("DE", "marder", "delivered", 40, "exact", "2023-03")],
    ),
    (
        "Les trois premiers lance-roquettes MARS II allemands sont arrivés en Ukraine.",
        None,
        [("DE", "marsii", "delivered", 3, "exact", None)],
    ),
    (
        "Les premiers systèmes Patriot sont arrivés en Ukraine, a confirmé le ministre ukrainien de la Défense, sans préciser leur provenance.",
        None,
        [(None, "patriot", "delivered", None, None, None)],
    ),
    (
        "Les premiers avions de chasse F-16 sont arrivés en Ukraine, a confirmé le président Zelensky.",
        None,
        [(None, "f16", "delivered", None, None, None)],
    ),
    (
        "Des lance-roquettes multiples M270 britanniques sont arrivés en Ukraine, selon le ministère britannique de la Défense.",
        None,
        [("GB", "m270", "delivered", None, None, None)],
    ),
    (
        "Les obusiers PzH 2000 fournis par l'Allemagne et les Pays-Bas sont désormais en service dans l'armée ukrainienne.",
        None,
        [
            ("DE", "pzh2000", "delivered", None, None, None),
            ("NL", "pzh2000", "delivered", None, None, None),
        ],
    ),
    (
        "Les canons Caesar français sont déjà en service sur le front du Donbass.",
        None,
        [("FR", "caesar", "delivered", None, None, None)],
    ),
    (
        "Selon le Pentagone, les 31 chars Abrams américains sont désormais en Ukraine.",
        None,
        [("US", "abrams", "delivered", 31, "exact", None)],
    ),
    (
        "Plus de 200 véhicules blindés polonais ont été acheminés en Ukraine.",
        None,
        [("PL", "armoured_vehicle", "delivered", 200, "at_least", None)],
    ),
    (
        "Les 15 premiers chars antiaériens Gepard allemands ont été livrés à l'Ukraine, a indiqué lundi Berlin.",
        "2022-07-26",
        [("DE", "gepard", "delivered", 15, "exact", "2022-07-25")],
    ),
    # ------------------------------------------------------------------ delivered: Ukraine receives, hand-overs
    (
        "L'Ukraine a reçu ses premiers chars britanniques Challenger 2, a annoncé lundi le ministre ukrainien de la Défense.",
        "2023-03-28",
        [("GB", "challenger2", "delivered", None, None, "2023-03-27")],
    ),
    (
        "Kiev a reçu de la part de la Norvège deux systèmes NASAMS.",
        None,
        [("NO", "nasams", "delivered", 2, "exact", None)],
    ),
    (
        "L'Ukraine a reçu des chars britanniques et allemands.",
        None,
        [
            ("GB", "main_battle_tank", "delivered", None, None, None),
            ("DE", "main_battle_tank", "delivered", None, None, None),
        ],
    ),
    (
        "Kiev a reçu jeudi une livraison de drones Bayraktar TB2 de la part de la Lituanie.",
        "2022-07-08",
        [("LT", "bayraktartb2", "delivered", None, None, "2022-07-07")],
    ),
    (
        "L'armée ukrainienne a reçu des Leopard 2 canadiens.",
        None,
        [("CA", "leopard2", "delivered", None, None, None)],
    ),
    (
        "La France a remis à l'Ukraine les premiers avions de combat Mirage 2000.",
        None,
        [("FR", "mirage2000", "delivered", None, None, None)],
    ),
    (
        "Varsovie a livré des lance-missiles portables Piorun à l'Ukraine dès les premiers jours de la guerre.",
        None,
        [("PL", "piorun", "delivered", None, None, None)],
    ),
    (
        "La Lettonie a remis à l'armée ukrainienne des missiles antiaériens Stinger.",
        None,
        [("LV", "stinger", "delivered", None, None, None)],
    ),
    (
        "Washington a commencé à livrer des obus à sous-munitions à Kiev.",
        None,
        [("US", "artillery_ammunition", "delivered", None, None, None)],
    ),
    (
        "L'Allemagne a livré 18 chars Leopard 2A6 à l'Ukraine, dont elle a aussi formé les équipages.",
        None,
        [
            ("DE", "leopard2a6", "delivered", 18, "exact", None),
            ("DE", "leopard2a6", "training", None, None, None),
        ],
    ),
    # ------------------------------------------------------------------ delivered vs pledged: negation of delivery
    (
        "Les chars Abrams promis par Washington n'ont toujours pas été livrés.",
        None,
        [("US", "abrams", "pledged", None, None, None)],
    ),
    (
        "L'Ukraine n'a pas encore reçu les F-16 promis par le Danemark.",
        None,
        [("DK", "f16", "pledged", None, None, None)],
    ),
    # ------------------------------------------------------------------ requested
    (
        "Kiev réclame depuis des mois des avions de combat F-16.",
        None,
        [(None, "f16", "requested", None, None, None)],
    ),
    (
        "Le président ukrainien Volodymyr Zelensky demande à l'Allemagne de livrer des missiles de croisière Taurus.",
        None,
        [("DE", "taurus", "requested", None, None, None)],
    ),
    (
        "Zelensky appelle les Occidentaux à livrer davantage de systèmes de défense antiaérienne.",
        None,
        [(None, "air_defence_system", "requested", None, None, None)],
    ),
    (
        "Le ministre ukrainien des Affaires étrangères presse Berlin de livrer des chars Leopard 2.",
        None,
        [("DE", "leopard2", "requested", None, None, None)],
    ),
    (
        "Kiev plaide pour l'envoi de missiles ATACMS par Washington.",
        None,
        [("US", "atacms", "requested", None, None, None)],
    ),
    (
        "L'Ukraine a demandé aux Etats-Unis des drones MQ-9 Reaper.",
        None,
        [("US", "mq9", "requested", None, None, None)],
    ),
    (
        "Les autorités ukrainiennes réclament 300 chars lourds aux alliés occidentaux.",
        None,
        [(None, "main_battle_tank", "requested", 300, "exact", None)],
    ),
    (
        "Kiev a de nouveau réclamé mardi des obus d'artillerie à ses partenaires occidentaux.",
        "2024-03-12",
        [(None, "artillery_ammunition", "requested", None, None, "2024-03-12")],
    ),
    (
        "L'Ukraine sollicite auprès de la France des avions de combat Mirage 2000.",
        None,
        [("FR", "mirage2000", "requested", None, None, None)],
    ),
    (
        "Kiev a demandé à ses alliés occidentaux des avions de combat, dans l'espoir d'obtenir des F-16 américains.",
        "2023-01",
        [(None, "f16", "requested", None, None, None)],
    ),
    # ------------------------------------------------------------------ refused
    (
        "Le chancelier allemand Olaf Scholz a exclu de livrer des missiles Taurus à l'Ukraine.",
        None,
        [("DE", "taurus", "refused", None, None, None)],
    ),
    (
        "Washington refuse d'envoyer des missiles ATACMS à Kiev, par crainte d'une escalade.",
        None,
        [("US", "atacms", "refused", None, None, None)],
    ),
    (
        "La France ne livrera pas de chars Leclerc à l'Ukraine, a déclaré le ministre des Armées.",
        None,
        [("FR", "leclerc", "refused", None, None, None)],
    ),
    (
        "Berlin s'oppose à l'envoi d'avions de combat à l'Ukraine.",
        None,
        [("DE", "fighter_aircraft", "refused", None, None, None)],
    ),
    (
        "Le Premier ministre britannique a écarté la livraison d'avions de chasse Typhoon à Kiev.",
        None,
        [("GB", "typhoon", "refused", None, None, None)],
    ),
    (
        "Il n'est pas question de livrer des F-16 à l'Ukraine, a répondu lundi le président américain Joe Biden.",
        "2023-01-31",
        [("US", "f16", "refused", None, None, "2023-01-30")],
    ),
    (
        "La Suède a écarté pour l'instant l'envoi de ses avions Gripen à l'Ukraine.",
        None,
        [("SE", "gripen", "refused", None, None, None)],
    ),
    (
        "Berlin a refusé de livrer des Taurus mais va envoyer des systèmes Patriot supplémentaires à l'Ukraine.",
        None,
        [
            ("DE", "taurus", "refused", None, None, None),
            ("DE", "patriot", "pledged", None, None, None),
        ],
    ),
    # ------------------------------------------------------------------ considered
    (
        "Paris envisage de livrer des chars Leclerc à l'Ukraine.",
        None,
        [("FR", "leclerc", "considered", None, None, None)],
    ),
    (
        "Le gouvernement néerlandais étudie la possibilité de livrer des chars Leopard 2 à Kiev.",
        None,
        [("NL", "leopard2", "considered", None, None, None)],
    ),
    (
        "L'Allemagne pourrait livrer des missiles Taurus à l'Ukraine, selon le quotidien Bild.",
        None,
        [("DE", "taurus", "considered", None, None, None)],
    ),
    (
        "Le Premier ministre britannique n'exclut pas l'envoi d'avions de chasse à l'Ukraine.",
        None,
        [("GB", "fighter_aircraft", "considered", None, None, None)],
    ),
    (
        "La livraison de chars Abrams à l'Ukraine est en discussion au sein de l'administration américaine.",
        None,
        [("US", "abrams", "considered", None, None, None)],
    ),
    (
        "Une décision du gouvernement allemand est attendue dans les prochains jours sur la livraison de chars Leopard 2 à Kiev.",
        None,
        [("DE", "leopard2", "considered", None, None, None)],
    ),
    (
        "Des obus de 155 mm américains sont prépositionnés en Pologne en attendant une décision sur leur livraison à l'Ukraine.",
        None,
        [("US", "artillery_ammunition", "considered", None, None, None)],
    ),
    (
        "Le gouvernement italien étudie l'envoi de batteries SAMP/T supplémentaires à l'Ukraine.",
        None,
        [("IT", "sampt", "considered", None, None, None)],
    ),
    (
        "Les Etats-Unis réfléchissent à l'envoi de missiles ATACMS à l'Ukraine.",
        None,
        [("US", "atacms", "considered", None, None, None)],
    ),
    (
        "Si le Congrès approuve le budget, Washington pourrait livrer des F-16 supplémentaires.",
        None,
        [("US", "f16", "considered", None, None, None)],
    ),
    (
        "On ne peut pas exclure que l'Espagne fournisse des obusiers M109 à l'Ukraine.",
        None,
        [("ES", "m109", "considered", None, None, None)],
    ),
    (
        "La Norvège pourrait se joindre à ses voisins pour fournir des obusiers M109 à l'Ukraine.",
        None,
        [("NO", "m109", "considered", None, None, None)],
    ),
    (
        "La Suède n'exclut pas de livrer des avions Gripen à Kiev une fois son adhésion à l'OTAN finalisée.",
        None,
        [("SE", "gripen", "considered", None, None, None)],
    ),
    (
        "Le Canada envisage d'envoyer une vingtaine de véhicules blindés à l'Ukraine.",
        None,
        [("CA", "armoured_vehicle", "considered", 20, "approx", None)],
    ),
    (
        "Selon la presse, l'administration américaine est susceptible d'envoyer des ATACMS à Kiev.",
        "2023-09",
        [("US", "atacms", "considered", None, None, None)],
    ),
    (
        "La Suède avait l'intention de livrer des chars Leopard 2 à l'Ukraine.",
        "2023-02",
        [("SE", "leopard2", "considered", None, None, None)],
    ),
    # ------------------------------------------------------------------ procured
    (
        "Le Pentagone a commandé des obus de 155 mm pour l'Ukraine auprès de plusieurs industriels américains.",
        None,
        [("US", "artillery_ammunition", "procured", None, None, None)],
    ),
    (
        "Washington a signé des contrats pour acheter six systèmes NASAMS destinés à l'Ukraine.",
        None,
        [("US", "nasams", "procured", 6, "exact", None)],
    ),
    (
        "Berlin a débloqué un financement pour produire 18 obusiers RCH 155 destinés à l'Ukraine.",
        None,
        [("DE", "rch155", "procured", 18, "exact", None)],
    ),
    (
        "La France a ouvert une ligne de crédit de 200 millions d'euros pour permettre à l'Ukraine d'acheter des canons Caesar.",
        None,
        [("FR", "caesar", "procured", None, None, None)],
    ),
    (
        "Le Pentagone a annoncé l'achat de drones Switchblade pour l'Ukraine via l'Initiative d'assistance à la sécurité de l'Ukraine (USAI).",
        None,
        [("US", "switchblade", "procured", None, None, None)],
    ),
    (
        "L'Union européenne a conclu des contrats pour acheter des obus d'artillerie destinés à l'Ukraine.",
        None,
        [("EU", "artillery_ammunition", "procured", None, None, None)],
    ),
    (
        "La nouvelle enveloppe américaine de l'USAI financera l'achat de missiles Patriot et de radars de contre-batterie pour l'Ukraine.",
        None,
        [
            ("US", "patriot", "procured", None, None, None),
            ("US", "radar", "procured", None, None, None),
        ],
    ),
    (
        "Les Pays-Bas ont commandé 200 drones de reconnaissance pour l'armée ukrainienne.",
        None,
        [("NL", "drone", "procured", 200, "exact", None)],
    ),
    (
        "Le Royaume-Uni a signé un contrat avec Thales pour produire des missiles antiaériens légers LMM destinés à l'Ukraine.",
        None,
        [("GB", "lmm", "procured", None, None, None)],
    ),
    # ------------------------------------------------------------------ training
    (
        "Le Danemark forme des pilotes ukrainiens sur F-16.",
        None,
        [("DK", "f16", "training", None, None, None)],
    ),
    (
        "L'armée allemande a commencé la formation d'équipages ukrainiens de Leopard 2.",
        None,
        [("DE", "leopard2", "training", None, None, None)],
    ),
    (
        "Les Etats-Unis entraînent des soldats ukrainiens à l'utilisation des Patriot sur la base de Fort Sill, dans l'Oklahoma.",
        None,
        [("US", "patriot", "training", None, None, None)],
    ),
    (
        "La France va former des pilotes ukrainiens sur Mirage 2000.",
        None,
        [("FR", "mirage2000", "training", None, None, None)],
    ),
    (
        "Londres a formé des équipages ukrainiens au maniement des chars Challenger 2.",
        None,
        [("GB", "challenger2", "training", None, None, None)],
    ),
    (
        "Une coalition de onze pays, dont la Belgique et la Norvège, entraîne des pilotes ukrainiens sur F-16.",
        None,
        [("BE", "f16", "training", None, None, None), ("NO", "f16", "training", None, None, None)],
    ),
    (
        "La Pologne forme des artilleurs ukrainiens à l'utilisation des obusiers automoteurs Krab.",
        None,
        [("PL", "krab", "training", None, None, None)],
    ),
    (
        "La Suède livrera des chars Strv 122 et formera leurs équipages.",
        None,
        [
            ("SE", "strv122", "pledged", None, None, None),
            ("SE", "strv122", "training", None, None, None),
        ],
    ),
    (
        "La formation des pilotes ukrainiens sur le Gripen durera six mois en Suède.",
        None,
        [("SE", "gripen", "training", None, None, None)],
    ),
    (
        "L'Espagne enverra des Leopard 2A4 à Kiev. Elle assurera aussi la formation des tankistes.",
        None,
        [
            ("ES", "leopard2a4", "pledged", None, None, None),
            ("ES", "leopard2a4", "training", None, None, None),
        ],
    ),
    (
        "Les Pays-Bas fourniront des F-16 à l'Ukraine. Les forces ukrainiennes sont entraînées et équipées pour durer.",
        None,
        [("NL", "f16", "pledged", None, None, None)],
    ),
    (
        "Les pilotes ukrainiens connaissent déjà le MiG-29 : aucune formation ne sera nécessaire.",
        None,
        [],
    ),
    (
        "La Finlande est prête à envoyer des chars Leopard 2, mais seulement si l'Allemagne donne son accord.",
        None,
        [("FI", "leopard2", "considered", None, None, None)],
    ),
    (
        "La Belgique livrera des F-16 à l'Ukraine sous réserve que ses propres avions soient remplacés.",
        None,
        [("BE", "f16", "considered", None, None, None)],
    ),
    (
        "La Pologne vient d'envoyer 8 chars PT-91 à l'Ukraine.",
        None,
        [("PL", "pt91", "delivered", 8, "exact", None)],
    ),
    (
        "La Pologne vient d'annoncer l'envoi de 8 chars PT-91 à l'Ukraine.",
        None,
        [("PL", "pt91", "pledged", 8, "exact", None)],
    ),
    (
        "L'Allemagne a racheté au Qatar des chars antiaériens Gepard destinés à l'Ukraine.",
        None,
        [("DE", "gepard", "procured", None, None, None)],
    ),
    (
        "L'Espagne livrera un système de missiles Hawk supplémentaire à l'Ukraine.",
        None,
        [("ES", "hawk", "pledged", 1, "exact", None)],
    ),
    (
        "La France a promis des AMX-10 RC à l'Ukraine, selon Kiev. « Les premiers AMX-10 RC sont arrivés », a dit le ministre ukrainien.",
        None,
        [
            ("FR", "amx10rc", "pledged", None, None, None),
            ("FR", "amx10rc", "delivered", None, None, None),
        ],
    ),
    (
        "Berlin a autorisé Varsovie à remettre cinq MiG-29 supplémentaires à Kiev.",
        None,
        [("PL", "mig29", "pledged", 5, "exact", None)],
    ),
    (
        "La France a promis des AMX-10 RC à l'Ukraine. Les Etats-Unis ont livré des Bradley. Les premiers AMX-10 RC sont arrivés en Ukraine.",
        None,
        [
            ("FR", "amx10rc", "pledged", None, None, None),
            ("US", "bradley", "delivered", None, None, None),
            ("FR", "amx10rc", "delivered", None, None, None),
        ],
    ),
    (
        "Le président ukrainien a exprimé son souhait de recevoir des avions Gripen.",
        None,
        [(None, "gripen", "requested", None, None, None)],
    ),
    (
        "Les Pays-Bas vont livrer des obusiers blindés PzH 2000 à l'Ukraine. Ces obusiers blindés arriveront en mai.",
        None,
        [("NL", "pzh2000", "pledged", None, None, None)],
    ),
    (
        "Les Etats-Unis enverront des Bradley à l'Ukraine. Ces véhicules blindés arriveront au printemps.",
        None,
        [("US", "bradley", "pledged", None, None, None)],
    ),
    (
        "Berlin a fourni 18 blindés lourds à Kiev.",
        None,
        [("DE", "main_battle_tank", "delivered", 18, "exact", None)],
    ),
    (
        "Le canon Caesar est livré à l'Ukraine. Il est équipé d'un canon de 155 mm et de deux mitrailleuses.",
        None,
        [(None, "caesar", "delivered", None, None, None)],
    ),
    (
        "L'armée ukrainienne sera dotée de chars Leopard 2 allemands.",
        None,
        [("DE", "leopard2", "pledged", None, None, None)],
    ),
    (
        "La Norvège et le Royaume-Uni ont convenu de transférer des lance-roquettes M270 à l'Ukraine.",
        None,
        [("NO", "m270", "pledged", None, None, None), ("GB", "m270", "pledged", None, None, None)],
    ),
    (
        "L'Allemagne livrera des Marder à l'Ukraine. La formation sur le véhicule Marder durera huit semaines.",
        None,
        [
            ("DE", "marder", "pledged", None, None, None),
            ("DE", "marder", "training", None, None, None),
        ],
    ),
    (
        "La Slovaquie a livré des chars T-72 à Kiev. Une formation accélérée des unités ukrainiennes accompagne ces chars.",
        None,
        [("SK", "t72", "delivered", None, None, None), ("SK", "t72", "training", None, None, None)],
    ),
    (
        "Le Danemark a annoncé l'envoi possible d'avions F-16 à l'Ukraine.",
        None,
        [("DK", "f16", "considered", None, None, None)],
    ),
    (
        "Le paquet allemand comprend deux systèmes IRIS-T équipés de 100 missiles, 50 Stinger et 10 Marder.",
        None,
        [
            ("DE", "irist", "pledged", 2, "exact", None),
            ("DE", "stinger", "pledged", 50, "exact", None),
            ("DE", "marder", "pledged", 10, "exact", None),
        ],
    ),
    (
        "La livraison canadienne comprenait des obusiers M777.",
        None,
        [("CA", "m777", "delivered", None, None, None)],
    ),
    (
        "Rome doit annoncer l'envoi à l'Ukraine de quatre obusiers M109 (en plus des six déjà"
        " livrés), des lance-roquettes M270 - les mêmes que ceux de l'armée britannique - et des"
        " systèmes Skyguard.",
        None,
        [
            ("IT", "m109", "pledged", 4, "exact", None),
            ("IT", "m270", "pledged", None, None, None),
            ("IT", "skyguard", "pledged", None, None, None),
        ],
    ),
    (
        "Les obusiers M109 ont été fournis à l'Ukraine par plusieurs pays, dont la Norvège et le"
        " Canada.",
        None,
        [
            ("NO", "m109", "delivered", None, None, None),
            ("CA", "m109", "delivered", None, None, None),
        ],
    ),
    (
        "L'Allemagne a accepté de fournir des chars Leopard 2, tout comme la Pologne.",
        None,
        [
            ("DE", "leopard2", "pledged", None, None, None),
            ("PL", "leopard2", "pledged", None, None, None),
        ],
    ),
    (
        "Contrairement à la France, l'Allemagne a livré des obusiers M109.",
        None,
        [("DE", "m109", "delivered", None, None, None)],
    ),
    (
        "L'Espagne a livré 10 chars Leopard 2 alors que la Norvège en a envoyé 8.",
        None,
        [
            ("ES", "leopard2", "delivered", 10, "exact", None),
            ("NO", "leopard2", "delivered", 8, "exact", None),
        ],
    ),
    (
        "La Slovaquie a été le premier pays de l'OTAN à fournir des avions MiG-29 à l'Ukraine.",
        None,
        [("SK", "mig29", "delivered", None, None, None)],
    ),
    (
        "La Suède serait ainsi le premier pays à fournir des avions Gripen à l'Ukraine.",
        None,
        [("SE", "gripen", "pledged", None, None, None)],
    ),
    (
        "La Slovénie a finalisé la remise de ses chars M-55S à l'Ukraine.",
        None,
        [("SI", "m55s", "delivered", None, None, None)],
    ),
    (
        "Les Pays-Bas transmettront à l'Ukraine trois autres systèmes Patriot.",
        None,
        [("NL", "patriot", "pledged", 3, "exact", None)],
    ),
    (
        "L'aide à l'Ukraine se poursuit. L'armée ukrainienne dispose désormais de 40 véhicules"
        " de combat CV90 suédois.",
        None,
        [("SE", "cv90", "delivered", 40, "exact", None)],
    ),
    (
        "L'aide à l'Ukraine se poursuit. Des missiles SCALP de fabrication française ont été"
        " tirés par l'armée ukrainienne.",
        None,
        [("FR", "stormshadow", "delivered", None, None, None)],
    ),
    (
        "L'aide à l'Ukraine se poursuit. L'armée polonaise dispose de 200 chars Leopard 2.",
        None,
        [],
    ),
    (
        "« Nous voulons livrer 20 autres obusiers Archer d'ici l'été », a déclaré le ministre"
        " suédois de la Défense.",
        None,
        [("SE", "archer", "pledged", 20, "exact", None)],
    ),
    (
        "« Nous avons l'intention de livrer 6 avions MiG-29 à Kiev », a déclaré le porte-parole"
        " du gouvernement slovaque.",
        None,
        [("SK", "mig29", "pledged", 6, "exact", None)],
    ),
    (
        "La Slovaquie veut livrer des avions MiG-29 à l'Ukraine.",
        None,
        [("SK", "mig29", "considered", None, None, None)],
    ),
    (
        "En mai, on a appris que la Slovaquie remettrait à l'Ukraine des avions MiG-29.",
        None,
        [("SK", "mig29", "pledged", None, None, None)],
    ),
    (
        "Le Danemark livrera des chars Leopard 1 et formera des soldats pour les utiliser.",
        None,
        [
            ("DK", "leopard1", "pledged", None, None, None),
            ("DK", "leopard1", "training", None, None, None),
        ],
    ),
    (
        "La Norvège apprendra aux militaires ukrainiens à utiliser les obusiers M109.",
        None,
        [("NO", "m109", "training", None, None, None)],
    ),
    (
        "L'aide continue. L'Ukraine souhaite recevoir des avions Gripen.",
        None,
        [(None, "gripen", "requested", None, None, None)],
    ),
    (
        "L'aide continue. L'Ukraine pourrait recevoir des avions Gripen.",
        None,
        [(None, "gripen", "considered", None, None, None)],
    ),
    (
        "L'Allemagne doit décider cette semaine de livrer ou non des missiles Taurus à l'Ukraine.",
        None,
        [("DE", "taurus", "considered", None, None, None)],
    ),
    (
        "L'aide continue. La Suède a pu livrer rapidement des missiles RBS 70 à l'Ukraine.",
        None,
        [("SE", "rbs70", "delivered", None, None, None)],
    ),
    (
        "L'aide continue. La Suède pouvait livrer des missiles RBS 70 à l'Ukraine.",
        None,
        [("SE", "rbs70", "considered", None, None, None)],
    ),
    (
        "L'aide continue. Kiev a annoncé l'arrivée d'obusiers automoteurs suédois Archer.",
        None,
        [("SE", "archer", "delivered", None, None, None)],
    ),
    (
        "L'aide continue. Kiev attend avec impatience l'arrivée des avions Gripen suédois.",
        None,
        [("SE", "gripen", "pledged", None, None, None)],
    ),
    (
        "En réponse à des demandes ukrainiennes, la Suède étudie la possibilité de livrer des"
        " avions Gripen.",
        None,
        [
            ("SE", "gripen", "considered", None, None, None),
            ("SE", "gripen", "requested", None, None, None),
        ],
    ),
    (
        "La Suède a livré des missiles RBS 70 à l'Ukraine, à la demande de Kiev.",
        None,
        [("SE", "rbs70", "delivered", None, None, None)],
    ),
    (
        "Le Mirage 2000 est le prédécesseur du Rafale, dont Paris a accepté de fournir 6"
        " exemplaires à l'Ukraine.",
        None,
        [("FR", "rafale", "pledged", 6, "exact", None)],
    ),
    (
        "La Norvège fournira deux unités de tir NASAMS (National Advanced Surface-to-Air"
        " Missile System) à l'Ukraine.",
        None,
        [("NO", "nasams", "pledged", 2, "exact", None)],
    ),
    (
        "La Slovaquie a fait don de son système S-300 à l'Ukraine.",
        None,
        [("SK", "s300", "delivered", None, None, None)],
    ),
    (
        "La Suède a promis huit obusiers Archer. « Quatre autres suivront en mai », a précisé"
        " le ministre suédois.",
        None,
        # the commitment is the eight and the four more (the annotation's total)
        [
            ("SE", "archer", "pledged", 12, "exact", None),
        ],
    ),
    (
        "« Les chars Leopard 1 seront livrés en mai », a précisé le ministre danois.",
        None,
        [("DK", "leopard1", "pledged", None, None, None)],
    ),
    (
        "Kiev a demandé des avions Gripen à la Suède. L'Ukraine réclame ces avions depuis des"
        " mois, comme les Gripen demandés par Kiev l'an dernier.",
        None,
        [
            ("SE", "gripen", "requested", None, None, None),
            (None, "gripen", "requested", None, None, None),
        ],
    ),
    (
        "La Belgique continuera à livrer des chars Leopard 1 à l'Ukraine.",
        None,
        [("BE", "leopard1", "pledged", None, None, None)],
    ),
    (
        "La Belgique a continué à livrer des chars Leopard 1 à l'Ukraine.",
        None,
        [("BE", "leopard1", "delivered", None, None, None)],
    ),
    (
        "La Suède livrera des obusiers Archer. La Norvège assurera la formation de soldats"
        " ukrainiens au maniement de ces blindés.",
        None,
        [
            ("SE", "archer", "pledged", None, None, None),
            ("NO", "archer", "training", None, None, None),
        ],
    ),
    (
        "La Lettonie a livré des missiles Stinger et en livrera d'autres, ainsi que des"
        " obusiers M109.",
        None,
        [
            ("LV", "stinger", "pledged", None, None, None),
            ("LV", "m109", "pledged", None, None, None),
            ("LV", "stinger", "delivered", None, None, None),
        ],
    ),
    (
        "L'aide continue. Les mines antipersonnel sont interdites dans plus de 160 pays.",
        None,
        [],
    ),
    (
        "La Suisse interdit la réexportation de munitions vers l'Ukraine.",
        None,
        [("CH", "artillery_ammunition", "refused", None, None, None)],
    ),
    (
        "L'aide continue. Des artilleurs ukrainiens ont été entraînés par des instructeurs"
        " de l'OTAN au tir des obusiers M777.",
        None,
        [("NATO", "m777", "training", None, None, None)],
    ),
    (
        "Le ministre letton a rappelé que « des fusils d'assaut, des casques et du matériel"
        " médical ont déjà été envoyés » par la Lettonie.",
        None,
        [
            ("LV", "small_arms", "delivered", None, None, None),
            ("LV", "protective_equipment", "delivered", None, None, None),
            ("LV", "medical", "delivered", None, None, None),
        ],
    ),
    (
        "L'aide continue. Le président ukrainien a averti que son armée faisait face à une"
        " grave pénurie d'obus d'artillerie.",
        None,
        [(None, "artillery_ammunition", "requested", None, None, None)],
    ),
    (
        "La Suède et la Norvège livreront des obusiers Archer. Les deux pays enverront aussi des"
        " obus.",
        None,
        [
            ("SE", "archer", "pledged", None, None, None),
            ("NO", "archer", "pledged", None, None, None),
            ("SE", "artillery_ammunition", "pledged", None, None, None),
            ("NO", "artillery_ammunition", "pledged", None, None, None),
        ],
    ),
    (
        "La Suède livrera des obusiers Archer. Il faudra former les artilleurs ukrainiens, a dit"
        " le ministre.",
        None,
        [("SE", "archer", "pledged", None, None, None)],
    ),
    (
        "La Suède a livré des obusiers Archer. Le gouvernement a aussi décidé d'envoyer des"
        " missiles RBS 70.",
        None,
        [
            ("SE", "archer", "delivered", None, None, None),
            ("SE", "rbs70", "pledged", None, None, None),
        ],
    ),
    (
        "L'aide continue. Les avions F-16 figurent en tête de la liste des souhaits du président"
        " ukrainien.",
        None,
        [(None, "f16", "requested", None, None, None)],
    ),
    (
        "La cargaison belge contient des chars Leopard 1.",
        None,
        [("BE", "leopard1", "delivered", None, None, None)],
    ),
    (
        "Le paquet canadien comprend des obusiers M777.",
        None,
        [("CA", "m777", "pledged", None, None, None)],
    ),
    (
        "Les Etats-Unis vont livrer des munitions supplémentaires pour les HIMARS.",
        None,
        [("US", "rocket_ammunition", "pledged", None, None, None)],
    ),
    # ------------------------------------------------------------------ negative: Russian or adversary weapons
    (
        "Des missiles russes Kalibr ont frappé Odessa dans la nuit de mardi à mercredi.",
        "2023-07-20",
        [],
    ),
    ("La Russie a reçu des drones iraniens Shahed, selon le renseignement américain.", None, []),
    ("La Corée du Nord a livré des millions d'obus d'artillerie à la Russie.", None, []),
    ("L'Iran a fourni des missiles balistiques à la Russie, affirme Washington.", None, []),
    (
        "Des soldats russes ont abattu un hélicoptère Mi-8 ukrainien dans la région de Donetsk.",
        None,
        [],
    ),
    # ------------------------------------------------------------------ negative: battle reports, descriptions, own production
    (
        "Les forces ukrainiennes ont utilisé des Himars pour frapper un dépôt de munitions russe près de Kherson.",
        None,
        [],
    ),
    (
        "Le HIMARS est un système sophistiqué capable de tirer des roquettes guidées jusqu'à 80 kilomètres.",
        None,
        [],
    ),
    (
        "Un char Leopard 2 a été détruit près de Robotyne, selon des images diffusées par Moscou.",
        None,
        [],
    ),
    (
        "Un missile Storm Shadow a été abattu par la défense antiaérienne russe, selon Moscou.",
        None,
        [],
    ),
    ("Des MiG-29 ukrainiens ont intercepté plusieurs drones au-dessus de Kiev.", None, []),
    ("L'Ukraine produit désormais ses propres obusiers Bohdana.", None, []),
    (
        "L'armée ukrainienne utilise des drones FPV fabriqués localement pour cibler les chars russes.",
        None,
        [],
    ),
    ("Le canon Caesar est fabriqué par KNDS France dans son usine de Roanne.", None, []),
    # ------------------------------------------------------------------ negative: not aid to Ukraine
    ("La Pologne a commandé 250 chars Abrams pour moderniser sa propre armée.", None, []),
    ("L'armée suédoise va commander 40 nouveaux obusiers Archer.", None, []),
    ("L'Inde a reçu ses derniers avions Rafale français en 2022.", None, []),
    (
        "Le ministre allemand de la Défense s'est rendu à Kiev mardi pour rencontrer son homologue ukrainien.",
        "2023-06-21",
        [],
    ),
    (
        "Kiev a reçu mardi la visite du secrétaire d'Etat américain Antony Blinken.",
        "2024-05-15",
        [],
    ),
    # ------------------------------------------------------------------ negative: sport and economy
    ("Le Danemark a battu la France en finale du championnat du monde de handball.", None, []),
    (
        "L'équipe d'Ukraine de football a reçu l'Angleterre à Wroclaw pour les éliminatoires de l'Euro.",
        None,
        [],
    ),
    (
        "Renault a livré plus de 15 000 véhicules en Europe en mars, selon le constructeur.",
        None,
        [],
    ),
    (
        "L'Ukraine a exporté 2 millions de tonnes de céréales par ses ports de la mer Noire en janvier.",
        None,
        [],
    ),
    (
        "Les cours du blé ont chuté de 5 % à la Bourse de Chicago après l'annonce de l'accord.",
        None,
        [],
    ),
    # ------------------------------------------------------------------ counts with a classifier
    (
        "La Norvège fournira deux unités de tir NASAMS à l'Ukraine.",
        "2023-03",
        [("NO", "nasams", "pledged", 2, "exact", None)],
    ),
    (
        "Berlin va livrer 14 de ses propres chars Leopard 2 à l'Ukraine.",
        "2023-01",
        [("DE", "leopard2", "pledged", 14, "exact", None)],
    ),
]
