"""French rule readings on sentences of our own, with the rules alone (the
shipped model can rescue a reading the rules miss, which would hide a
regression in them): one behaviour a line, (text, facts the rules read)."""

from __future__ import annotations

import pytest

from aidwatch.extract import decider_for, extract_articles
from aidwatch.model import Article


def rule_facts(text: str) -> list[tuple]:
    article = Article(id="fr", source="<fr>", text=text, published="2023-03-10", language="fr")
    [extraction] = extract_articles([article], decider=decider_for("rules"))
    facts = [(f.donor, f.item.id, f.status, f.quantity) for f in extraction.facts]
    return sorted(facts, key=lambda f: (f[0] or "", f[1], f[2]))


# fmt: off
CASES = [
    # a goal word makes a purpose clause only next to its « que »
    ("L'Italie a promis qu'elle formerait des artilleurs pour les servir, qu'elle fournirait des obus.", [("IT", "gen_artillery_shell", "pledged", None)]),
    ("L'Italie fournira des obus pour que l'Ukraine puisse tenir.", [("IT", "gen_artillery_shell", "pledged", None)]),
    # states the text does not name give, not the one the article has give the item
    ("La Pologne a livré 4 MiG-29 à l'Ukraine. D'autres pays se sont engagés à envoyer des MiG-29.", [(None, "mig29", "pledged", None), ("PL", "mig29", "delivered", 4)]),
    ("Washington a livré des Patriot. Les alliés de l'Ukraine envisagent l'envoi de Patriot.", [(None, "patriot", "considered", None), ("US", "patriot", "delivered", None)]),
    ("La Pologne a livré 4 MiG-29. Le président a promis d'envoyer des MiG-29.", [("PL", "mig29", "delivered", 4), ("PL", "mig29", "pledged", None)]),
    # « venir de » is a recent past, whatever aside the parser hangs the infinitive on
    ("La Norvège vient de son côté d'expédier 6 obusiers M109.", [("NO", "m109", "delivered", 6)]),
    # a giving verb in the present announces, unless it is under way or a headline's
    ("Les Belges fournissent des obusiers M109 et les Danois des Caesar.", [("BE", "m109", "pledged", None), ("DK", "caesar", "pledged", None)]),
    ("Les Belges envoient déjà leurs obusiers M109 à l'Ukraine.", [("BE", "m109", "delivered", None)]),
    ("La Belgique envoie 6 obusiers M109 à l'Ukraine\n\nLe matériel sera utile.", [("BE", "m109", "delivered", 6)]),
    ("L'armée ukrainienne dispose désormais de 12 obusiers M109 belges.", [("BE", "m109", "delivered", 12)]),
    # what a donor refuses in answer to Ukraine's request was asked of it
    ("Rome refuse de répondre aux demandes de Kiev concernant des missiles Aster.", [("IT", "aster_30", "refused", None), ("IT", "aster_30", "requested", None)]),
    ("Rome refuse de livrer des missiles Aster.", [("IT", "aster_30", "refused", None)]),
    # ammunition named with a platform is its ammunition; a launcher's rounds are the weapon
    ("La Belgique livrera des munitions Gepard et des munitions antichars Carl Gustaf.", [("BE", "carl_gustaf", "pledged", None), ("BE", "gen_ammunition", "pledged", None)]),
    ("La Belgique livrera des munitions HIMARS.", [("BE", "gen_mlrs_ammunition", "pledged", None)]),
    # refusing to tell is no refusal to give; what the item's participle says holds
    ("La Belgique a refusé de donner le nombre d'obusiers M109 livrés à l'Ukraine.", [("BE", "m109", "delivered", None)]),
    ("La Belgique a refusé de livrer des obusiers M109 à l'Ukraine.", [("BE", "m109", "refused", None)]),
    # nothing standing in the way refuses nothing; « pas avant » is not yet
    ("Rien ne s'oppose plus à la livraison de chars Leclerc.", [(None, "leclerc", "considered", None)]),
    ("Les chars Leclerc n'arriveront pas en Ukraine avant l'été.", []),
    ("Les chars Leclerc n'arriveront pas en Ukraine.", [(None, "leclerc", "refused", None)]),
    # « exemplaires » counted after a kind stands for that kind
    ("La Belgique livrera six obusiers automoteurs. Le Luxembourg fournira deux autres exemplaires.", [("BE", "gen_self_propelled_howitzer", "pledged", 6), ("LU", "gen_self_propelled_howitzer", "pledged", 2)]),
    # a headline's verb read as a noun is still its verb; a rank reaches over a few words
    ("La Slovaquie livre des dizaines de blindés à l'Ukraine\n\nLe matériel est parti.", [("SK", "gen_armoured_vehicle", "delivered", None)]),
    ("La Belgique devient le premier pays connu à ce jour à envoyer des obusiers M109 à l'Ukraine.", [("BE", "m109", "delivered", None)]),
    # French shares a head noun placed first
    ("La Belgique a livré des missiles antichars et antiaériens à l'Ukraine.", [("BE", "gen_air_defence_missile", "delivered", None), ("BE", "gen_anti_tank_missile", "delivered", None)]),
    # « blindés » in a sentence about tanks are those tanks; elsewhere other vehicles
    ("La Suède livrera des blindés modernes, dix chars Stridsvagn 122, à l'Ukraine.", [("SE", "strv122", "pledged", 10)]),
    ("La Suède livrera dix chars Stridsvagn 122 et des dizaines de blindés à l'Ukraine.", [("SE", "gen_armoured_vehicle", "pledged", None), ("SE", "strv122", "pledged", 10)]),
    ("La Suède livrera dix chars Stridsvagn 122 à l'Ukraine. Elle fournira aussi des blindés.", [("SE", "gen_armoured_vehicle", "pledged", None), ("SE", "strv122", "pledged", 10)]),
    # carrying out a transfer in the past is done; in the future it is promised
    ("La Norvège a procédé à la livraison de 14 obusiers M109.", [("NO", "m109", "delivered", 14)]),
    ("La Norvège procédera à la livraison de 14 obusiers M109.", [("NO", "m109", "pledged", 14)]),
    # a count already given, named as a thing, is a running total, not the new commitment
    ("La Belgique va envoyer six obusiers M109, en plus des 18 déjà livrés.", [("BE", "m109", "delivered", 18), ("BE", "m109", "pledged", 6)]),
    ("Au-delà des 12 obusiers M109 déjà livrés, la Belgique promet un nouveau lot.", [("BE", "m109", "delivered", 12), ("BE", "m109", "pledged", None)]),
    # a noun of giving's agent gives, whoever approves it
    ("Le chancelier a donné son feu vert à la livraison par Varsovie de chars Leopard 2.", [("PL", "leopard2", "pledged", None)]),
    # a link to another article is another story; the sentence it runs into is this one's
    ("Berlin livrera des Leopard 2.\nLire aussi : Washington envisage de fournir des chars Abrams Selon Berlin, la Pologne livrera des Leopard 2.", [("DE", "leopard2", "pledged", None), ("PL", "leopard2", "pledged", None)]),
    # a quotation never closed (« avril« , a typo) does not glue the rest of the text to it
    ("Berlin livrera des Leopard 2 « fin mars, début avril« , a dit le ministre. Washington envisage de fournir des chars Abrams.", [("DE", "leopard2", "pledged", None), ("US", "abrams", "considered", None)]),
    # what Ukraine asks for as a kind stays a kind, whatever system others give
    ("Washington livrera des Bradley. Les véhicules blindés restent en tête de la liste des souhaits de Kiev.", [(None, "gen_armoured_vehicle", "requested", None), ("US", "bradley", "pledged", None)]),
    # what arms a given item is given with it
    ("La France livrera trois avions armés de missiles Mica.", [("FR", "mica", "pledged", None)]),
    ("La France a livré des Mirage 2000 équipés de missiles Mica.", [("FR", "mica", "delivered", None), ("FR", "mirage_2000", "delivered", None)]),
    # the members of a group that includes them give, its subject lost to a participle
    ("Selon la presse, la coalition de pays voulant transférer des chars Leclerc comprend également la Belgique et l'Espagne.", [("BE", "leclerc", "considered", None), ("ES", "leclerc", "considered", None)]),
    # a singular demonstrative points back like a plural one
    ("L'Ukraine recevra un système Patriot. Les Américains ont décidé de fournir ce système avancé.", [("US", "patriot", "pledged", 1)]),
    # production, verb or noun, is procurement only when paid for
    ("L'Allemagne a financé la production de munitions pour l'Ukraine.", [("DE", "gen_ammunition", "procured", None)]),
    ("L'Allemagne lance la production de munitions pour l'Ukraine.", []),
    # Ukraine buying is no aid; a state buying for Ukraine is
    ("La Suède a promis des CV90. L'Ukraine prévoit d'acheter 1 000 CV90.", [("SE", "cv90", "pledged", None)]),
    ("Le Danemark a acheté 20 CV90 pour l'Ukraine.", [("DK", "cv90", "procured", 20)]),
    # « appelé » names; « appeler à » asks
    ("Le Flakpanzer, plus communément appelé Gepard, est un blindé antiaérien.", []),
    ("Kiev a appelé les alliés à livrer des Gepard.", [(None, "gepard", "requested", None)]),
    # a transfer that happens is done; one that will happen is promised
    ("La livraison des T-72 par la Pologne intervient après d'autres envois.", [("PL", "t72", "delivered", None)]),
    ("La livraison des T-72 par la Pologne interviendra en mars.", [("PL", "t72", "pledged", None)]),
    # a subject the parser hung on its relative clause still gives
    ("Dans le même temps, la Suède, qui ne fait pas partie de l'OTAN, a décidé de fournir à Kiev un lot d'armes antichars.", [("SE", "gen_anti_tank_weapon", "pledged", None)]),
    # what was promised, named as such, is a promise as well as what is done with it
    ("La Pologne a remis les derniers chars T-72 promis à l'Ukraine.", [("PL", "t72", "delivered", None), ("PL", "t72", "pledged", None)]),
    ("La Pologne a remis les derniers chars T-72 à l'Ukraine.", [("PL", "t72", "delivered", None)]),
    # a clause right after the item saying Ukraine wants it is a request too
    ("La Suisse refuse de livrer ses blindés Marder, que Kiev aimerait obtenir.", [(None, "marder", "requested", None), ("CH", "marder", "refused", None)]),
    ("La France a livré des canons Caesar tant réclamés par les Ukrainiens.", [(None, "caesar", "requested", None), ("FR", "caesar", "delivered", None)]),
    # givers nobody names but by their examples: the examples give
    ("Berlin autorisera les pays partenaires qui souhaitent livrer des chars Leopard 2, comme la Pologne par exemple.", [("PL", "leopard2", "considered", None)]),
    # « cette arme » points back at the system named before
    ("La France a livré des canons Caesar. Cette arme est tant réclamée par les Ukrainiens.", [(None, "caesar", "requested", None), ("FR", "caesar", "delivered", None)]),
    # a transfer that is the means of what is done was made; of what will be done, promised
    ("La Norvège a renforcé la défense aérienne de l'Ukraine avec la livraison de missiles NASAMS.", [("NO", "nasams", "delivered", None)]),
    ("La Norvège renforcera la défense aérienne de l'Ukraine avec la livraison de missiles NASAMS.", [("NO", "nasams", "pledged", None)]),
    # a past participle right after the item is its own, wherever the parser hangs it
    ("Ce surnom fait référence aux missiles NLAW livrés par le Royaume-Uni.", [("GB", "nlaw", "delivered", None)]),
    # « leur expédition » is the transfer of the things named before; « leur remise en état » is no transfer
    ("Les chars Leopard 2 sont très demandés. L'Allemagne a jusqu'à présent refusé d'autoriser leur expédition.", [(None, "leopard2", "requested", None), ("DE", "leopard2", "refused", None)]),
    ("L'Allemagne a promis des chars Leopard 1. Leur remise en état prendra des mois.", [("DE", "leopard1", "pledged", None)]),
    # an item said to be in Ukraine was delivered; one that will be there is promised
    ("Les chars Leopard 2 allemands sont désormais en Ukraine.", [("DE", "leopard2", "delivered", None)]),
    ("Les chars Leopard 2 allemands seront en Ukraine en mars.", [("DE", "leopard2", "pledged", None)]),
    # crews named at the head of a long subject are still the ones trained
    ("Le Portugal a livré des chars Leopard 2. Des soldats ukrainiens, des officiers et des sous-officiers, ont été formés au Portugal.", [("PT", "leopard2", "delivered", None), ("PT", "leopard2", "training", None)]),
    # an item given as an example is read from the noun it exemplifies, which the parse lost
    ("Kiev a formulé des demandes très précises de matériel que ses soldats savent utiliser, notamment des systèmes de défense antiaérienne et des armes antichar.", [(None, "gen_air_defence_system", "requested", None), (None, "gen_anti_tank_weapon", "requested", None)]),
    # « fournit » is the present (news hardly uses the passé simple): an announcement, unless done for some time
    ("Le ministre l'a confirmé. La Suède fournit également un système d'artillerie Archer.", [("SE", "archer", "pledged", 1)]),
    ("Le ministre l'a confirmé. La Suède fournit depuis le printemps des canons Archer à l'Ukraine.", [("SE", "archer", "delivered", None)]),
    # a transfer that goes with something else, or that the aid is limited to, is being made
    ("Le ministre l'a confirmé. Le transfert des chars T-72 par la Pologne est accompagné d'une formation.", [("PL", "t72", "delivered", None)]),
    ("Le ministre l'a confirmé. Le transfert des chars T-72 par la Pologne sera accompagné d'une formation.", [("PL", "t72", "pledged", None)]),
    # the agent of a noun that gives nothing is no source of the item; a collective's examples are
    ("Le ministre l'a confirmé. Les pays européens sont prêts à céder des Patriot, mais seulement en cas de remplacement rapide par les États-Unis.", [(None, "patriot", "considered", None)]),
    ("Le ministre l'a confirmé. Des Patriot ont été fournis par plusieurs pays, dont l'Allemagne.", [("DE", "patriot", "delivered", None)]),
    # in service in another army says nothing of aid; in Ukraine's, it was delivered
    ("Le ministre l'a confirmé. Le char Leopard 2 est en service dans l'armée allemande.", []),
    ("Le ministre l'a confirmé. Les canons Caesar sont en service au sein des forces ukrainiennes.", [(None, "caesar", "delivered", None)]),
    # production weighed is no aid weighed
    ("Le ministre l'a confirmé. La Suède et l'Ukraine ont annoncé leur intention de produire en commun des véhicules CV90.", []),
    # beginning to give is done when it began, promised when it is planned
    ("Le ministre l'a confirmé. L'Allemagne prévoit de commencer à fournir des obus.", [("DE", "gen_artillery_shell", "pledged", None)]),
    ("Le ministre l'a confirmé. L'Allemagne a commencé à fournir des obus.", [("DE", "gen_artillery_shell", "delivered", None)]),
    # « les armes » after a system named stands for it; « des armes » is no item
    ("Les États-Unis vont livrer des chars Abrams. Kiev plaide pour les armes depuis des mois.", [(None, "abrams", "requested", None), ("US", "abrams", "pledged", None)]),
    ("Les États-Unis vont livrer des chars Abrams. Kiev plaide pour des armes depuis des mois.", [("US", "abrams", "pledged", None)]),
    # a pointer stands for a kind named up to two sentences before
    ("La Corée du Sud livrera des obus. La décision a surpris. Les Ukrainiens ont demandé les armes depuis longtemps.", [(None, "gen_artillery_shell", "requested", None), ("KR", "gen_artillery_shell", "pledged", None)]),
    # a company's or a newspaper's nationality names no giver
    ("Le groupe suédois Saab a annoncé que des missiles NLAW seraient livrés à l'Ukraine.", [(None, "nlaw", "pledged", None)]),
    ("Selon le quotidien allemand Bild, des chars Leopard 2 seront livrés à l'Ukraine en mars.", [(None, "leopard2", "pledged", None)]),
    ("Les Pays-Bas livreront des chars Leopard 2 de fabrication allemande.", [("NL", "leopard2", "pledged", None)]),
    # the item a given one is compared with is not given
    ("La France n'exclut pas de livrer ses chars Leclerc, comparables aux Leopard allemands.", [("FR", "leclerc", "considered", None)]),
    ("Kiev a demandé à Berlin des chars Leopard 2, l'équivalent allemand des Abrams.", [("DE", "leopard2", "requested", None)]),
    # a counted noun said to be like the system named before is another system
    ("Washington a promis des HIMARS. Le Royaume-Uni envoie aussi trois unités d'une arme similaire, le M270.", [("GB", "m270", "pledged", 3), ("US", "himars", "pledged", None)]),
    ("Washington a promis des HIMARS. Le Royaume-Uni envoie aussi trois unités.", [("GB", "himars", "pledged", 3), ("US", "himars", "pledged", None)]),
    # the Bundeswehr is Germany's: what it receives is no aid, what it gives is Germany's
    ("La Bundeswehr devrait recevoir de nouveaux Leopard 2 pour remplacer ceux livrés.", []),
    ("La Bundeswehr a livré des Leopard 2 à l'Ukraine.", [("DE", "leopard2", "delivered", None)]),
    # a subject set apart by an apposition, the parse left as a root of its own
    ("Les Leopard 2 sont très demandés. L’Allemagne, créatrice de ces chars, a jusqu’à présent refusé d’autoriser leur expédition.", [(None, "leopard2", "requested", None), ("DE", "leopard2", "refused", None)]),
    # givers parsed as the root, named by their examples
    ("Les États-Unis vont envoyer 31 chars Abrams en Ukraine. D’autres pays, dont l’Allemagne, sont sur le point d’envoyer leurs propres chars modernes à Kiev.", [("DE", "abrams", "pledged", None), ("US", "abrams", "pledged", 31)]),
    # « jusqu'à 10 » is a count, not the A-10, which is written in capitals
    ("La France a promis des blindés conçus pour transporter jusqu’à 10 soldats.", [("FR", "gen_armoured_vehicle", "pledged", None)]),
    ("Les États-Unis ont exclu de livrer des A-10 à l'Ukraine.", [("US", "a10", "refused", None)]),
    # unnamed givers as the subject: a source named for another act gives nothing
    ("Les pays européens sont prêts à transférer des Patriot, mais seulement en cas de remplacement rapide par les États-Unis.", [(None, "patriot", "considered", None)]),
    # the members of a body, unnamed, are not the body
    ("D'autres membres de l'OTAN ont livré des chars T-72 à l'Ukraine.", [(None, "t72", "delivered", None)]),
    ("L'OTAN a livré des brouilleurs à l'Ukraine.", [("NATO", "gen_jammer", "delivered", None)]),
    # two states and two systems in one sentence: each state its own, as the article gave them
    ("Les États-Unis livreront des Bradley et l'Allemagne des Marder. Les deux pays formeront les militaires ukrainiens aux Bradley et aux Marder.", [("DE", "marder", "pledged", None), ("DE", "marder", "training", None), ("US", "bradley", "pledged", None), ("US", "bradley", "training", None)]),
    # no intention of giving is a refusal
    ("Le ministre l'a confirmé. Le Canada n'a toujours pas l'intention de fournir des chars Leopard 2.", [("CA", "leopard2", "refused", None)]),
    ("Le ministre l'a confirmé. Le Canada a l'intention de fournir des chars Leopard 2.", [("CA", "leopard2", "considered", None)]),
    # a refusal that held until now has ended; one that still holds stands
    ("Le ministre l'a confirmé. La position de Washington, qui refusait jusqu'à présent de fournir des missiles ATACMS, a changé.", []),
    ("Le ministre l'a confirmé. Washington a jusqu'à présent refusé de fournir des missiles ATACMS.", [("US", "atacms", "refused", None)]),
    # the partner of a cooperation gives too, with or without « en »
    ("Le ministre l'a confirmé. Grâce à la coopération avec les États-Unis, la Norvège a pu livrer des missiles NASAMS.", [("NO", "nasams", "delivered", None), ("US", "nasams", "delivered", None)]),
    # guided missiles beside a launcher are its air-defence missiles, a kind of their own
    ("Le ministre l'a confirmé. La Norvège a annoncé que 4 lanceurs NASAMS ainsi que 30 missiles guidés seront fournis à l'Ukraine.", [("NO", "gen_surface_to_air_missile", "pledged", 30), ("NO", "nasams", "pledged", 4)]),
    # a lead naming no giver is the next sentence's one giver; not when it names two, nor after a giver was named
    ("Le nouveau programme d'aide comprend des munitions et des mitrailleuses. Il porte l'aide totale des États-Unis à 3 milliards de dollars.", [("US", "gen_ammunition", "pledged", None), ("US", "gen_machine_gun", "pledged", None)]),
    ("Le nouveau programme d'aide comprend des munitions et des mitrailleuses. La France et l'Allemagne ont salué la décision.", []),
    ("Le Canada a livré des obusiers. Le nouveau programme d'aide comprend des munitions. L'Allemagne a salué la décision.", [("CA", "gen_ammunition", "pledged", None), ("CA", "gen_howitzer", "delivered", None)]),
    # « BVP », the Czech name of the BMP-1
    ("Le ministre l'a confirmé. La Tchéquie a livré des véhicules de combat BVP à l'Ukraine.", [("CZ", "bmp1", "delivered", None)]),
    # « côté allemand », « du côté de Berlin »: the side that acts
    ("Le ministre l'a confirmé. Côté allemand, on prévoit de livrer des Leopard 2.", [("DE", "leopard2", "pledged", None)]),
    ("Le ministre l'a confirmé. Du côté de Berlin, on prévoit de livrer des Leopard 2.", [("DE", "leopard2", "pledged", None)]),
    # « armes à fragmentation », the press's other name for cluster munitions
    ("Le ministre l'a confirmé. Washington envisage d'envoyer des armes à fragmentation à l'Ukraine.", [("US", "gen_cluster_munition", "considered", None)]),
    # « MiG » alone, in aid to Ukraine, is the MiG-29
    ("Le ministre l'a confirmé. La Slovaquie a déjà envoyé quelques MiG à l'Ukraine.", [("SK", "mig29", "delivered", None)]),
    # the giver of the article lasts through two sentences that name none, not three
    ("La Suède a promis des CV90. Le débat a été vif au Parlement. Les élus ont longuement discuté. Des obus seront aussi livrés.", [("SE", "cv90", "pledged", None), ("SE", "gen_artillery_shell", "pledged", None)]),
    ("La Suède a promis des CV90. Le débat a été vif au Parlement. Les élus ont longuement discuté. La séance a duré trois heures. Des obus seront aussi livrés.", [("SE", "cv90", "pledged", None)]),
    # « tout ce qui est possible », « si possible »: how hard or how soon, not whether
    ("Le ministre l'a confirmé. La Belgique fera tout ce qui est possible pour accélérer la livraison de F-16.", [("BE", "f16", "pledged", None)]),
    ("Le ministre l'a confirmé. La livraison de F-16 par la Belgique est possible.", [("BE", "f16", "considered", None)]),
    # « MinArm », the French ministry of the armed forces
    ("Le ministre l'a confirmé. Le MinArm a livré des canons Caesar à l'Ukraine.", [("FR", "caesar", "delivered", None)]),
    # what a fronted participle says the subject is fitted with is part of it, not given
    ("Le ministre l'a confirmé. Équipé d'un radar très puissant, il peut frapper des cibles à 100 kilomètres.", []),
    ("Le ministre l'a confirmé. Équipé d'un canon de 105 mm, le char AMX-10 RC sera livré à l'Ukraine.", [(None, "amx10rc", "pledged", None)]),
    # a body named only as where unnamed givers belong does not give, even right before the verb
    ("Le ministre l'a confirmé. Les réunions des partenaires de l'OTAN ont évoqué la possibilité de livrer des chars Leopard 2 à l'Ukraine.", [(None, "leopard2", "considered", None)]),
    ("Le ministre l'a confirmé. Les ministres de l'OTAN ont évoqué la possibilité de livrer des chars Leopard 2 à l'Ukraine.", [("NATO", "leopard2", "considered", None)]),
    # asking leave to export is a licence, not a request for aid; asking for the system still is
    ("Le ministre l'a confirmé. Mme Dupont a demandé au gouvernement suisse de lever le veto à la réexportation de munitions Gepard.", []),
    ("Le ministre l'a confirmé. Berlin a demandé à Berne l'autorisation de réexporter des munitions Gepard vers l'Ukraine.", []),
    ("Le ministre l'a confirmé. Le Japon examine la demande d'exportation d'obus de la Norvège.", []),
    ("Le ministre l'a confirmé. Kiev a demandé à Berlin de livrer des munitions Gepard.", [("DE", "gen_ammunition", "requested", None)]),
    # what an order includes is bought (no aid when nothing says for whom); what a package includes is given
    ("Le ministre l'a confirmé. Selon la presse, la commande de la Pologne comprenait 200 chars K2 et 300 obusiers K9.", []),
    ("Le ministre l'a confirmé. Le contrat signé par le Danemark pour l'Ukraine comprend 18 canons Caesar.", [("DK", "caesar", "procured", 18)]),
    ("Le ministre l'a confirmé. Le paquet comprend 18 canons Caesar.", [(None, "caesar", "pledged", 18)]),
    # unnamed givers of Kiev keep their fact donor-less when the parse hangs them elsewhere; Kiev alone takes the running giver
    ("Le ministre l'a confirmé. Londres a promis des chars Challenger 2. Les interdits cèdent les uns après les autres depuis des mois et les soutiens de Kiev ont finalement accepté en mars de livrer des chars Leopard 2.", [(None, "leopard2", "pledged", None), ("GB", "challenger2", "pledged", None)]),
    ("Le ministre l'a confirmé. Londres a promis des chars Challenger 2. Les interdits cèdent les uns après les autres depuis des mois et Kiev va recevoir des chars Leopard 2.", [("GB", "challenger2", "pledged", None), ("GB", "leopard2", "pledged", None)]),
    # a clause on the item with an object of its own says what the item does, not what is done with it
    ("Le ministre l'a confirmé. « Kiev a transmis des demandes très précises de matériel que ses unités savent employer, notamment des canons antiaériens et des mines antichars posées pour bloquer l'avance des colonnes ennemies », a précisé le ministre.", [(None, "gen_anti_aircraft_gun", "requested", None), (None, "gen_anti_tank_mine", "requested", None)]),
    ("Le ministre l'a confirmé. La Suède a livré des missiles antichars pour freiner l'avancée des blindés russes.", [("SE", "gen_anti_tank_missile", "delivered", None)]),
    # what the speaker's side owns is not asked for; what its soldiers need still is
    ("Le ministre l'a confirmé. « Nos F-16, nous en avons encore besoin », a expliqué le Premier ministre belge.", []),
    ("Le ministre l'a confirmé. « Nos soldats ont besoin de chars Leopard 2 », a déclaré le président ukrainien.", [(None, "leopard2", "requested", None)]),
    # troops trained by the thousand are not the crews of the system named before; a few dozen still are
    ("Le ministre l'a confirmé. La Norvège a livré des obusiers M109 à l'Ukraine. Des instructeurs norvégiens forment 10 000 soldats ukrainiens en Grande-Bretagne.", [("NO", "m109", "delivered", None)]),
    ("Le ministre l'a confirmé. La Norvège a livré des obusiers M109 à l'Ukraine. Des instructeurs norvégiens forment des milliers de soldats ukrainiens.", [("NO", "m109", "delivered", None)]),
    ("Le ministre l'a confirmé. La Norvège a livré des obusiers M109 à l'Ukraine. Des instructeurs norvégiens forment 40 soldats ukrainiens en Norvège.", [("NO", "m109", "delivered", None), ("NO", "m109", "training", 40)]),
    # « Les canons » opening a sentence are the system named before; not inside a sentence
    ("La Norvège a promis des obusiers M109. Les canons ont été remis avec des munitions et une formation donnée à des soldats ukrainiens.", [("NO", "gen_ammunition", "delivered", None), ("NO", "m109", "delivered", None), ("NO", "m109", "pledged", None), ("NO", "m109", "training", None)]),
    # « remis en service », « remis en état »: put back to use, not handed over; « remis à l'Ukraine » is
    ("Le ministre l'a confirmé. Ces chars T-72 ont été remis en service par l'armée tchèque.", []),
    ("Le ministre l'a confirmé. La Tchéquie a remis des chars T-72 à l'Ukraine.", [("CZ", "t72", "delivered", None)]),
    # a stand taken against the giving is a refusal
    ("Le ministre l'a confirmé. Le chancelier allemand s'est une fois encore prononcé contre la livraison de missiles Taurus à Kiev.", [("DE", "taurus", "refused", None)]),
    ("Le ministre l'a confirmé. Le gouvernement suédois a voté contre l'envoi de chars Leopard 2 à l'Ukraine.", [("SE", "leopard2", "refused", None)]),
    # what a concession names is background: no status from it, for its items or the main clause's
    ("Le ministre l'a confirmé. Malgré les promesses d'envoi de chars occidentaux, les chars T-72 tchèques restent les plus nombreux de l'arsenal ukrainien.", []),
    ("Le ministre l'a confirmé. Malgré les demandes répétées de Kiev, Berlin a refusé de livrer des missiles Taurus.", [("DE", "taurus", "refused", None)]),
    # what a piece of hardware contains is its parts, not a package's items; what an aid holds still is
    ("Le ministre l'a confirmé. Les armes à sous-munitions sont un type d'arme contenant des dizaines de petites bombes.", []),
    ("Le ministre l'a confirmé. Le nouveau paquet d'aide américain, qui comprend des obus de 155 mm, a été annoncé mardi.", [("US", "gen_155mm_shell", "pledged", None)]),
    # a noun of giving, subject of a modal's passive infinitive, takes the modal's mood
    ("Le ministre l'a confirmé. Selon deux responsables, la livraison de chars Abrams à l'Ukraine pourrait être annoncée la semaine prochaine.", [(None, "abrams", "considered", None)]),
    ("Le ministre l'a confirmé. La livraison de chars Abrams à l'Ukraine doit être annoncée la semaine prochaine.", [(None, "abrams", "pledged", None)]),
    # production a state plans or decides is not paid for; money released for it is
    ("Le ministre l'a confirmé. L'Italie prévoit de produire 20 000 obus par an d'ici à 2028.", []),
    ("Le ministre l'a confirmé. L'Allemagne a débloqué 100 millions d'euros pour produire des obus destinés à l'Ukraine.", [("DE", "gen_artillery_shell", "procured", None)]),
    # a purchase in the pluperfect is background to the news; one just made is procured
    ("Le ministre l'a confirmé. La Finlande avait acquis ces lance-roquettes auprès de la Norvège dans les années 1990.", []),
    ("Le ministre l'a confirmé. La Finlande a acquis des lance-roquettes pour l'Ukraine.", [("FI", "gen_rocket_launcher", "procured", None)]),
    # a verb of judging a transfer comments on it: no status from it
    ("Le ministre l'a confirmé. Le porte-parole du Kremlin a qualifié les livraisons de chars Leopard à Kiev de provocation.", []),
    ("Le ministre l'a confirmé. Moscou dénonce l'envoi de missiles Storm Shadow à l'Ukraine.", []),
    # what aid is said to be limited to is what it has given
    ("Le ministre l'a confirmé. Jusqu'ici, l'aide des Occidentaux à Kiev se limite à la fourniture de chars T-72.", [(None, "t72", "delivered", None)]),
    ("Le ministre l'a confirmé. Jusqu'ici, l'aide des Occidentaux à Kiev s'est bornée à l'envoi de missiles Stinger.", [(None, "stinger", "delivered", None)]),
    # a giving done « après avoir » something else is delivered, whatever governs the clause
    ("Le ministre l'a confirmé. La Norvège veut acheter des obus pour remplir ses stocks après avoir envoyé une grande quantité de ces obus en Ukraine.", [("NO", "gen_artillery_shell", "delivered", None)]),
    # a noun of giving that is the topic of a noun of no status names a subject, not an act; talks on it are weighed
    ("Le ministre l'a confirmé. Le ministre a parlé en marge d'une réunion du groupe de contact sur les livraisons de chars Leopard à l'Ukraine.", []),
    ("Le ministre l'a confirmé. Les discussions sur la livraison de chars Leopard à l'Ukraine continuent.", [(None, "leopard", "considered", None)]),
    # closed to a giving (« reste fermée à », « a fermé la porte à ») is a refusal; a pronoun subject is the one state before it
    ("Le ministre l'a confirmé. Le ministre a dit que la Norvège avait accepté de livrer des obus, mais qu'elle restait fermée sur la question des chars Leopard.", [("NO", "gen_artillery_shell", "pledged", None), ("NO", "leopard", "refused", None)]),
    ("Le ministre l'a confirmé. La Suède reste fermée à toute livraison de chasseurs Gripen à l'Ukraine.", [("SE", "gripen", "refused", None)]),
    ("Le ministre l'a confirmé. Selon le ministre, la Suède a fermé la porte à l'envoi de Gripen.", [("SE", "gripen", "refused", None)]),
    # a state buying from another state pays for what a third country sells; from its makers, it buys for itself
    ("Le ministre l'a confirmé. L'Allemagne a racheté des chars Gepard au Qatar.", [("DE", "gepard", "procured", None)]),
    ("Le ministre l'a confirmé. La Norvège a acheté des obus auprès de la Corée du Sud.", [("NO", "gen_artillery_shell", "procured", None)]),
    ("Le ministre l'a confirmé. La Norvège a acheté des obus à Rheinmetall.", []),
    # what contracts « relatifs à » name is procured, wherever the parser hangs the « à »
    ("Le ministre l'a confirmé. La Norvège est en train de négocier des contrats relatifs à une série de blindés qui seront transférés à l'Ukraine au plus tôt.", [("NO", "gen_armoured_vehicle", "procured", None)]),
    # « apprendre à » trains in all its forms (« apprennent à », « ont appris à »), not only « apprend »
    ("Le ministre l'a confirmé. Des pilotes ukrainiens apprennent à utiliser le F-16 au Danemark.", [("DK", "f16", "training", None)]),
    ("Le ministre l'a confirmé. Des pilotes ukrainiens ont appris à utiliser le F-16 au Danemark.", [("DK", "f16", "training", None)]),
    # re-exporting gives; refusing leave to re-export, or the request for it, is the licensing state's refusal
    ("Le ministre l'a confirmé. La Suisse a refusé d'autoriser l'Allemagne à réexporter des obus vers l'Ukraine.", [("CH", "gen_artillery_shell", "refused", None)]),
    ("Le ministre l'a confirmé. La Suisse a rejeté la demande de Berlin de l'autoriser à réexporter des obus vers l'Ukraine.", [("CH", "gen_artillery_shell", "refused", None)]),
    ("Le ministre l'a confirmé. La Suisse a autorisé l'Allemagne à réexporter des obus vers l'Ukraine.", [("DE", "gen_artillery_shell", "pledged", None)]),
    ("Le ministre l'a confirmé. Berlin a demandé à Berne de l'autoriser à réexporter des obus.", []),
    # an object set off after an aside (« fournisse, pour continuer à …, des missiles ») belongs to the verb before the aside
    ("Le ministre l'a confirmé. On ne peut pas exclure que la Norvège fournisse bientôt, pour continuer à utiliser le même radar, des missiles NASAMS.", [("NO", "nasams", "considered", None)]),
    ("Le ministre l'a confirmé. La Norvège livrera, pour aider à défendre les villes, des missiles NASAMS.", [("NO", "nasams", "pledged", None)]),
    ("Le ministre l'a confirmé. Les soldats utilisent, pour défendre la ville, des missiles NASAMS.", []),
    # what a noun of asking (« besoin », « priorité ») is, through a copula or « rester », is asked for; a giver's priority of giving is not
    ("Le ministre l'a confirmé. Le président ukrainien a déclaré que ses priorités aujourd'hui sont les systèmes de défense aérienne et les obus.", [(None, "gen_air_defence_system", "requested", None), (None, "gen_artillery_shell", "requested", None)]),
    ("Le ministre l'a confirmé. La priorité de Kiev reste les systèmes de défense aérienne.", [(None, "gen_air_defence_system", "requested", None)]),
    ("Le ministre l'a confirmé. La priorité de la Norvège reste la livraison d'obus.", [("NO", "gen_artillery_shell", "pledged", None)]),
    # « missiles pour la défense aérienne » are air defence missiles
    ("Le ministre l'a confirmé. La Norvège livrera des missiles pour la défense aérienne.", [("NO", "gen_air_defence_missile", "pledged", None)]),
    # a definite pronoun (« les ») takes the count of what it points back to in its sentence; « en » counts after its verb
    ("Le ministre l'a confirmé. La Belgique a acheté six chars Leopard 1 et les livrera à l'Ukraine en mai.", [("BE", "leopard1", "pledged", 6), ("BE", "leopard1", "procured", 6)]),
    ("Le ministre l'a confirmé. La Belgique a livré six chars Leopard 1 et en livrera deux autres.", [("BE", "leopard1", "delivered", 6), ("BE", "leopard1", "pledged", 2)]),
    # « artillerie » spans rocket artillery: before a rocket launcher it names in its sentence, it is that launcher
    ("Le ministre l'a confirmé. La Norvège livrera de l'artillerie à longue portée (MLRS) - des lance-roquettes M270 - à l'Ukraine.", [("NO", "m270", "pledged", None)]),
    ("Le ministre l'a confirmé. La Norvège livrera des lance-roquettes M270 et de l'artillerie à l'Ukraine.", [("NO", "gen_artillery", "pledged", None), ("NO", "m270", "pledged", None)]),
    # a noun of giving that « contexte », « sujet », « propos » govern is what is talked about, not an act
    ("Le ministre l'a confirmé. Les deux ministres ont évoqué plusieurs difficultés dans le contexte de la fourniture de missiles Taurus à l'Ukraine.", []),
    ("Le ministre l'a confirmé. Le chancelier s'est exprimé au sujet des livraisons de chars Leopard à Kiev.", []),
    ("Le ministre l'a confirmé. Dans ce contexte, Berlin a annoncé la livraison de chars Leopard à l'Ukraine.", [("DE", "leopard", "pledged", None)]),
    # « appeler » with two bare objects names a thing, it asks for nothing; « appeler à » asks
    ("Le ministre l'a confirmé. Les soldats ukrainiens appellent ce blindé le char à roues.", []),
    ("Le ministre l'a confirmé. Les équipages ont essayé le canon et sont convenus de l'appeler le fusil de sniper géant.", []),
    ("Le ministre l'a confirmé. Zelensky a appelé l'Allemagne à livrer des chars Leopard.", [("DE", "leopard", "requested", None)]),
    # a law banning a transfer to no one named is the law of the land, no refusal; a ban toward Ukraine is one
    ("Le ministre l'a confirmé. Une loi belge interdit la production et l'exportation des mines antipersonnel.", []),
    ("Le ministre l'a confirmé. Une loi suisse interdit la réexportation de munitions vers l'Ukraine.", [("CH", "gen_ammunition", "refused", None)]),
    # a transfer seen or found, subject or object of the verb of seeing, was made; noting what is planned is not
    ("Le ministre l'a confirmé. Selon le député, « des livraisons de blindés slovaques de type BVP ont été constatées ».", [("SK", "bmp1", "delivered", None)]),
    ("Le ministre l'a confirmé. Des observateurs ont repéré l'arrivée de chars Leopard près du front.", [(None, "leopard", "delivered", None)]),
    ("Le ministre l'a confirmé. Le député a noté que la livraison de chars Leopard était prévue pour mars.", [(None, "leopard", "pledged", None)]),
    # a giving verb set in former times (« autrefois », « jadis », « naguère ») is history, no aid reported
    ("Le ministre l'a confirmé. La Belgique a autrefois déployé des centaines de chars Leopard 1, remplacés depuis par des blindés plus récents.", []),
    ("Le ministre l'a confirmé. La Belgique a jadis livré des chars Leopard 1 au Brésil.", []),
    ("Le ministre l'a confirmé. La Belgique a livré des chars Leopard 1 à l'Ukraine.", [("BE", "leopard1", "delivered", None)]),
    # ammunition « pour des » systems serves them, as « pour les »: the systems are not given
    ("Le ministre l'a confirmé. La Belgique pourrait fournir à l'Ukraine des obus à sous-munitions pour des obusiers de 155 mm.", [("BE", "gen_cluster_munition", "considered", None)]),
    ("Le ministre l'a confirmé. La Belgique livrera des obus et des obusiers à l'Ukraine.", [("BE", "gen_artillery_shell", "pledged", None), ("BE", "gen_howitzer", "pledged", None)]),
    # a system both sides of the war use says nothing of aid; Ukraine firing it at Russia is still holding it
    ("Le ministre l'a confirmé. Le secrétaire général de l'OTAN a rappelé que les armes à sous-munitions sont utilisées par l'Ukraine comme par la Russie.", []),
    ("Le ministre l'a confirmé. Des missiles Storm Shadow britanniques ont été tirés par l'Ukraine sur la Russie.", [("GB", "storm_shadow_scalp", "delivered", None)]),
    # what a contract or money keeps up or repairs is not itself given or bought; parts for it are given
    ("Le ministre l'a confirmé. La Norvège a signé un contrat pour l'entretien des obusiers M109 ukrainiens.", []),
    ("Le ministre l'a confirmé. La Norvège financera la réparation des chars Leopard 2 ukrainiens.", []),
    ("Le ministre l'a confirmé. La Norvège livrera des pièces détachées pour la maintenance des chars Leopard 2.", [("NO", "gen_spare_parts", "pledged", None)]),
    # a shortage given as the cause of what is told explains it, asks for nothing; a shortage faced still asks
    ("Le ministre l'a confirmé. Les artilleurs ukrainiens tirent peu en raison d'une grave pénurie d'obus.", []),
    ("Le ministre l'a confirmé. Les artilleurs ukrainiens tirent peu à cause de la pénurie d'obus.", []),
    ("Le ministre l'a confirmé. L'armée ukrainienne fait face à une pénurie d'obus.", [(None, "gen_artillery_shell", "requested", None)]),
    # a request a state makes (« reçu de l'Allemagne deux requêtes », « la demande de Berlin ») is leave asked of another, no aid asked for; rejecting it still refuses
    ("Le ministre l'a confirmé. Le porte-parole suisse a confirmé avoir reçu de l'Allemagne deux requêtes concernant le transfert à Kiev de munitions fabriquées en Suisse.", []),
    ("Le ministre l'a confirmé. Berne a rejeté la demande de Berlin concernant la livraison de chars Leopard à l'Ukraine.", [("CH", "leopard", "refused", None)]),
    ("Le ministre l'a confirmé. Berlin a reçu de l'Ukraine une demande de chars Leopard.", [(None, "leopard", "requested", None)]),
    # « transfère » is a present, not the infinitive the morphologizer may take it for: « déjà » says it is under way
    ("Le ministre l'a confirmé. La Pologne transfère déjà des chars T-72 à l'Ukraine.", [("PL", "t72", "delivered", None)]),
    ("Le ministre l'a confirmé. La Pologne transfère depuis l'été des chars T-72 à l'Ukraine.", [("PL", "t72", "delivered", None)]),
    ("Le ministre l'a confirmé. La Pologne transfère des chars T-72 à l'Ukraine.", [("PL", "t72", "pledged", None)]),
    # the examples after « dont » are read from the noun they exemplify, across an aside and a kind naming each; a counted kind stays beside them
    ("Le ministre l'a confirmé. Londres a déjà expédié plus de 4 000 missiles antichars en Ukraine, dont les fameux NLAW, des missiles Javelin et des missiles antiaériens Starstreak.", [("GB", "gen_anti_tank_missile", "delivered", 4000), ("GB", "javelin", "delivered", None), ("GB", "nlaw", "delivered", None), ("GB", "starstreak", "delivered", None)]),
    ("Le ministre l'a confirmé. Londres a expédié 3 000 missiles antichars (pour un coût de 90 millions de livres) en Ukraine, dont les NLAW et des missiles Javelin.", [("GB", "gen_anti_tank_missile", "delivered", 3000), ("GB", "javelin", "delivered", None), ("GB", "nlaw", "delivered", None)]),
    ("Le ministre l'a confirmé. Londres a expédié des missiles antichars en Ukraine, dont des NLAW et des missiles Javelin.", [("GB", "javelin", "delivered", None), ("GB", "nlaw", "delivered", None)]),
    # who set up or leads a group of states (« la coalition mise sur pied par ») gives nothing by it; the agent of the giving still gives
    ("Le ministre l'a confirmé. Le sommet a porté sur la livraison de F-16 dans le cadre de la coalition mise sur pied par le Danemark et les Pays-Bas.", [(None, "f16", "pledged", None)]),
    ("Le ministre l'a confirmé. Le sommet a porté sur la livraison de F-16 dans le cadre de la coalition dirigée par le Danemark.", [(None, "f16", "pledged", None)]),
    ("Le ministre l'a confirmé. Le sommet a porté sur la livraison de F-16 par le Danemark.", [("DK", "f16", "pledged", None)]),
    # a call made (« lancer un appel à », « faire appel à ») asks; a call a giving verb rejects is refused
    ("Le ministre l'a confirmé. Kiev a lancé un appel à la livraison de chars Leclerc.", [(None, "leclerc", "requested", None)]),
    ("Le ministre l'a confirmé. Kiev fait appel à ses alliés pour obtenir des missiles Aster.", [(None, "aster_30", "requested", None)]),
    # a call for tenders puts an order out to industry: procured, not asked
    ("Le ministre l'a confirmé. Le Danemark a lancé un appel d'offres pour 15 obusiers destinés à l'Ukraine.", [("DK", "gen_howitzer", "procured", 15)]),
    ("Le ministre l'a confirmé. Rome a rejeté l'appel de Kiev à livrer des missiles Aster.", [("IT", "aster_30", "refused", None), ("IT", "aster_30", "requested", None)]),
    # a transfer « à l'étude », « sur la table », not yet decided (« pas encore tranché ») is weighed
    ("Le ministre l'a confirmé. La livraison de chars Leclerc par la France est à l'étude.", [("FR", "leclerc", "considered", None)]),
    ("Le ministre l'a confirmé. La livraison de chars Leclerc est sur la table.", [(None, "leclerc", "considered", None)]),
    ("Le ministre l'a confirmé. La France n'a pas encore tranché sur l'envoi de chars Leclerc.", [("FR", "leclerc", "considered", None)]),
    ("Le ministre l'a confirmé. La France a laissé la porte ouverte à la livraison de chars Leclerc.", [("FR", "leclerc", "considered", None)]),
    ("Le ministre l'a confirmé. La livraison de chars Leclerc est à l'ordre du jour.", [(None, "leclerc", "considered", None)]),
    # a partitive « en » stands for a kind named just before when no system was; a definite « les » does not
    ("Le ministre l'a confirmé. Les alliés envisagent l'envoi d'armes à sous-munitions. Les Ukrainiens en ont demandé.", [(None, "gen_cluster_munition", "considered", None), (None, "gen_cluster_munition", "requested", None)]),
    ("Le ministre l'a confirmé. Les alliés envisagent l'envoi d'armes à sous-munitions. Les Ukrainiens les ont demandées.", [(None, "gen_cluster_munition", "considered", None)]),
    # « ne … en aucun cas », « à aucun moment » negate as « ne … pas » does; a stand against the giving (« l'opposition de ») refuses
    ("Le ministre l'a confirmé. Rome ne livrera en aucun cas de missiles Aster.", [("IT", "aster_30", "refused", None)]),
    ("Le ministre l'a confirmé. Rome livrera dans tous les cas des missiles Aster.", [("IT", "aster_30", "pledged", None)]),
    ("Le ministre l'a confirmé. L'opposition de Rome à la livraison de missiles Aster agace Kiev.", [("IT", "aster_30", "refused", None)]),
    # a request said to be made to a state (« une demande adressée à ») names whom the next sentence's requests are made to; not a state that merely received one
    ("Le ministre l'a confirmé. La première demande adressée à la Suède portait sur des radios. Kiev a ensuite réclamé des systèmes de défense aérienne, puis des drones suédois.", [("SE", "gen_air_defence_system", "requested", None), ("SE", "gen_drone", "requested", None)]),
    ("Le ministre l'a confirmé. La première demande adressée à la Suède portait sur des radios. Kiev a ensuite réclamé des drones à la Norvège.", [("NO", "gen_drone", "requested", None)]),
    ("Le ministre l'a confirmé. La Suède a reçu une demande. Kiev a ensuite réclamé des drones.", [(None, "gen_drone", "requested", None)]),
    # with « se », « demander » and « interroger » wonder (considered), across the « si » of the question; without it « demander » still asks
    ("Le ministre l'a confirmé. La Suède se demande si elle doit envoyer des chars Leopard 2 à l'Ukraine.", [("SE", "leopard2", "considered", None)]),
    ("Le ministre l'a confirmé. La Suède se demande s'il faut envoyer des chars Leopard 2 à l'Ukraine.", [("SE", "leopard2", "considered", None)]),
    ("Le ministre l'a confirmé. Berlin s'interroge sur l'envoi de missiles Taurus à l'Ukraine.", [("DE", "taurus", "considered", None)]),
    ("Le ministre l'a confirmé. Kiev demande à Berlin de livrer des missiles Taurus.", [("DE", "taurus", "requested", None)]),
    # an interest shown in the giving (« manifester son intérêt pour ») weighs it
    ("Le ministre l'a confirmé. La Belgique a manifesté son intérêt pour la livraison de chars Leopard 1 à l'Ukraine.", [("BE", "leopard1", "considered", None)]),
    ("Le ministre l'a confirmé. La Belgique a annoncé la livraison de chars Leopard 1 à l'Ukraine.", [("BE", "leopard1", "pledged", None)]),
    # a giving that is the goal of an agreement made is pledged by the clause's subject; another goal is none
    ("Le ministre l'a confirmé. L'Allemagne a conclu un accord avec la Grèce pour qu'Athènes envoie des chars T-72 à l'Ukraine.", [("GR", "t72", "pledged", None)]),
    ("Le ministre l'a confirmé. L'Allemagne fait pression pour que la Grèce envoie des chars T-72 à l'Ukraine.", []),
    # a giving that is the subject of a risk (« menace de », « risque de ») is a danger talked about, no act; a state that risks giving still gives
    ("Le ministre l'a confirmé. Les livraisons de chars Leclerc à l'Ukraine risquent d'entraîner la France dans la guerre.", []),
    ("Le ministre l'a confirmé. L'envoi de missiles Taurus menace de provoquer une escalade.", []),
    ("Le ministre l'a confirmé. La France risque de livrer des chars Leclerc trop tard.", [("FR", "leclerc", "pledged", None)]),
    # not being able to give (« n'est pas en mesure de », « n'est pas capable de ») refuses; being able promises
    ("Le ministre l'a confirmé. L'Allemagne n'est pas en mesure de fournir des chars Leopard 2 à l'Ukraine.", [("DE", "leopard2", "refused", None)]),
    ("Le ministre l'a confirmé. Berlin n'est pas capable de livrer des missiles Taurus à l'Ukraine.", [("DE", "taurus", "refused", None)]),
    ("Le ministre l'a confirmé. L'Allemagne est en mesure de fournir des chars Leopard 2 à l'Ukraine.", [("DE", "leopard2", "pledged", None)]),
    # a decision to give that its verb denies (« n'est pas encore prise ») is still weighed; taken, it pledges
    ("Le ministre l'a confirmé. La décision de livrer des missiles Taurus n'a toujours pas été prise par Berlin.", [("DE", "taurus", "considered", None)]),
    ("Le ministre l'a confirmé. La décision de livrer des missiles Taurus a été prise par Berlin.", [("DE", "taurus", "pledged", None)]),
    # a veto or a refusal as the object of a light verb refuses; lifting it ends the refusal
    ("Le ministre l'a confirmé. Berlin a mis son veto à la livraison de chars Leopard 2.", [("DE", "leopard2", "refused", None)]),
    ("Le ministre l'a confirmé. Berlin a opposé un refus à la livraison de chars Leopard 2.", [("DE", "leopard2", "refused", None)]),
    ("Le ministre l'a confirmé. Berlin a levé son veto à la livraison de chars Leopard 2.", [("DE", "leopard2", "pledged", None)]),
    # a negative passive subject (« rien n'a encore été décidé ») negates a pledge: still weighed when not yet
    ("Le ministre l'a confirmé. Rien n'a encore été décidé sur l'envoi de missiles Taurus.", [(None, "taurus", "considered", None)]),
    # no stand taken yet on the giving (« ne s'est pas encore prononcé sur ») weighs it; a stand against it refuses
    ("Le ministre l'a confirmé. Berlin ne s'est pas encore prononcé sur l'envoi de missiles Taurus.", [("DE", "taurus", "considered", None)]),
    ("Le ministre l'a confirmé. Berlin s'est prononcé contre la livraison de missiles Taurus.", [("DE", "taurus", "refused", None)]),
    # saying no (« a dit non à ») refuses; « non seulement » negates nothing
    ("Le ministre l'a confirmé. Berlin a dit non à la livraison de missiles Taurus.", [("DE", "taurus", "refused", None)]),
    ("Le ministre l'a confirmé. La France a non seulement livré des Caesar mais aussi des chars AMX-10 RC.", [("FR", "amx10rc", "delivered", None), ("FR", "caesar", "delivered", None)]),
    # launchers given by the hundred are shoulder-fired anti-tank ones, a few are rocket artillery
    ("La Norvège enverra un millier de lance-roquettes à l'Ukraine.", [("NO", "gen_anti_tank_rocket", "pledged", 1000)]),
    ("La Norvège enverra quatre lance-roquettes à l'Ukraine.", [("NO", "gen_rocket_launcher", "pledged", 4)]),
    # a sale to Ukraine paid for by another state is that state's purchase; the seller gives nothing
    ("Washington a approuvé la vente de six NASAMS à l'Ukraine. Le montant de cette vente sera payé par les Pays-Bas.", [("NL", "nasams", "procured", 6)]),
    ("Washington a approuvé la vente de six NASAMS à l'Ukraine, financée par la Norvège.", [("NO", "nasams", "procured", 6)]),
    ("Washington a approuvé la vente de six NASAMS à l'Ukraine. Le montant de cette vente reste secret.", [("US", "nasams", "pledged", 6)]),
    # a personal pronoun goes on with the state the sentence before is about, not the last giver
    ("Le Danemark a livré des F-16 à l'Ukraine. La Belgique a rejoint la coalition. Elle ne livrera pas ses F-16.", [("BE", "f16", "refused", None), ("DK", "f16", "delivered", None)]),
    ("Le Danemark a livré des F-16 à l'Ukraine. La Belgique a rejoint la coalition et elle forme des pilotes. Elle ne livrera pas ses F-16.", [("BE", "f16", "refused", None), ("BE", "f16", "training", None), ("DK", "f16", "delivered", None)]),
    ("Le Danemark a livré des F-16 à l'Ukraine. Le nombre d'avions reste secret. Il enverra aussi des F-16 d'entraînement.", [("DK", "f16", "delivered", None), ("DK", "f16", "pledged", None)]),
    # « ces livraisons … par » a state names who carries out the transfers told just before
    ("Berlin a autorisé l'envoi à l'Ukraine de 30 obusiers M109. Ces envois seront assurés par la Norvège.", [("NO", "m109", "pledged", 30)]),
    ("Berlin a autorisé l'envoi à l'Ukraine de 30 obusiers M109. Ces envois seront assurés par bateau.", [("DE", "m109", "pledged", 30)]),
    # a shipment on its way or arrived, naming no item, delivers what was last promised
    ("La Norvège va envoyer des obusiers M109 à l'Ukraine. Le ministre n'a pas donné de date. Un premier lot est déjà arrivé.", [("NO", "m109", "delivered", None), ("NO", "m109", "pledged", None)]),
    ("La Norvège va envoyer des obusiers M109 à l'Ukraine. Un premier lot doit partir en mai.", [("NO", "m109", "pledged", None)]),
    # a family name is the model one state gives under the same status; not across two lines
    ("La Suède enverra des chars Leopard.\n\nElle fournira 10 Leopard 2A5 à l'Ukraine.", [("SE", "leopard2a5", "pledged", 10)]),
    ("La Suède enverra des chars Leopard. Elle fournira 10 Leopard 2A5 et 20 Leopard 1A5.", [("SE", "leopard", "pledged", None), ("SE", "leopard1a5", "pledged", 20), ("SE", "leopard2a5", "pledged", 10)]),
    ("La Suède a livré des chars Leopard. Elle fournira 10 Leopard 2A5 à l'Ukraine.", [("SE", "leopard", "delivered", None), ("SE", "leopard2a5", "pledged", 10)]),
    # « N autres suivront » adds to the count of the same commitment; a later pledge after a delivery is its own
    ("La Norvège livrera quatre chars Leopard 2. Huit autres suivront bientôt.", [("NO", "leopard2", "pledged", 12)]),
    ("La Norvège a livré quatre chars Leopard 2. Huit autres suivront bientôt.", [("NO", "leopard2", "delivered", 4), ("NO", "leopard2", "pledged", 8)]),
    # a count said of a noun the system is set beside
    ("La Norvège envoie trois unités d'un système comparable, le M270.", [("NO", "m270", "pledged", 3)]),
    ("La Norvège envoie trois obusiers M109 et une arme similaire, le M270.", [("NO", "m109", "pledged", 3), ("NO", "m270", "pledged", None)]),
    # one item counted again before each agent: each donor its own count
    ("Des obusiers Archer ont été livrés. 6 exemplaires ont été fournis par la Norvège, 4 autres par le Danemark.", [("DK", "archer", "delivered", 4), ("NO", "archer", "delivered", 6)]),
    ("6 obusiers Archer ont été fournis par la Norvège et le Danemark.", [("DK", "archer", "delivered", 6), ("NO", "archer", "delivered", 6)]),
    # an adjective of quality between the classifier and the kind
    ("La Norvège va livrer à l'Ukraine un système perfectionné de défense aérienne, le NASAMS.", [("NO", "nasams", "pledged", 1)]),
    # a model counted with no donor named is the count of the states that give its family
    ("L'Ukraine va recevoir au moins 80 chars Leopard 1 A5 cet été. Pour la livraison des Leopard 1, Oslo et Copenhague promettent aussi des pièces de rechange.", [(None, "leopard1a5", "pledged", 80), ("DK", "gen_spare_parts", "pledged", None), ("DK", "leopard1", "pledged", 80), ("NO", "gen_spare_parts", "pledged", None), ("NO", "leopard1", "pledged", 80)]),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_rule_readings(text, expected):
    assert rule_facts(text) == expected
