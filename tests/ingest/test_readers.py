"""Readers: text, folders, JSON Lines, HTML, rejected inputs, language."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from aidwatch.ingest.language import detect
from aidwatch.ingest.readers import Notice, Skipped, read_paths
from aidwatch.model import Article

EXAMPLES = Path(__file__).parents[2] / "examples" / "dev" / "articles"

FRENCH = (
    "L’Ukraine est arrivée à bout du stock d’armes de conception soviétique et russe "
    "qu’elle possédait, selon des sources militaires américaines. Les Occidentaux se "
    "sont mobilisés pour soutenir Kiev qui réclamait des armes et des munitions."
)
ENGLISH = (
    "The United States will soon send four more advanced rocket systems to Ukraine, "
    "which have been credited with helping the country's military gain momentum in "
    "its war with Russia, officials said on Friday."
)


def read_one(path: Path) -> Article | Skipped:
    (result,) = read_paths([path])
    return result


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return path


# --- text files: the date line -------------------------------------------------


@pytest.mark.parametrize(
    ("content", "published", "text"),
    [
        (" date 2022-06 L’Ukraine est à bout.", "2022-06", "L’Ukraine est à bout."),
        (" date 2022-06\n\nL’Ukraine est à bout.", "2022-06", "L’Ukraine est à bout."),
        ("date 2023-04-21\nKiev réclame des armes.", "2023-04-21", "Kiev réclame des armes."),
        ("   DATE 2023-04-21   Kiev réclame.", "2023-04-21", "Kiev réclame."),
        ("\ufeff date 2022-06\nAvec BOM.", "2022-06", "Avec BOM."),
        ("Kiev réclame des armes.\n", None, "Kiev réclame des armes.\n"),
        ("Mise à jour : date 2022-06 ici.", None, "Mise à jour : date 2022-06 ici."),
        (" date 2022-13 Mois impossible.", None, " date 2022-13 Mois impossible."),
        ("Ligne un\r\nLigne deux\rLigne trois", None, "Ligne un\nLigne deux\nLigne trois"),
    ],
)
def test_text_date_line_sets_published_and_is_removed(tmp_path, content, published, text):
    article = read_one(write(tmp_path / "a.txt", content))
    assert (article.published, article.text) == (published, text)


def test_text_article_fields(tmp_path):
    article = read_one(write(tmp_path / "000_ee75.txt", " date 2022-06 " + FRENCH))
    assert (article.id, article.source, article.title, article.language) == (
        "000_ee75.txt",
        str(tmp_path / "000_ee75.txt"),
        None,
        "fr",
    )


def test_text_after_date_line_is_unchanged_so_offsets_hold(tmp_path):
    body = "  Berlin va livrer 14 chars Leopard 2A6.\n\n  Paris enverra des  CAESAR.  \n"
    article = read_one(write(tmp_path / "a.txt", " date 2023-01\n" + body))
    assert article.text == body.lstrip()
    start = article.text.index("Leopard")
    assert article.text[start : start + len("Leopard 2A6")] == "Leopard 2A6"


def test_file_without_suffix_is_read_as_text(tmp_path):
    assert read_one(write(tmp_path / "article", FRENCH)).text == FRENCH


SOVIET = "Les chars soviétiques livrés à l’Ukraine."


@pytest.mark.parametrize(
    ("content", "text", "warning"),
    [
        (SOVIET.encode(), SOVIET, None),
        ("\ufeff".encode() + SOVIET.encode(), SOVIET, None),
        (SOVIET.encode("cp1252"), SOVIET, "not UTF-8: read as Windows-1252"),
        (
            SOVIET.encode() + b" (\xe9t\xe9)",
            SOVIET + " (\ufffdt\ufffd)",
            "not valid UTF-8: 2 bad byte sequences (the first at byte 48) read as U+FFFD",
        ),
        (
            SOVIET.encode().decode("cp1252").encode(),
            SOVIET,
            "UTF-8 decoded twice ('Ã©'), repaired",
        ),
        (
            "Les chars soviÃ©tiques livrés.".encode(),
            "Les chars soviÃ©tiques livrés.",
            "looks decoded twice ('Ã©'), kept as written",
        ),
    ],
)
def test_text_that_is_not_clean_utf8_is_read_with_one_warning(tmp_path, content, text, warning):
    path = write(tmp_path / "a.txt", content)
    records = list(read_paths([path]))
    notices = [Notice(str(path), warning)] if warning else []
    assert records[:-1] == notices
    assert records[-1].text == text


# --- folders ---------------------------------------------------------------------


def test_folder_is_read_recursively_by_name_skipping_hidden(tmp_path):
    for name in ["b.txt", "a.txt", "sub/c.txt", "sub/.hidden.txt", ".git/d.txt", "0.txt"]:
        write(tmp_path / name, FRENCH)
    results = list(read_paths([tmp_path]))
    assert [Path(r.source).relative_to(tmp_path).as_posix() for r in results] == [
        "0.txt",
        "a.txt",
        "b.txt",
        "sub/c.txt",
    ]


def test_paths_are_read_in_the_order_given(tmp_path):
    first, second = write(tmp_path / "z.txt", FRENCH), write(tmp_path / "a.txt", FRENCH)
    assert [r.id for r in read_paths([str(first), second])] == ["z.txt", "a.txt"]


# --- JSON Lines ------------------------------------------------------------------


def test_jsonl_bad_lines_are_skipped_and_the_batch_goes_on(tmp_path):
    lines = [
        json.dumps({"id": "a", "text": FRENCH, "date": "2022-06", "title": "Armes"}),
        "{not json",
        "",
        json.dumps({"id": "b"}),
        json.dumps({"id": "c", "text": FRENCH, "date": "xx"}),
        json.dumps({"id": 7, "text": ENGLISH, "url": "https://example.org/7"}),
        json.dumps({"text": FRENCH}),
        json.dumps(["id", "text"]),
        json.dumps({"id": "d", "text": "   "}),
        json.dumps({"id": "e", "text": FRENCH, "date": "2023-04-21"}),
    ]
    path = write(tmp_path / "batch.jsonl", "\n".join(lines) + "\n")
    results = [
        (r.source, r.reason)
        if isinstance(r, Skipped)
        else (r.id, r.source, r.title, r.published, r.language)
        for r in read_paths([path])
    ]
    assert results == [
        ("a", f"{path}:1", "Armes", "2022-06", "fr"),
        (f"{path}:2", "not valid JSON"),
        (f"{path}:4", "missing text"),
        (f"{path}:5", "bad date 'xx'"),
        ("7", "https://example.org/7", None, None, "en"),
        (f"{path}:7", "missing id"),
        (f"{path}:8", "not a JSON object"),
        (f"{path}:9", "empty"),
        ("e", f"{path}:10", None, "2023-04-21", "fr"),
    ]


def test_ndjson_is_read_as_json_lines(tmp_path):
    path = write(tmp_path / "x.ndjson", json.dumps({"id": 1, "text": FRENCH}) + "\r\n")
    assert read_one(path).text == FRENCH


# --- HTML ------------------------------------------------------------------------

HTML_PAGE = """<!DOCTYPE html>
<html lang="fr">
<head>
  <meta charset="utf-8">
  <title>Kiev recevra de nouveaux chars Leopard - Le Quotidien</title>
  <meta property="og:title" content="Kiev recevra de nouveaux chars Leopard">
  <meta property="article:published_time" content="2023-01-25T14:30:00+01:00">
