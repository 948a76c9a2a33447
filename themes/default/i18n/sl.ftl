skip-to-content = Skoči na glavno vsebino
language-switcher = Jeziki
all-languages = Vsi jeziki
built-with = Izdelano z orodjem newsroom
choose-language = Izberite jezik
events-heading = Dogodki
no-events = V tem jeziku še ni poročil o nobenem dogodku.
date-unknown = Datum ni znan
report-count = { PLURAL($count) ->
    [one] { $count } poročilo
    [two] { $count } poročili
    [few] { $count } poročila
   *[other] { $count } poročil
}
available-in = Poročila v jezikih:
event-date = Datum
event-place = Kraj
reports-heading = Poročila
other-languages-heading = Poročila v drugih jezikih
published = Objavljeno
event = Dogodek:
source = Vir:
also-in = Na voljo tudi v drugih jezikih
taxonomy-sectors = Sektorji
taxonomy-countries = Države
taxonomy-organisations = Organizacije
taxonomy-tags = Oznake
not-found-title = Strani ni mogoče najti
not-found-text = Na tem naslovu ni strani. Morda je bila premaknjena ali pa je povezava napačno zapisana.
not-found-home = Na najnovejše dogodke
site-sections = Rubrike
nav-latest = Najnovejše
nav-archive = Arhiv
archive-title = Arhiv
archive-year-title = Dogodki v letu { $year }
archive-undated = Dogodki brez znanega datuma so navedeni na prvi strani.
event-count = { PLURAL($count) ->
    [one] { $count } dogodek
    [two] { $count } dogodka
    [few] { $count } dogodki
   *[other] { $count } dogodkov
}
term-reports = Poročila: { $term }
no-terms = V tej rubriki še ni ničesar.
pagination = Strani
pagination-newer = Novejše
pagination-older = Starejše
pagination-status = Stran { $page } od { $pages }
suggest-language = Nadaljuj v slovenščini
