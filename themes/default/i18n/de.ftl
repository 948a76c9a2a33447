skip-to-content = Zum Hauptinhalt springen
language-switcher = Sprachen
all-languages = Alle Sprachen
built-with = Erstellt mit newsroom
choose-language = Wählen Sie Ihre Sprache
events-heading = Veranstaltungen
no-events = Zu keiner Veranstaltung gibt es bisher einen Bericht in dieser Sprache.
date-unknown = Datum unbekannt
report-count = { PLURAL($count) ->
    [one] { $count } Bericht
   *[other] { $count } Berichte
}
available-in = Berichte auf:
event-date = Datum
event-place = Ort
reports-heading = Berichte
other-languages-heading = Berichte in anderen Sprachen
published = Veröffentlicht am
event = Veranstaltung:
source = Quelle:
also-in = Auch verfügbar auf
taxonomy-sectors = Branchen
taxonomy-countries = Länder
taxonomy-organisations = Organisationen
taxonomy-tags = Schlagwörter
not-found-title = Seite nicht gefunden
not-found-text = Unter dieser Adresse gibt es keine Seite. Vielleicht wurde sie verschoben, oder der Link ist falsch geschrieben.
not-found-home = Zu den neuesten Veranstaltungen
site-sections = Rubriken
nav-latest = Aktuell
nav-archive = Archiv
archive-title = Archiv
archive-year-title = Veranstaltungen { $year }
archive-undated = Veranstaltungen ohne bekanntes Datum stehen auf der Startseite.
event-count = { PLURAL($count) ->
    [one] { $count } Veranstaltung
   *[other] { $count } Veranstaltungen
}
term-reports = Berichte zu { $term }
no-terms = Unter dieser Rubrik wurde noch nichts eingeordnet.
pagination = Seiten
pagination-newer = Neuere
pagination-older = Ältere
pagination-status = Seite { $page } von { $pages }
suggest-language = Weiter auf Deutsch
