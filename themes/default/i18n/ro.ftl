skip-to-content = Salt la conținutul principal
language-switcher = Limbi
all-languages = Toate limbile
built-with = Realizat cu newsroom
choose-language = Alegeți limba
events-heading = Evenimente
no-events = Niciun eveniment nu a fost încă relatat în această limbă.
date-unknown = Dată necunoscută
report-count = { PLURAL($count) ->
    [one] { $count } articol
    [few] { $count } articole
   *[other] { $count } de articole
}
available-in = Articole în:
event-date = Data
event-place = Locul
reports-heading = Articole
other-languages-heading = Articole în alte limbi
published = Publicat pe
event = Eveniment:
source = Sursa:
also-in = Disponibil și în
taxonomy-sectors = Sectoare
taxonomy-countries = Țări
taxonomy-organisations = Organizații
taxonomy-tags = Etichete
not-found-title = Pagina nu a fost găsită
not-found-text = Nu există nicio pagină la această adresă. Este posibil să fi fost mutată sau ca linkul să fie greșit.
not-found-home = Mergi la cele mai recente evenimente
site-sections = Secțiuni
nav-latest = Noutăți
nav-archive = Arhivă
archive-title = Arhivă
archive-year-title = Evenimente din { $year }
archive-undated = Evenimentele fără dată cunoscută sunt afișate pe prima pagină.
event-count = { PLURAL($count) ->
    [one] { $count } eveniment
    [few] { $count } evenimente
   *[other] { $count } de evenimente
}
term-reports = Articole despre { $term }
no-terms = Deocamdată nu există nimic în această secțiune.
pagination = Pagini
pagination-newer = Mai noi
pagination-older = Mai vechi
pagination-status = Pagina { $page } din { $pages }
suggest-language = Continuați în limba română