</head>
<body>
  <header><nav><ul>
    <li><a href="/">Accueil</a></li><li><a href="/monde">Monde</a></li>
    <li><a href="/sport">Sport</a></li><li><a href="/abonnement">S’abonner</a></li>
  </ul></nav></header>
  <main>
    <article>
      <h1>Kiev recevra de nouveaux chars Leopard</h1>
      <p>L’Allemagne a annoncé mercredi qu’elle allait livrer quatorze chars Leopard 2A6
      à l’Ukraine, une décision longtemps attendue par Kiev et par ses alliés européens,
      qui réclamaient depuis des semaines un geste fort de la part de Berlin.</p>
      <p>Le chancelier Olaf Scholz a précisé devant le Bundestag que ces blindés seraient
      prélevés sur les stocks de la Bundeswehr et que la formation des équipages
      ukrainiens commencerait très rapidement en Allemagne.</p>
      <p>La Pologne, qui avait déjà promis une compagnie de chars, a salué une décision
      « historique » et appelé les autres pays européens à se joindre à la coalition
      pour que les premiers blindés arrivent sur le front avant le printemps.</p>
    </article>
  </main>
  <aside><h2>Les plus lus</h2><ul><li><a href="/a">Météo : le froid arrive</a></li></ul></aside>
  <footer><p>© 2023 Le Quotidien — Mentions légales — Politique de cookies</p></footer>
