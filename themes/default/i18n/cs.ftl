skip-to-content = Přejít k hlavnímu obsahu
language-switcher = Jazyky
all-languages = Všechny jazyky
built-with = Vytvořeno nástrojem newsroom
choose-language = Vyberte si jazyk
events-heading = Akce
no-events = V tomto jazyce zatím nejsou zprávy ze žádné akce.
date-unknown = Datum neznámé
report-count = { PLURAL($count) ->
    [one] { $count } zpráva
    [few] { $count } zprávy
    [many] { $count } zprávy
   *[other] { $count } zpráv
}
available-in = Zprávy v jazycích:
event-date = Datum
event-place = Místo
reports-heading = Zprávy
other-languages-heading = Zprávy v dalších jazycích
published = Zveřejněno
event = Akce:
source = Zdroj:
also-in = K dispozici také v dalších jazycích
taxonomy-sectors = Odvětví
taxonomy-countries = Země
taxonomy-organisations = Organizace
taxonomy-tags = Štítky
not-found-title = Stránka nenalezena
not-found-text = Na této adrese žádná stránka není. Mohla být přesunuta, nebo je odkaz chybně napsaný.
not-found-home = Přejít na nejnovější akce
site-sections = Rubriky
nav-latest = Nejnovější
nav-archive = Archiv
archive-title = Archiv
archive-year-title = Akce v roce { $year }
archive-undated = Akce bez známého data jsou uvedeny na úvodní stránce.
event-count = { PLURAL($count) ->
    [one] { $count } akce
    [few] { $count } akce
    [many] { $count } akce
   *[other] { $count } akcí
}
term-reports = Zprávy: { $term }
no-terms = V této rubrice zatím nic není.
pagination = Stránky
pagination-newer = Novější
pagination-older = Starší
pagination-status = Stránka { $page } z { $pages }
suggest-language = Pokračovat v češtině
