skip-to-content = Gå til hovedindholdet
language-switcher = Sprog
all-languages = Alle sprog
built-with = Lavet med newsroom
choose-language = Vælg dit sprog
events-heading = Arrangementer
no-events = Der er endnu ikke dækket nogen arrangementer på dette sprog.
date-unknown = Dato ukendt
report-count = { PLURAL($count) ->
    [one] { $count } artikel
   *[other] { $count } artikler
}
available-in = Dækket på:
event-date = Dato
event-place = Sted
reports-heading = Artikler
other-languages-heading = Dækning på andre sprog
published = Udgivet
event = Arrangement:
source = Kilde:
also-in = Findes også på
taxonomy-sectors = Brancher
taxonomy-countries = Lande
taxonomy-organisations = Organisationer
taxonomy-tags = Tags
not-found-title = Siden blev ikke fundet
not-found-text = Der er ingen side på denne adresse. Den kan være flyttet, eller linket kan være stavet forkert.
not-found-home = Gå til de seneste arrangementer
site-sections = Sektioner
nav-latest = Seneste
nav-archive = Arkiv
archive-title = Arkiv
archive-year-title = Arrangementer i { $year }
archive-undated = Arrangementer uden kendt dato står på forsiden.
event-count = { PLURAL($count) ->
    [one] { $count } arrangement
   *[other] { $count } arrangementer
}
term-reports = Artikler om { $term }
no-terms = Der er endnu ikke noget under denne overskrift.
pagination = Sider
pagination-newer = Nyere
pagination-older = Ældre
pagination-status = Side { $page } af { $pages }
suggest-language = Fortsæt på dansk