</body>
</html>
"""


def test_html_body_title_and_date_are_read(tmp_path):
    article = read_one(write(tmp_path / "page.html", HTML_PAGE))
    assert "quatorze chars Leopard 2A6" in article.text
    assert "printemps" in article.text
    assert "Mentions légales" not in article.text
    assert "S’abonner" not in article.text
    assert (article.id, article.title, article.published, article.language) == (
        "page.html",
        "Kiev recevra de nouveaux chars Leopard",
        "2023-01-25",
        "fr",
    )


def test_html_without_article_text_is_skipped(tmp_path):
    page = "<html><head><title>Vidéo</title></head><body><img src='a.png'></body></html>"
    path = write(tmp_path / "empty.htm", page)
    assert read_one(path) == Skipped(str(path), "no article text found in HTML")


# --- rejected inputs ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("bin.txt", b"PK\x03\x04\x00\x00binary", "binary file"),
        ("bin.jsonl", b'{"id": 1}\x00\x00', "binary file"),
        ("bin.html", b"<html>\x00</html>", "binary file"),
        ("empty.txt", b"", "empty"),
        ("blank.txt", b" \n\t\r\n", "empty"),
        ("only-date.txt", b" date 2022-06\n\n", "empty"),
        ("blank.jsonl", b"\n\n  \n", "empty"),
        ("blank.html", b"  \n", "empty"),
        ("bad.txt", b"caf\xc3 \x81\x8d", "not UTF-8 text"),
        ("notes.pdf", b"%PDF-1.4", "unsupported file type '.pdf'"),
    ],
)
def test_unusable_file_is_skipped_with_a_reason(tmp_path, name, content, reason):
    path = write(tmp_path / name, content)
    assert read_one(path) == Skipped(str(path), reason)


def test_oversized_file_is_skipped_without_reading_it(tmp_path):
    path = tmp_path / "big.txt"
    with path.open("wb") as sparse:
        sparse.truncate(6 * 1024 * 1024)
    assert read_one(path) == Skipped(str(path), "larger than 5 MB")


def test_missing_path_is_skipped(tmp_path):
    missing = tmp_path / "nowhere.txt"
    assert read_one(missing) == Skipped(str(missing), "no such file or directory")


def test_skipped_file_does_not_stop_the_folder(tmp_path):
    write(tmp_path / "a.txt", b"")
    write(tmp_path / "b.txt", FRENCH)
    results = list(read_paths([tmp_path]))
    assert [type(r).__name__ for r in results] == ["Skipped", "Article"]


def test_notice_does_not_stop_the_folder(tmp_path):
    write(tmp_path / "a.txt", FRENCH.encode("cp1252"))
    write(tmp_path / "b.txt", FRENCH)
    results = list(read_paths([tmp_path]))
    assert [type(r).__name__ for r in results] == ["Notice", "Article", "Article"]


# --- language --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (FRENCH, "fr"),
        (ENGLISH, "en"),
        ("Les États-Unis et la France ont livré des canons CAESAR à l’Ukraine.", "fr"),
        ("Kiev, HIMARS, Leopard 2A6.", "und"),
        ("le la the of", "und"),
        ("", "und"),
    ],
)
def test_detect_language(text, language):
    assert detect(text) == language


def test_non_french_article_is_read_and_labelled(tmp_path):
    assert read_one(write(tmp_path / "en.txt", ENGLISH)).language == "en"


# --- the example articles ----------------------------------------------------------


def test_example_articles():
    articles = list(read_paths([EXAMPLES]))
    assert [(a.id[:3], a.published, a.language) for a in articles] == [
        ("000", None, "fr"),
        ("001", "2022-06", "fr"),
        ("002", "2023-04", "fr"),
        ("003", None, "fr"),
        ("004", "2023-06", "fr"),
    ]
    assert all(not a.text[0].isspace() and "date 20" not in a.text[:20] for a in articles)


def test_large_jsonl_batch_reads_and_skips_only_oversized_records(tmp_path):
    good = json.dumps({"id": "a", "text": "L'Allemagne livre des chars à l'Ukraine."})
    huge = json.dumps({"id": "b", "text": "x" * (5 * 1024 * 1024 + 10)})
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join([good, huge, good.replace('"a"', '"c"')]) + "\n", encoding="utf-8")
    records = list(read_paths([path]))
    assert [r.id for r in records if isinstance(r, Article)] == ["a", "c"]
    assert Skipped(f"{path}:2", "record larger than 5 MB") in records
