skip-to-content = Pāriet uz galveno saturu
language-switcher = Valodas
all-languages = Visas valodas
built-with = Izveidots ar newsroom
choose-language = Izvēlieties valodu
events-heading = Pasākumi
no-events = Šajā valodā vēl nav atspoguļots neviens pasākums.
date-unknown = Datums nav zināms
report-count = { PLURAL($count) ->
    [zero] { $count } rakstu
    [one] { $count } raksts
   *[other] { $count } raksti
}
available-in = Atspoguļots valodās:
event-date = Datums
event-place = Vieta
reports-heading = Raksti
other-languages-heading = Raksti citās valodās
published = Publicēts
event = Pasākums:
source = Avots:
also-in = Pieejams arī citās valodās
taxonomy-sectors = Nozares
taxonomy-countries = Valstis
taxonomy-organisations = Organizācijas
taxonomy-tags = Birkas
not-found-title = Lapa nav atrasta
not-found-text = Šajā adresē nav lapas. Iespējams, tā ir pārvietota vai saitē ir kļūda.
not-found-home = Uz jaunākajiem pasākumiem
site-sections = Sadaļas
nav-latest = Jaunākais
nav-archive = Arhīvs
archive-title = Arhīvs
archive-year-title = { $year }. gada pasākumi
archive-undated = Pasākumi bez zināma datuma ir uzskaitīti sākumlapā.
event-count = { PLURAL($count) ->
    [zero] { $count } pasākumu
    [one] { $count } pasākums
   *[other] { $count } pasākumi
}
term-reports = Raksti: { $term }
no-terms = Šajā sadaļā vēl nekā nav.
pagination = Lapas
pagination-newer = Jaunāki
pagination-older = Vecāki
pagination-status = { $page }. lapa no { $pages }
suggest-language = Turpināt latviešu valodā
