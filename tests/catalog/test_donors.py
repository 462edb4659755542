"""donors.csv: coverage, surface forms, uniqueness and currencies."""

from __future__ import annotations

import re
import unicodedata

import pytest

from aidwatch.catalog import donors, donors_by_code

# The 193 UN member states, plus Kosovo (XK) and Taiwan (TW).
UN_MEMBERS = """
AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG
BF BI CV KH CM CA CF TD CL CN CO KM CG CD CR CI HR CU CY CZ DK DJ DM DO EC EG
SV GQ ER EE SZ ET FJ FI FR GA GM GE DE GH GR GD GT GN GW GY HT HN HU IS IN ID
IR IQ IE IL IT JM JP JO KZ KE KI KP KR KW KG LA LV LB LS LR LY LI LT LU MG MW
MY MV ML MT MH MR MU MX FM MD MC MN ME MA MZ MM NA NR NP NL NZ NI NE NG MK NO
OM PK PW PA PG PY PE PH PL PT QA RO RU RW KN LC VC WS SM ST SA SN RS SC SL SG
SK SI SB SO ZA SS ES LK SD SR SE CH SY TJ TZ TH TL TG TO TT TN TR TM TV UG UA
AE GB US UY UZ VU VE VN YE ZM ZW
""".split()
STATES = UN_MEMBERS + ["XK", "TW"]


def _fold(form: str) -> str:
    """Lower case without accents, as the uniqueness check compares forms."""
    decomposed = unicodedata.normalize("NFKD", form.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _forms(code: str) -> tuple[str, ...]:
    d = donors_by_code()[code]
    return d.names + d.demonyms + d.metonyms


def test_loads_at_least_190_rows():
    assert len(donors()) >= 190


def test_un_member_list_is_complete():
    assert len(UN_MEMBERS) == len(set(UN_MEMBERS)) == 193


@pytest.mark.parametrize("code", STATES)
def test_every_un_member_kosovo_and_taiwan_is_present(code):
    assert code in donors_by_code()


# (surface form as a French article writes it, expected code)
SURFACE_FORMS = [
    ("britanniques", "GB"),
    ("Royaume-Uni", "GB"),
    ("Downing Street", "GB"),
    ("Londres", "GB"),
    ("allemande", "DE"),
    ("Allemagne", "DE"),
    ("Berlin", "DE"),
    ("Pentagone", "US"),
    ("Maison Blanche", "US"),
    ("États-Unis", "US"),
    ("Etats-Unis", "US"),
    ("américaines", "US"),
    ("Washington", "US"),
    ("Élysée", "FR"),
    ("Quai d'Orsay", "FR"),
    ("française", "FR"),
    ("Pays-Bas", "NL"),
    ("néerlandais", "NL"),
    ("La Haye", "NL"),
    ("Varsovie", "PL"),
    ("polonaises", "PL"),
    ("République tchèque", "CZ"),
    ("tchèques", "CZ"),
    ("danoise", "DK"),
    ("Otan", "NATO"),
    ("OTAN", "NATO"),
    ("UE", "EU"),
    ("Bruxelles", "EU"),
    ("Kiev", "UA"),
    ("Kyiv", "UA"),
    ("ukrainiens", "UA"),
    ("Kremlin", "RU"),
    ("Moscou", "RU"),
    ("Téhéran", "IR"),
    ("nord-coréens", "KP"),
    ("Minsk", "BY"),
    ("Slovaquie", "SK"),
    ("turque", "TR"),
    ("Canadians", "CA"),
    ("Séoul", "KR"),
]


@pytest.mark.parametrize(("form", "code"), SURFACE_FORMS)
def test_surface_form_belongs_to_its_code(form, code):
    assert form in _forms(code)


def test_no_surface_form_belongs_to_two_codes():
    owners: dict[str, set[str]] = {}
    for d in donors():
        for form in d.names + d.demonyms + d.metonyms:
            owners.setdefault(_fold(form), set()).add(d.code)
    shared = {form: sorted(codes) for form, codes in owners.items() if len(codes) > 1}
    assert not shared


@pytest.mark.parametrize("code", STATES)
def test_every_state_has_an_iso_4217_currency(code):
    assert re.fullmatch(r"[A-Z]{3}", donors_by_code()[code].currency or "")


EUROZONE = "AT BE BG HR CY EE FI FR DE GR IE IT LV LT LU MT NL PT SK SI ES".split()


@pytest.mark.parametrize("code", EUROZONE)
def test_eurozone_states_use_the_euro(code):
    assert donors_by_code()[code].currency == "EUR"


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        ("UA", "recipient"),
        ("RU", "adversary"),
        ("BY", "adversary"),
        ("IR", "adversary"),
        ("KP", "adversary"),
        ("EU", "body"),
        ("NATO", "body"),
        ("US", "state"),
        ("GB", "state"),
        ("XK", "state"),
        ("TW", "state"),
    ],
)
def test_kind(code, kind):
    assert donors_by_code()[code].kind == kind


def test_only_listed_rows_are_not_plain_states():
    special = {d.code for d in donors() if d.kind != "state"}
    assert special == {"UA", "RU", "BY", "IR", "KP", "EU", "NATO"}


@pytest.mark.parametrize(
    "word",
    [
        "occidental",
        "occidentaux",
        "européen",
        "européens",
        "européenne",
        "soviétique",
        "soviétiques",
        "Alliance",
        "malaise",
        "anglais",
        "Polish",
        "Poles",
        "congolais",
        "coréen",
    ],
)
def test_ambiguous_words_are_not_surface_forms(word):
    assert all(_fold(word) not in {_fold(f) for f in _forms(d.code)} for d in donors())


def test_names_and_metonyms_are_capitalised():
    bad = [
        (d.code, form) for d in donors() for form in d.names + d.metonyms if not form[0].isupper()
    ]
    assert not bad


def test_names_carry_no_article():
    bad = [
        (d.code, form)
        for d in donors()
        for form in d.names
        if re.match(r"(?i)(la|le|les|l['’])\b", form)
    ]
    assert not bad


def test_every_row_has_a_name():
    assert all(d.names and d.name_fr and d.name_en for d in donors())
